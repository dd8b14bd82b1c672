package dev.topo.cli;

/**
 * How many terminal columns text takes: East Asian wide characters (Hangul, CJK, most emoji)
 * take two, combining marks and format characters none, as Markus Kuhn's wcwidth counts.
 */
final class Columns {
  private Columns() {}

  /** The columns a code point takes; a tab or another control character is the caller's to replace. */
  static int of(int codePoint) {
    int type = Character.getType(codePoint);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
      return 0;
    }
    return wide(codePoint) ? 2 : 1;
  }

  static int of(String text) {
    return text.codePoints().map(Columns::of).sum();
  }

  private static boolean wide(int cp) {
    return cp >= 0x1100 && (cp <= 0x115F || cp == 0x2329 || cp == 0x232A
        || cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F
        || cp >= 0xAC00 && cp <= 0xD7A3
        || cp >= 0xF900 && cp <= 0xFAFF
        || cp >= 0xFE30 && cp <= 0xFE4F
        || cp >= 0xFF00 && cp <= 0xFF60
        || cp >= 0xFFE0 && cp <= 0xFFE6
        || cp >= 0x1F300 && cp <= 0x1F64F
        || cp >= 0x1F680 && cp <= 0x1F6FF
        || cp >= 0x1F900 && cp <= 0x1F9FF
        || cp >= 0x1FA70 && cp <= 0x1FAFF
        || cp >= 0x20000 && cp <= 0x3FFFD);
  }
}
