package dev.topo.cli;

/** Escaping for the XML report formats, which are written as text for a stable layout. */
final class Xml {
  static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  private Xml() {}

  /**
   * A value between double quotes: markup characters escaped, line breaks and tabs as
   * character references (a parser would turn them into spaces otherwise), and characters
   * XML 1.0 cannot carry at all as U+FFFD.
   */
  static String attribute(String s) {
    return escaped(s, true);
  }

  /** Element content, where quotes, line breaks and tabs stand as they are. */
  static String text(String s) {
    return escaped(s, false);
  }

  private static String escaped(String s, boolean attribute) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      switch (cp) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\r' -> out.append("&#13;");
        case '"', '\n', '\t' -> {
          if (attribute) {
            out.append(cp == '"' ? "&quot;" : "&#" + cp + ";");
          } else {
            out.appendCodePoint(cp);
          }
        }
        default -> out.appendCodePoint(allowed(cp) ? cp : 0xFFFD);
      }
    });
    return out.toString();
  }

  /** XML 1.0's Char production, less the line breaks and tab handled above. */
  private static boolean allowed(int cp) {
    return cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF;
  }
}
