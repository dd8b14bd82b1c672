package dev.topo.model;

import java.util.List;

/**
 * One value a statement takes after its keyword, as the vocabulary declares it.
 *
 * @param label what the value is, for messages and completion details ("OS family")
 * @param shape which tokens may fill it
 * @param role what the value is where it stands, for colouring and completion
 * @param optional whether it may be left out (only a last slot may be)
 * @param closed the only words it accepts (an enumeration), or empty for any word
 * @param suggested words completion offers besides those the program uses (runtimes, languages)
 */
public record Slot(String label, Shape shape, Role role, boolean optional, List<String> closed, List<String> suggested) {
  /** The tokens a slot accepts. */
  public enum Shape {
    /** One name. */
    WORD,
    /** Names separated by commas. */
    WORD_LIST,
    /** A quoted string. */
    STRING,
    /** A plain number. */
    NUMBER,
    /** Cores: a plain number, or millicores ({@code 500m}). */
    CORES,
    /** A label's key: a name, or a quoted string for keys a name cannot spell ({@code "node.kubernetes.io/pool"}). */
    KEY,
    /** A number with a unit ({@code 512Mi}), or a plain number. */
    QUANTITY;

    /** How a syntax message names what is expected. */
    public Message expected() {
      return Message.of(switch (this) {
        case WORD, WORD_LIST -> "syntax.expected.name";
        case STRING -> "syntax.expected.string";
        case NUMBER -> "syntax.expected.number";
        case CORES -> "syntax.expected.cores";
        case KEY -> "syntax.expected.key";
        case QUANTITY -> "syntax.expected.quantity";
      });
    }
  }

  /** What a value means where it stands; the editor colours and completes by it. */
  public enum Role {
    DECLARATION, OS_FAMILY, VALUE, NAMESPACE, PLATFORM, LIBRARY, LIBRARY_REFERENCE, REFERENCE, LABEL, VERSION, STRING, NUMBER
  }

  public Slot {
    closed = List.copyOf(closed);
    suggested = List.copyOf(suggested);
  }

  static Slot of(String label, Shape shape, Role role) {
    return new Slot(label, shape, role, false, List.of(), List.of());
  }

  static Slot choice(String label, Role role, List<String> words) {
    return new Slot(label, Shape.WORD, role, false, words, List.of());
  }

  static Slot suggesting(String label, Role role, List<String> words) {
    return new Slot(label, Shape.WORD, role, false, List.of(), words);
  }

  Slot mayBeLeftOut() {
    return new Slot(label, shape, role, true, closed, suggested);
  }

  /**
   * Whether it holds the name of an entity (a block's name, a {@code nodes} entry), which is
   * written quoted when it is not an identifier: {@code "ip-10-0-1-23.ec2.internal"}.
   */
  public boolean namesEntity() {
    return role == Role.DECLARATION || role == Role.REFERENCE;
  }

  /** Every word completion offers for it: the closed set, else the suggestions. */
  public List<String> words() {
    return closed.isEmpty() ? suggested : closed;
  }
}
