package dev.topo.yaml;

import dev.topo.model.Limits;
import dev.topo.model.Problem;
import dev.topo.model.ProblemCode;
import dev.topo.model.Span;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * A YAML file's documents as snakeyaml-engine's nodes, which keep where each value is written,
 * and the way from those marks to the spans the rest of topo uses. Reading is bounded: aliases
 * may stand for at most {@link #MAX_ALIASED_VALUES} values in all, however they nest (a
 * billion-laughs file is a problem at the alias that passes the limit, not an out-of-memory
 * error, while a Compose file whose hundred services each merge a shared block is read), a
 * file at most {@link #MAX_CHARACTERS} characters (as
 * a {@code .topo} file: YAML's node tree takes about 60 bytes of heap a character, so 8 Mi is
 * about half a gigabyte), and nesting at most {@link #MAX_DEPTH} levels (counted as the
 * parser meets them, since the composer recurses). A key that is a map or a list is let
 * through, for the readers to report at its line.
 */
public final class YamlText {
  /** The values that aliases may add to a document, each standing for its anchor's values again. */
  static final int MAX_ALIASED_VALUES = 100_000;
  /** Aliases of collections a file may hold: a second guard, far above what the value limit lets through in use. */
  static final int MAX_ALIASES = 10_000;
  static final int MAX_CHARACTERS = Limits.MAX_TEXT_LENGTH;
  static final int MAX_DEPTH = 200;

  private final URI uri;
  private final String text;
  /**
   * The code point index of each character outside the Basic Plane, in order: each takes two
   * UTF-16 units of the text, one code point of snakeyaml's index. Usually none.
   */
  private final int[] supplementary;

  public YamlText(URI uri, String text) {
    this.uri = uri;
    this.text = text;
    this.supplementary = supplementary(text);
  }

  private static int[] supplementary(String text) {
    List<Integer> found = new ArrayList<>();
    for (int i = 0, codePoint = 0; i < text.length(); i += Character.charCount(text.codePointAt(i)), codePoint++) {
      if (Character.isSupplementaryCodePoint(text.codePointAt(i))) {
        found.add(codePoint);
      }
    }
    return found.stream().mapToInt(Integer::intValue).toArray();
  }

  public URI uri() {
    return uri;
  }

  /** The documents of the file, or what kept them from being read. */
  public record Documents(List<Node> nodes, Optional<Problem> problem) {}

  public Documents documents() {
    if (text.length() > MAX_CHARACTERS) {
      return new Documents(List.of(), Optional.of(new Problem(ProblemCode.SYNTAX, new Span(uri, 0, 0),
          "the file is too large to analyse: it has more than " + MAX_CHARACTERS + " characters")));
    }
    LoadSettings settings = LoadSettings.builder().setLabel(uri.toString()).setMaxAliasesForCollections(MAX_ALIASES)
        .setAllowRecursiveKeys(false).setAllowNonScalarKeys(true).setCodePointLimit(MAX_CHARACTERS).setUseMarks(true).build();
    List<Node> nodes = new ArrayList<>();
    DepthLimit parser = new DepthLimit(new ParserImpl(settings, new StreamReader(settings, text)));
    try {
      Composer composer = new Composer(settings, parser);
      while (composer.hasNext()) {
        nodes.add(composer.next());
      }
      return new Documents(nodes, Optional.empty());
    } catch (TooDeep e) {
      return new Documents(nodes, Optional.of(new Problem(ProblemCode.SYNTAX, at(parser.last),
          "YAML nested deeper than " + MAX_DEPTH + " levels: topo reads no further")));
    } catch (TooManyAliasedValues e) {
      return new Documents(nodes, Optional.of(new Problem(ProblemCode.SYNTAX, at(parser.last),
          "YAML aliases stand for more than " + MAX_ALIASED_VALUES + " values (a \"billion laughs\"?): topo reads no further")));
    } catch (MarkedYamlEngineException e) {
      Span at = at(e.getProblemMark().or(e::getContextMark));
      return new Documents(nodes, Optional.of(new Problem(ProblemCode.SYNTAX, at, "YAML: " + e.getProblem())));
    } catch (YamlEngineException e) {
      // Unmarked, as the composer's alias limit is: where the composer was is the last event it read.
      return new Documents(nodes, Optional.of(new Problem(ProblemCode.SYNTAX, at(parser.last), "YAML: " + e.getMessage())));
    }
  }

