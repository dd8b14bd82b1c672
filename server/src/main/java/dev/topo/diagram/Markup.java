package dev.topo.diagram;

/** Text and numbers as the SVG writes them: escaped for XML, and compact and the same on every machine. */
final class Markup {
  private Markup() {}

  /**
   * The text safe inside an element or a quoted attribute. Line breaks and tabs become
   * character references so that attribute normalisation keeps them; characters XML 1.0
   * forbids (control characters, unpaired surrogates) become U+FFFD, so that no name or
   * message can make the document unreadable.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        case '\n' -> out.append("&#10;");
        case '\r' -> out.append("&#13;");
        case '\t' -> out.append("&#9;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** At most one decimal, none when whole, no exponent, no locale: {@code 12}, {@code 12.5}, {@code -0.3}. */
  static String number(double value) {
    long tenths = Math.round(value * 10);
    String sign = tenths < 0 ? "-" : "";
    long abs = Math.abs(tenths);
    return sign + abs / 10 + (abs % 10 == 0 ? "" : "." + abs % 10);
  }
}
