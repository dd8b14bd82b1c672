package dev.topo.cli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The encoding topo writes its standard output and error in. Java writes them in the
 * platform's encoding, which is ASCII where {@code LANG} names a locale the machine lacks
 * ({@code ko_KR.UTF-8} in a bare container): every Hangul syllable would become '?', lost
 * for good. So topo keeps the platform's encoding when it can write the language asked for
 * (a Korean Windows console in MS949 keeps it, and reads it), and otherwise writes UTF-8,
 * which today's terminals, CI logs and files read.
 */
final class OutputCharset {
  private OutputCharset() {}

  /** Characters the output of a language needs: its letters, and the middle dot both use. */
  private static String sample(String language) {
    return "ko".equals(language) ? "한글·" : "·";
  }

  static Charset of(Charset platform, String language) {
    return platform.newEncoder().canEncode(sample(language)) ? platform : StandardCharsets.UTF_8;
  }

  /**
   * What {@code System.out} encodes in: {@code stdout.encoding} (Java 19 and later), else
   * {@code sun.stdout.encoding} (Java 17 on a console), else the default charset.
   */
  static Charset platform() {
    for (String property : List.of("stdout.encoding", "sun.stdout.encoding")) {
      String name = System.getProperty(property);
      if (name != null && Charset.isSupported(name)) {
        return Charset.forName(name);
      }
    }
    return Charset.defaultCharset();
  }

  /** The language a command line asks for before it is parsed: its {@code --lang}, else the environment's. */
  static String language(String[] args, Terminal terminal) {
    String lang = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--lang") && i + 1 < args.length) {
        lang = args[i + 1];
      } else if (args[i].startsWith("--lang=")) {
        lang = args[i].substring("--lang=".length());
      }
    }
    try {
      return ExplainCommand.language(lang, terminal);
    } catch (Main.UserError e) {
      return ExplainCommand.language(null, terminal); // parsing will say what is wrong with it
    }
  }
}