  private Span at(Optional<Mark> mark) {
    return mark.map(this::point).orElse(new Span(uri, 0, 0));
  }

  /**
   * The parser's events, stopped where collections nest deeper than {@link #MAX_DEPTH}: the
   * parser keeps its own stack, but the composer recurses once a level, so without this a
   * line of {@code - - - ...} or {@code [[[...} would overflow the thread's stack. Counting
   * the events sees every way YAML nests (flow, block, compact lists, complex keys) exactly.
   * Also stopped where aliases, counted with the values their anchors stand for (themselves
   * counting their aliases'), add more than {@link #MAX_ALIASED_VALUES} values to a document.
   */
  private static final class DepthLimit implements Parser {
    private final Parser parser;
    private int depth;
    /** The values of each anchor, aliases expanded; and those of each collection still open. */
    private final Map<String, Long> anchored = new HashMap<>();
    private final Deque<Open> open = new ArrayDeque<>();
    private long aliased;

    /** A collection being read: its anchor, if any, and its values so far. */
    private static final class Open {
      final String anchor;
      long values = 1;

      Open(String anchor) {
        this.anchor = anchor;
      }
    }
    /** Where the last event read starts. */
    private Optional<Mark> last = Optional.empty();

    DepthLimit(Parser parser) {
      this.parser = parser;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
      return parser.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
      return parser.peekEvent();
    }

    @Override
    public boolean hasNext() {
      return parser.hasNext();
    }

    @Override
    public Event next() {
      Event event = parser.next();
      last = event.getStartMark();
      switch (event.getEventId()) {
        case MappingStart, SequenceStart -> {
          if (++depth > MAX_DEPTH) {
            throw new TooDeep();
          }
          open.push(new Open(((NodeEvent) event).getAnchor().map(Anchor::getValue).orElse(null)));
        }
        case MappingEnd, SequenceEnd -> {
          depth--;
          Open closed = open.pop();
          if (closed.anchor != null) {
            anchored.put(closed.anchor, closed.values);
          }
          add(closed.values);
        }
        case Scalar -> {
          ((NodeEvent) event).getAnchor().ifPresent(anchor -> anchored.put(anchor.getValue(), 1L));
          add(1);
        }
        case Alias -> {
          long values = anchored.getOrDefault(((AliasEvent) event).getAlias().getValue(), 1L);
          aliased += values;
          if (aliased > MAX_ALIASED_VALUES) {
            throw new TooManyAliasedValues();
          }
          add(values);
        }
        case DocumentEnd -> aliased = 0;
        default -> { }
      }
      return event;
    }

    private void add(long values) {
      if (!open.isEmpty()) {
        open.peek().values += values;
      }
    }
  }

  /** Thrown through the composer when aliases stand for too many values, at the alias. */
  private static final class TooManyAliasedValues extends RuntimeException {
    TooManyAliasedValues() {
      super(null, null, false, false);
    }
  }

  /** Thrown through the composer when nesting passes the limit, at the last event read. */
  private static final class TooDeep extends RuntimeException {
    TooDeep() {
      super(null, null, false, false);
    }
  }

  /** Where a node is written, from its first to its last character. */
  public Span span(Node node) {
    int start = node.getStartMark().map(this::offset).orElse(0);
    int end = node.getEndMark().map(this::offset).orElse(start);
    return new Span(uri, start, Math.max(start, end));
  }

  /**
   * The UTF-16 offset of a mark: its code point index, plus one for each character outside the
   * Basic Plane before it. From the index, not the line and column, as snakeyaml's column does
   * not count a byte order mark and walking a column costs its length (a one-line flow map of
   * many keys made that quadratic).
   */
  int offset(Mark mark) {
    int index = mark.getIndex();
    int before = Arrays.binarySearch(supplementary, index);
    return Math.min(text.length(), index + (before >= 0 ? before : -before - 1));
  }

  private Span point(Mark mark) {
    int at = offset(mark);
    return new Span(uri, at, Math.min(text.length(), at + 1));
  }
}
