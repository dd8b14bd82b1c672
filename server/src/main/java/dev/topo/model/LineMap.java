package dev.topo.model;

import java.util.Arrays;

/**
 * Turns offsets into 0-based lines and UTF-16 columns and back. A line ends at "\n", "\r\n"
 * or a lone "\r", as editors and the LSP count them.
 */
public final class LineMap {
  private final int[] lineStarts;
  /**
   * Where each line's text ends, before its line end ("\r\n" is two units, the others one);
   * null when every line ends in a lone "\n", one unit before the next line's start, which
   * also lets an edit's map be made from the last ({@link #edited}).
   */
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
   * string many times faster than a loop of {@code charAt} (an edit's map is made from the
   * last map instead, {@link #edited}).
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
    return new LineMap(Arrays.copyOf(starts, count), null, text.length());
  }

  /**
   * The map of a text an edit made from this map's text, by replacing {@code [start, oldEnd)}
   * with what is now {@code [start, newEnd)}: the lines before the edit are kept, those after
   * it moved, and only the new stretch is read. A keystroke in a 1.4 MB file then costs the
   * map nothing like a scan of the whole text, which the JVM's quick compiler does slowly.
   * A text with "\r" line ends is mapped anew.
   */
  public LineMap edited(String text, int start, int oldEnd, int newEnd) {
    int delta = newEnd - oldEnd;
    if (contentEnds != null || text.length() != length + delta || text.substring(start, newEnd).indexOf('\r') >= 0) {
      return of(text);
    }
    int kept = line(start) + 1; // the lines that start at or before the edit
    int moved = Math.max(kept, line(oldEnd) + 1); // the first line that starts after it
    int added = 0;
    for (int i = text.indexOf('\n', start); i >= 0 && i < newEnd; i = text.indexOf('\n', i + 1)) {
      added++;
    }
    // One array of the exact size: at 10,000 lines each copy of the starts is 40 KB a keystroke.
    int[] starts = Arrays.copyOf(lineStarts, kept + added + lineStarts.length - moved);
    int count = kept;
    for (int i = text.indexOf('\n', start); i >= 0 && i < newEnd; i = text.indexOf('\n', i + 1)) {
      starts[count++] = i + 1;
    }
    for (int i = moved; i < lineStarts.length; i++) {
      starts[count++] = lineStarts[i] + delta;
    }
    return new LineMap(starts, null, text.length());
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
    return Math.min(start + Math.max(0, column), contentEnd(Math.max(0, line)));
  }

  private int contentEnd(int line) {
    if (contentEnds != null) {
      return contentEnds[line];
    }
    return line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : length;
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
