package dev.topo.model;

import java.util.Arrays;

/**
 * Turns offsets into 0-based lines and UTF-16 columns and back. A line ends at "\n", "\r\n"
 * or a lone "\r", as editors and the LSP count them.
 */
public final class LineMap {
  private final int[] lineStarts;
  private final int length;

  private LineMap(int[] lineStarts, int length) {
    this.lineStarts = lineStarts;
    this.length = length;
  }

  public static LineMap of(CharSequence text) {
    int[] starts = new int[16];
    int count = 1;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return new LineMap(Arrays.copyOf(starts, count), n);
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

  /** The offset of a 0-based line and column, clamped to the text as LSP asks. */
  public int offset(int line, int column) {
    if (line >= lineStarts.length) {
      return length;
    }
    int start = lineStart(line);
    int end = line + 1 < lineStarts.length ? lineStarts[line + 1] : length;
    return Math.min(start + Math.max(0, column), end);
  }

  public int length() {
    return length;
  }
}
