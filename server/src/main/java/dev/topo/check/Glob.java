package dev.topo.check;

import java.util.regex.Pattern;

/**
 * A path pattern of the configuration, as ESLint and .gitignore users write them, matched
 * against paths relative to the configuration's folder with {@code /} between names:
 * {@code *} is any part of a name, {@code ?} one character, {@code **} any number of folders
 * ({@code legacy/**}, {@code **}{@code /*.draft.topo}). A pattern without {@code /} matches a
 * name in any folder, as in .gitignore.
 */
public record Glob(String pattern, Pattern regex) {
  public static Glob of(String pattern) {
    String body = pattern.startsWith("/") ? pattern.substring(1) : pattern.contains("/") ? pattern : "**/" + pattern;
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '*' && body.startsWith("**/", i)) {
        regex.append("(?:.*/)?");
        i += 2;
      } else if (c == '*' && body.startsWith("**", i)) {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    // A folder's pattern covers what is below it.
    regex.append("(?:/.*)?");
    return new Glob(pattern, Pattern.compile(regex.toString()));
  }

  public boolean matches(String relativePath) {
    return regex.matcher(relativePath).matches();
  }
}
