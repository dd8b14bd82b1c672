package dev.topo.syntax;

import dev.topo.model.Message;

/** The text inside a string literal, and what is wrong with it if anything. */
record Strings(String value, Message problem) {

  /** Whether a STRING token ends with a closing quote (rather than an escaped one). */
  static boolean isTerminated(String token) {
    if (token.length() < 2 || token.charAt(token.length() - 1) != '"') {
      return false;
    }
    int backslashes = 0;
    for (int i = token.length() - 2; i > 0 && token.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 0;
  }

  /** Strips the quotes and resolves the two escapes the language has, \" and \\. */
  static Strings unquote(String token) {
    int end = isTerminated(token) ? token.length() - 1 : token.length();
    StringBuilder value = new StringBuilder(end);
    Message problem = null;
    for (int i = 1; i < end; i++) {
      char c = token.charAt(i);
      if (c == '\\' && i + 1 < end) {
        char escaped = token.charAt(++i);
        if (escaped != '"' && escaped != '\\' && problem == null) {
          problem = Message.of("invalid.escape", "'\\" + escaped + "'");
        }
        value.append(escaped);
      } else {
        value.append(c);
      }
    }
    return new Strings(value.toString(), problem);
  }
}
