package dev.topo.yaml;

import dev.topo.model.LineMap;
import dev.topo.model.Problem;
import dev.topo.model.ProblemCode;
import dev.topo.model.Span;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A YAML file's documents as snakeyaml-engine's nodes, which keep where each value is written,
 * and the way from those marks to the spans the rest of topo uses. Reading is bounded: an
 * alias may stand for at most {@link #MAX_ALIASES} collections (a billion-laughs file is a
 * problem, not an out-of-memory error), a file at most {@link #MAX_CHARACTERS} characters (as
 * a {@code .topo} file: YAML's node tree takes about 60 bytes of heap a character, so 8 Mi is
 * about half a gigabyte), and nesting at most {@link #MAX_DEPTH} levels (checked before
 * composing, since the composer recurses).
 */
public final class YamlText {
  static final int MAX_ALIASES = 50;
  static final int MAX_CHARACTERS = 8 * 1024 * 1024;
  static final int MAX_DEPTH = 200;

  private final URI uri;
  private final String text;
  private final LineMap lines;

  public YamlText(URI uri, String text, LineMap lines) {
    this.uri = uri;
    this.text = text;
    this.lines = lines;
  }

  public URI uri() {
    return uri;
  }

  /** The documents of the file, or what kept them from being read. */
  public record Documents(List<Node> nodes, Optional<Problem> problem) {}

  public Documents documents() {
    LoadSettings settings = LoadSettings.builder().setLabel(uri.toString()).setMaxAliasesForCollections(MAX_ALIASES)
        .setAllowRecursiveKeys(false).setCodePointLimit(MAX_CHARACTERS).setUseMarks(true).build();
    if (text.length() > MAX_CHARACTERS) {
      return new Documents(List.of(), Optional.of(new Problem(ProblemCode.SYNTAX, new Span(uri, 0, 0),
          "the file is too large to analyse: it has more than " + MAX_CHARACTERS + " characters")));
    }
    Optional<Problem> tooDeep = tooDeep();
    if (tooDeep.isPresent()) {
      return new Documents(List.of(), tooDeep);
    }
    List<Node> nodes = new ArrayList<>();
    try {
      for (Node node : new Compose(settings).composeAllFromString(text)) {
        nodes.add(node);
      }
      return new Documents(nodes, Optional.empty());
    } catch (MarkedYamlEngineException e) {
      Span at = e.getProblemMark().or(e::getContextMark).map(this::point).orElse(new Span(uri, 0, 0));
      return new Documents(nodes, Optional.of(new Problem(ProblemCode.SYNTAX, at, "YAML: " + e.getProblem())));
    } catch (YamlEngineException e) {
      return new Documents(nodes, Optional.of(new Problem(ProblemCode.SYNTAX, new Span(uri, 0, 0), "YAML: " + e.getMessage())));
    }
  }

  /** A first look for nesting deeper than the composer can take: brackets and indentation, not a full parse. */
  private Optional<Problem> tooDeep() {
    int brackets = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '[' || c == '{') {
        brackets++;
      } else if ((c == ']' || c == '}') && brackets > 0) {
        brackets--;
      }
      if (brackets > MAX_DEPTH || (c == '\n' && indentation(i + 1) > 2 * MAX_DEPTH)) {
        return Optional.of(new Problem(ProblemCode.SYNTAX, new Span(uri, i, Math.min(text.length(), i + 1)),
            "YAML nested deeper than " + MAX_DEPTH + " levels: topo reads no further"));
      }
    }
    return Optional.empty();
  }

  private int indentation(int from) {
    int n = 0;
    while (from + n < text.length() && text.charAt(from + n) == ' ') {
      n++;
    }
    return n;
  }

  /** Where a node is written, from its first to its last character. */
  public Span span(Node node) {
    int start = node.getStartMark().map(this::offset).orElse(0);
    int end = node.getEndMark().map(this::offset).orElse(start);
    return new Span(uri, start, Math.max(start, end));
  }

  /** The UTF-16 offset of a mark: its line's start, then as many code points as its column. */
  int offset(Mark mark) {
    int lineStart = lines.lineStart(mark.getLine());
    int lineEnd = mark.getLine() + 1 < lines.lineCount() ? lines.lineStart(mark.getLine() + 1) : text.length();
    int offset = lineStart;
    for (int column = 0; column < mark.getColumn() && offset < lineEnd; column++) {
      offset += Character.charCount(text.codePointAt(offset));
    }
    return offset;
  }

  private Span point(Mark mark) {
    int at = offset(mark);
    return new Span(uri, at, Math.min(text.length(), at + 1));
  }
}
