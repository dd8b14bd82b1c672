package dev.topo.model;

import dev.topo.model.Slot.Role;
import dev.topo.model.Slot.Shape;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The vocabulary: every statement of the language, declared once. Each keyword says what
 * follows it (its slots), where it is allowed, whether it may repeat, how completion inserts
 * it and how its values become the model's. Parsing, completion, colouring, formatting,
 * hovers and the generated docs all derive from this table; its knowledge entry is the
 * keyword's word.
 *
 * <p>The constants are in the order a block is usually written (imports and declarations,
 * then properties, then nested blocks), which is the order completion offers them in.
 *
 * <p>A snippet is LSP snippet text in which {@code \n} ends a line at the cursor's
 * indentation, {@code \t} indents one level more, and {@code ${N|@KEYWORD|}} is a choice
 * among the words of that keyword's first slot (the editor may order or fill them from the
 * program: node names for {@code @nodes}).
 */
public enum Keyword {
  IMPORT(Form.IMPORT, "import \"$1\"", Set.of(), true, null, Slot.of("path", Shape.STRING, Role.STRING)),
  HOST(Form.BLOCK, "host ${1:name} {\n\tos ${2|@os|}\n\tcpu ${3:8}\n\tmemory ${4:32GiB}\n\t$0\n}", Set.of(), true),
  CLUSTER(Form.BLOCK, "cluster ${1:name} {\n\tnodes ${2|@nodes|}\n\t$0\n}", Set.of(), true),

