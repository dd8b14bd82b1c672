package dev.topo.cli;

import dev.topo.check.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The line a finding is on, with its number in a gutter and carets under the finding's
 * columns, as rustc prints:
 *
 * <pre>
 *  12 |     container web { os linux }
 *     |     ^^^^^^^^^^^^^
 * </pre>
 *
 * A span over several lines shows its first line, carets to its end and {@code ...}. Tabs
 * become four spaces and wide characters two carets, so the carets stand under what they
 * mark; other control characters (an escape among them) are shown as U+FFFD, so that no
 * source text can drive the terminal. A long line is cut to a window around the span.
 */
final class SourceExcerpt {
  static final int TAB = 4;
  /** Columns of source shown at most; a longer line is cut around the span. */
  static final int MAX_COLUMNS = 120;
  /** Columns kept before the span when a long line is cut. */
  private static final int LEAD = 20;
  private static final String CUT = "...";
  /**
   * Characters of a line looked at on each side of the span, far more than are shown: a
   * megabyte-long line then costs each of its findings this much, not the whole line.
   */
  private static final int WINDOW = 1000;

  private SourceExcerpt() {}

  /** One code point as shown, and the columns it takes. */
  private record Cell(String shown, int columns) {}

  /** The two lines of the excerpt, each ending in a newline; nothing when the line is not in the text. */
  static String of(List<String> lines, PrintedSpan span, Severity severity, Style style) {
    if (span.line() < 1 || span.line() > lines.size()) {
      return "";
    }
    String line = lines.get(span.line() - 1);
    int start = Math.min(span.column() - 1, line.length());
    boolean continues = span.endLine() > span.line();
    int end = continues ? line.length() : Math.max(start, Math.min(span.endColumn() - 1, line.length()));

    int lo = Math.max(0, start - WINDOW);
    lo = lo > 0 && lo < start && Character.isLowSurrogate(line.charAt(lo)) ? lo + 1 : lo;
    int hi = Math.min(line.length(), start + WINDOW);
    List<Cell> cells = new ArrayList<>();
    int startCell = -1;
    int endCell = -1;
    for (int i = lo; i < hi; ) {
      if (i >= start && startCell < 0) {
        startCell = cells.size();
      }
      if (i >= end && endCell < 0) {
        endCell = cells.size();
      }
      int cp = line.codePointAt(i);
      cells.add(cell(cp));
      i += Character.charCount(cp);
    }
    startCell = startCell < 0 ? cells.size() : startCell;
    endCell = endCell < 0 ? cells.size() : endCell;

    int[] at = new int[cells.size() + 1]; // at[i]: the columns before cell i
    for (int i = 0; i < cells.size(); i++) {
      at[i + 1] = at[i] + cells.get(i).columns();
    }
    // The window of cells shown: all of them, or for a long line some lead and what follows.
    int from = 0;
    int to = cells.size();
    if (at[to] > MAX_COLUMNS || lo > 0 || hi < line.length()) {
      while (from < startCell && at[startCell] - at[from] > LEAD) {
        from++;
      }
      to = from;
      while (to < cells.size() && at[to + 1] - at[from] <= MAX_COLUMNS) {
        to++;
      }
    }
    String before = from > 0 || lo > 0 ? CUT : "";
    StringBuilder source = new StringBuilder(before);
    for (int i = from; i < to; i++) {
      source.append(cells.get(i).shown());
    }
    source.append(to < cells.size() || hi < line.length() ? CUT : "");

    int first = Math.max(from, Math.min(startCell, to));
    int last = Math.max(first, Math.min(endCell, to));
    int caretsFrom = before.length() + at[first] - at[from];
    int carets = Math.max(1, at[last] - at[first]);
    String number = Integer.toString(span.line());
    String shown = source.toString().stripTrailing();
    return style.blue(" " + number + " |") + (shown.isEmpty() ? "" : " " + shown) + "\n"
        + style.blue(" ".repeat(number.length() + 1) + " |") + " " + " ".repeat(caretsFrom)
        + style.severity(severity, "^".repeat(carets) + (continues ? "..." : "")) + "\n";
  }

  private static Cell cell(int cp) {
    if (cp == '\t') {
      return new Cell(" ".repeat(TAB), TAB);
    }
    if (Character.isISOControl(cp)) {
      return new Cell("\uFFFD", 1);
    }
    return new Cell(Character.toString(cp), Columns.of(cp));
  }

  /** A text's lines, split where {@link dev.topo.model.LineMap} splits them. */
  static List<String> lines(String text) {
    return List.of(text.split("\r\n|\r|\n", -1));
  }
}
