package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * What an LSP client does with its own copy of a text: positions exactly as the protocol
 * defines them (independently of the server's line map) and edits applied.
 */
final class Edits {
  private Edits() {}

  /** The text after the edits, which must not overlap (ranges are read against the original). */
  static String apply(String text, List<TextEdit> edits) {
    List<int[]> ranges = new ArrayList<>();
    for (TextEdit edit : edits) {
      ranges.add(new int[] {offset(text, edit.getRange().getStart()), offset(text, edit.getRange().getEnd()), ranges.size()});
    }
    ranges.sort(Comparator.<int[]>comparingInt(r -> r[0]).thenComparingInt(r -> r[2]));
    for (int i = 1; i < ranges.size(); i++) {
      int[] before = ranges.get(i - 1);
      int[] after = ranges.get(i);
      boolean twoInsertsAtOnePlace = before[0] == before[1] && after[0] == after[1] && before[0] == after[0];
      assertTrue(before[1] <= after[0] && !twoInsertsAtOnePlace, "edits overlap: " + edits);
    }
    StringBuilder result = new StringBuilder(text);
    for (int i = ranges.size() - 1; i >= 0; i--) {
      int[] r = ranges.get(i);
      result.replace(r[0], r[1], edits.get(r[2]).getNewText());
    }
    return result.toString();
  }

  /** The new text of every document a workspace edit changes, read through a function for the old ones. */
  static Map<String, String> apply(WorkspaceEdit edit, java.util.function.Function<String, String> original) {
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<String, List<TextEdit>> e : edit.getChanges().entrySet()) {
      result.put(e.getKey(), apply(original.apply(e.getKey()), e.getValue()));
    }
    return result;
  }

  /** The 0-based line and UTF-16 character of an offset (an offset inside "\r\n" gives a character past the line). */
  static Position position(String text, int offset) {
    int line = 0;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
        lineStart = i + 1;
      }
    }
    return new Position(line, offset - lineStart);
  }

  /**
   * The offset of a position: "If the character value is greater than the line length it
   * defaults back to the line length" (the line's length without its line end); a line
   * past the last is the end of the text.
   */
  static int offset(String text, Position position) {
    int start = 0;
    for (int line = 0; line < position.getLine(); line++) {
      int end = contentEnd(text, start);
      if (end == text.length()) {
        return text.length();
      }
      start = end + (text.startsWith("\r\n", end) ? 2 : 1);
    }
    return Math.min(start + position.getCharacter(), contentEnd(text, start));
  }

  private static int contentEnd(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  /** The text with a range replaced, as the LSP defines the range (see {@link #offset}). */
  static String apply(String text, Range range, String replacement) {
    int from = offset(text, range.getStart());
    int to = Math.max(from, offset(text, range.getEnd()));
    return text.substring(0, from) + replacement + text.substring(to);
  }
}