  OS(Form.PROPERTY, "os ${1|@os|}", machines(), false, Readers::os,
      Slot.choice("OS family", Role.OS_FAMILY, OsFamily.words()),
      Slot.of("release", Shape.STRING, Role.STRING).mayBeLeftOut()),
  CPU(Form.PROPERTY, "cpu ${1:2}", machines(), false, Readers::cpu, Slot.of("cores", Shape.CORES, Role.NUMBER)),
  MEMORY(Form.PROPERTY, "memory ${1:4GiB}", machines(), false, Readers::memory,
      Slot.of("amount", Shape.QUANTITY, Role.NUMBER)),
  CPU_REQUEST(Form.PROPERTY, "cpu-request ${1:500m}", Set.of(EntityKind.CONTAINER), false, Readers::cpu,
      Slot.of("cores", Shape.CORES, Role.NUMBER)),
  MEMORY_REQUEST(Form.PROPERTY, "memory-request ${1:512MiB}", Set.of(EntityKind.CONTAINER), false, Readers::memory,
      Slot.of("amount", Shape.QUANTITY, Role.NUMBER)),
  ARCH(Form.PROPERTY, "arch ${1|@arch|}", machines(), false, Readers::arch,
      new Slot("architectures", Shape.WORD_LIST, Role.VALUE, false, Arch.words(), List.of())),
  KERNEL(Form.PROPERTY, "kernel \"${1:5.15.0}\"", Set.of(EntityKind.HOST, EntityKind.VM), false, Readers::kernel,
      Slot.of("version", Shape.STRING, Role.VERSION)),
  CGROUP(Form.PROPERTY, "cgroup ${1|@cgroup|}", Set.of(EntityKind.HOST, EntityKind.VM), false, Readers::cgroup,
      Slot.choice("cgroup version", Role.VALUE, CgroupVersion.words())),
  HYPERVISOR(Form.PROPERTY, "hypervisor ${1|@hypervisor|}", Set.of(EntityKind.HOST), false, Readers::tool,
      Slot.suggesting("hypervisor", Role.PLATFORM, List.of("kvm", "xen", "hyper-v", "esxi", "virtualbox")),
      Slot.of("version", Shape.STRING, Role.STRING).mayBeLeftOut()),
  RUNTIME(Form.PROPERTY, "runtime ${1|@runtime|}", Set.of(EntityKind.HOST, EntityKind.VM), false, Readers::tool,
      Slot.suggesting("container runtime", Role.PLATFORM, List.of("docker", "containerd", "cri-o", "podman")),
      Slot.of("version", Shape.STRING, Role.STRING).mayBeLeftOut()),
  IMAGE(Form.PROPERTY, "image \"${1:registry/name}:${2:1.0.0}\"", Set.of(EntityKind.CONTAINER), false,
      Readers::image, Slot.of("reference", Shape.STRING, Role.STRING)),
  ISOLATION(Form.PROPERTY, "isolation ${1|@isolation|}", Set.of(EntityKind.CONTAINER), false, Readers::isolation,
      Slot.choice("isolation", Role.VALUE, Isolation.words())),
  PRIVILEGED(Form.PROPERTY, "privileged ${1|@privileged|}", Set.of(EntityKind.CONTAINER), false,
      v -> Readers.bool(v, "privileged"), Slot.choice("true or false", Role.VALUE, List.of("false", "true"))),
  INIT(Form.PROPERTY, "init ${1|@init|}", Set.of(EntityKind.CONTAINER), false, v -> Readers.bool(v, "init"),
      Slot.choice("true or false", Role.VALUE, List.of("false", "true"))),
  SHARE(Form.PROPERTY, "share ${1|@share|}", Set.of(EntityKind.CONTAINER), false, Readers::namespaces,
      new Slot("namespaces", Shape.WORD_LIST, Role.NAMESPACE, false, Namespace.words(), List.of())),
  LIBRARY(Form.PROPERTY, "library ${1:name} \"${2:1.0}\"", machines(), true, Readers::library,
      Slot.of("library", Shape.WORD, Role.LIBRARY), Slot.of("version", Shape.STRING, Role.VERSION)),
  LABEL(Form.PROPERTY, "label ${1:key} \"${2:value}\"", Set.of(EntityKind.HOST, EntityKind.VM), true, Readers::label,
      Slot.of("key", Shape.KEY, Role.LABEL), Slot.of("value", Shape.STRING, Role.STRING)),
  TAINT(Form.PROPERTY, "taint ${1:key} \"${2:value}\"", Set.of(EntityKind.HOST, EntityKind.VM), true,
      Readers::taint, Slot.of("key", Shape.KEY, Role.LABEL), Slot.of("value", Shape.STRING, Role.STRING),
      Slot.choice("effect", Role.VALUE, Taint.Effect.words()).mayBeLeftOut()),
  NODES(Form.PROPERTY, "nodes ${1|@nodes|}", Set.of(EntityKind.CLUSTER), false, v -> v.words(0),
      Slot.of("nodes", Shape.WORD_LIST, Role.REFERENCE)),
  REPLICAS(Form.PROPERTY, "replicas ${1:2}", Set.of(EntityKind.POD), false, Readers::replicas,
      Slot.of("replicas", Shape.NUMBER, Role.NUMBER)),
  DAEMON(Form.PROPERTY, "daemon ${1|@daemon|}", Set.of(EntityKind.POD), false, v -> Readers.bool(v, "daemon"),
      Slot.choice("true or false", Role.VALUE, List.of("false", "true"))),
  SELECT(Form.PROPERTY, "select ${1:key} \"${2:value}\"", Set.of(EntityKind.POD), true, Readers::selector,
      Slot.of("key", Shape.KEY, Role.LABEL), Slot.of("value", Shape.STRING, Role.STRING)),
  TOLERATE(Form.PROPERTY, "tolerate ${1:key} \"${2:value}\"", Set.of(EntityKind.POD), true, Readers::toleration,
      Slot.of("key", Shape.KEY, Role.LABEL), Slot.of("value", Shape.STRING, Role.STRING).mayBeLeftOut()),
  LANGUAGE(Form.PROPERTY, "language ${1:java}", Set.of(EntityKind.MODULE), false, Readers::language,
      Slot.suggesting("language", Role.PLATFORM,
          List.of("java", "go", "python", "csharp", "javascript", "typescript", "rust"))),
  REQUIRES(Form.PROPERTY, "requires ${1:library} \"${2:>=1.0}\"", Set.of(EntityKind.MODULE), true, Readers::requirement,
      Slot.of("library", Shape.WORD, Role.LIBRARY_REFERENCE), Slot.of("range", Shape.STRING, Role.VERSION)),
  LOAD(Form.PROPERTY, "load ${1|@load|}", Set.of(EntityKind.MODULE), false, Readers::load,
      Slot.choice("load", Role.VALUE, Load.words())),

  VM(Form.BLOCK, "vm ${1:name} {\n\tos ${2|@os|}\n\tcpu ${3:4}\n\tmemory ${4:8GiB}\n\t$0\n}", Set.of(EntityKind.HOST), true),
  CONTAINER(Form.BLOCK, "container ${1:name} {\n\tos ${2|@os|}\n\timage \"${3:registry/name}:${4:1.0.0}\"\n\tcpu ${5:1}"
      + "\n\tmemory ${6:1GiB}\n\t$0\n}", Set.of(EntityKind.HOST, EntityKind.VM, EntityKind.POD), true),
  POD(Form.BLOCK, "pod ${1:name} {\n\treplicas ${2:2}\n\t$0\n}", Set.of(EntityKind.CLUSTER), true),
  MODULE(Form.BLOCK, "module ${1:name} {\n\tlanguage ${2:java}\n\tload ${3|@load|}\n\t$0\n}", machines(), true);

  /** What kind of statement a keyword starts. */
  public enum Form {
    /** {@code import "PATH"}, at the top of a file. */
    IMPORT,
    /** A block that declares an entity: keyword, name, braces. */
    BLOCK,
    /** A property of the block it stands in: keyword and values. */
    PROPERTY
  }

