package dev.topo.lsp;

import dev.topo.model.LineMap;
import dev.topo.model.Span;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Between the model's offsets and the protocol's 0-based lines and UTF-16 characters. */
public final class Positions {
  private Positions() {}

  public static Position position(LineMap lines, int offset) {
    return new Position(lines.line(offset), lines.column(offset));
  }

  public static Range range(LineMap lines, Span span) {
    return new Range(position(lines, span.start()), position(lines, span.end()));
  }

  /** A range as it stands after so many lines were added above it (removed, when negative). */
  public static Range movedDown(Range range, int lines) {
    return new Range(new Position(range.getStart().getLine() + lines, range.getStart().getCharacter()),
        new Position(range.getEnd().getLine() + lines, range.getEnd().getCharacter()));
  }

  /** {@code "line":} can only be a position's field: inside a JSON string a quote is escaped. */
  private static final Pattern LINE = Pattern.compile("\"line\":(\\d+)");

  /** JSON an LSP4J object was written as, with every position in it {@code lines} lines further down (up, when negative). */
  static String movedDown(String json, int lines) {
    return LINE.matcher(json).replaceAll(m -> "\"line\":" + (Integer.parseInt(m.group(1)) + lines));
  }

  /** The offset of a position, clamped to the text (a client may send one past the end). */
  public static int offset(LineMap lines, Position position) {
    return lines.offset(Math.max(0, position.getLine()), Math.max(0, position.getCharacter()));
  }
}
