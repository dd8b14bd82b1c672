package dev.topo.model;

import java.util.regex.Pattern;

/**
 * A name as written: a declaration's name, a reference, an OS family, a library... Its text
 * is the name itself: a quoted name ({@code host "ip-10-0-1-23.ec2.internal"}) has the text
 * inside the quotes, so {@code "web"} and {@code web} are the same name.
 */
public record Name(String text, Extent span) implements Located {
  /** What the language reads as a name without quotes. */
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  @Override
  public String toString() {
    return text;
  }

  /** Whether a text is an identifier, which the language reads as a name without quotes. */
  public static boolean isIdentifier(String text) {
    return text != null && IDENTIFIER.matcher(text).matches();
  }

  /**
   * How a name of an entity is written in a {@code .topo} file: as it is when it is an
   * identifier, else quoted. A word that starts a block or an import ({@code host},
   * {@code import}) is quoted too: a list of names such as {@code nodes} would end before it.
   */
  public static String written(String text) {
    boolean plain = isIdentifier(text) && Keyword.of(text).map(k -> k.form() == Keyword.Form.PROPERTY).orElse(true);
    return plain ? text : quoted(text);
  }

  /** A text as a quoted string of the language: only {@code "} and {@code \} are escaped. */
  public static String quoted(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
