package dev.topo.model;

import java.util.Arrays;

/**
 * Turns offsets into 0-based lines and UTF-16 columns and back. A line ends at "\n", "\r\n"
 * or a lone "\r", as editors and the LSP count them.
 */
public final class LineMap {
  private final int[] lineStarts;
  /** Where each line's text ends, before its line end ("\r\n" is two units, the others one). */
  private final int[] contentEnds;
  private final int length;

  private LineMap(int[] lineStarts, int[] contentEnds, int length) {
    this.lineStarts = lineStarts;
    this.contentEnds = contentEnds;
    this.length = length;
  }

  public static LineMap of(CharSequence text) {
    if (text instanceof String string && string.indexOf('\r') < 0) {
      return ofNewlines(string);
    }
    int[] starts = new int[16];
    int[] ends = new int[16];
    int count = 1;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
          ends = Arrays.copyOf(ends, count * 2);
        }
        ends[count - 1] = c == '\n' && i > 0 && text.charAt(i - 1) == '\r' ? i - 1 : i;
        starts[count++] = i + 1;
      }
    }
    ends[count - 1] = n;
    return new LineMap(Arrays.copyOf(starts, count), Arrays.copyOf(ends, count), n);
  }

  /**
   * A text whose lines all end in "\n", found by {@code indexOf}, which the JVM does for a
   * string many times faster than a loop of {@code charAt}: the editor makes the map of a
   * 36,000-line design twice a keystroke.
   */
  private static LineMap ofNewlines(String text) {
    int[] starts = new int[16];
    int count = 1;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = i + 1;
    }
    int[] ends = new int[count];
    for (int line = 0; line + 1 < count; line++) {
      ends[line] = starts[line + 1] - 1;
    }
    ends[count - 1] = text.length();
    return new LineMap(Arrays.copyOf(starts, count), ends, text.length());
  }

  public int lineCount() {
    return lineStarts.length;
  }

  /** The 0-based line of an offset (clamped to the text). */
  public int line(int offset) {
    int clamped = Math.max(0, Math.min(offset, length));
    int i = Arrays.binarySearch(lineStarts, clamped);
    return i >= 0 ? i : -i - 2;
  }

  /** The 0-based UTF-16 column of an offset. */
  public int column(int offset) {
    int clamped = Math.max(0, Math.min(offset, length));
    return clamped - lineStarts[line(clamped)];
  }

  public int lineStart(int line) {
    return lineStarts[Math.max(0, Math.min(line, lineStarts.length - 1))];
  }

  /**
   * The offset of a 0-based line and column, clamped as the LSP asks: "if the character
   * value is greater than the line length it defaults back to the line length", the length
   * without the line end, so a column past it never lands on the next line nor between the
   * "\r" and "\n" of a line end. A line past the last is the end of the text.
   */
  public int offset(int line, int column) {
    if (line >= lineStarts.length) {
      return length;
    }
    int start = lineStart(line);
    return Math.min(start + Math.max(0, column), contentEnds[Math.max(0, line)]);
  }

  public int length() {
    return length;
  }

  /** Equal when the lines start at the same offsets, so that file models compare by value. */
  @Override
  public boolean equals(Object other) {
    return other instanceof LineMap m && length == m.length && Arrays.equals(lineStarts, m.lineStarts);
  }

  @Override
  public int hashCode() {
    return 31 * length + Arrays.hashCode(lineStarts);
  }
}