  /**
   * Turns a property statement's values into the model's value; throws when they mean
   * nothing. A single-valued keyword's reader sees only values of the right shape; a
   * repeatable one's also sees incomplete ones (a {@code library} without its version still
   * provides the library), and must cope with a missing value.
   */
  public interface Reader {
    Object read(StatementValues values) throws InvalidValueException;
  }

  private static final Map<String, Keyword> BY_WORD =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Keyword::word, Function.identity()));

  private final Form form;
  private final String snippet;
  /** The blocks it may stand in; empty for the top of a file. */
  private final Set<EntityKind> allowedIn;
  private final boolean repeatable;
  private final Reader reader;
  private final List<Slot> slots;
  /** Kept, not made on each call: the lexer compares every name with the keywords' words. */
  private final String word = name().toLowerCase(Locale.ROOT).replace('_', '-');

  Keyword(Form form, String snippet, Set<EntityKind> allowedIn, boolean repeatable) {
    this(form, snippet, allowedIn, repeatable, null, Slot.of("name", Shape.WORD, Role.DECLARATION));
  }

  Keyword(Form form, String snippet, Set<EntityKind> allowedIn, boolean repeatable, Reader reader, Slot... slots) {
    this.form = form;
    this.snippet = snippet;
    this.allowedIn = allowedIn.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(allowedIn));
    this.repeatable = repeatable;
    this.reader = reader;
    this.slots = List.of(slots);
  }

  private static Set<EntityKind> machines() {
    return Set.of(EntityKind.HOST, EntityKind.VM, EntityKind.CONTAINER);
  }

  /** The word that starts the statement: the constant's name in lower case, words joined by '-'. */
  public String word() {
    return word;
  }

  public Form form() {
    return form;
  }

  /** The kind of entity a block keyword declares, or empty for other statements. */
  public Optional<EntityKind> declares() {
    return form == Form.BLOCK ? Optional.of(EntityKind.fromKeyword(word())) : Optional.empty();
  }

  /** What follows the keyword (a block's name; its braces are the grammar's). */
  public List<Slot> slots() {
    return slots;
  }

  public String snippet() {
    return snippet;
  }

  public boolean repeatable() {
    return repeatable;
  }

  public Reader reader() {
    return reader;
  }

  /** The entry of the knowledge base that explains it. */
  public String knowledgeEntry() {
    return word();
  }

  /** Whether it may stand directly in a block of this kind, or at the top of a file for null. */
  public boolean allowedIn(EntityKind block) {
    return block == null ? allowedIn.isEmpty() : allowedIn.contains(block);
  }

  /** The statements allowed directly in a block of this kind, or at the top of a file for null, in order. */
  public static List<Keyword> allowedStatements(EntityKind block) {
    return Arrays.stream(values()).filter(k -> k.allowedIn(block)).toList();
  }

  /** Where it belongs, for messages: "in a host, vm or container", "at the top of a file". */
  public Message whereAllowed() {
    List<String> places = Arrays.stream(EntityKind.values()).filter(allowedIn::contains).map(EntityKind::keyword).toList();
    return places.isEmpty() ? Message.of("place.top") : Message.of("place.in", Message.or(places));
  }

  public static Optional<Keyword> of(String word) {
    return Optional.ofNullable(BY_WORD.get(word));
  }

  /** The property keywords by the length of their word, for {@link #property(String, int, int)}. */
  private static final Keyword[][] PROPERTIES_BY_LENGTH = byLength();

  private static Keyword[][] byLength() {
    int longest = Arrays.stream(values()).mapToInt(k -> k.word().length()).max().orElse(0);
    Keyword[][] table = new Keyword[longest + 1][];
    for (int length = 0; length <= longest; length++) {
      int n = length;
      table[length] = Arrays.stream(values()).filter(k -> k.form == Form.PROPERTY && k.word().length() == n)
          .toArray(Keyword[]::new);
    }
    return table;
  }

  /**
   * The property keyword that {@code text[start, end)} spells, or null: the lexer asks this of
   * every name, so it compares in place rather than copying the name out.
   */
  public static Keyword property(String text, int start, int end) {
    int length = end - start;
    if (length <= 0 || length >= PROPERTIES_BY_LENGTH.length) {
      return null;
    }
    for (Keyword k : PROPERTIES_BY_LENGTH[length]) {
      if (text.regionMatches(start, k.word(), 0, length)) {
        return k;
      }
    }
    return null;
  }

  /** Whether a word is a property keyword: the lexer reads those as keywords, not names. */
  public static boolean isProperty(String word) {
    Keyword k = BY_WORD.get(word);
    return k != null && k.form == Form.PROPERTY;
  }

  /** The property keywords, in order. */
  public static List<Keyword> properties() {
    return Arrays.stream(values()).filter(k -> k.form == Form.PROPERTY).toList();
  }
}
