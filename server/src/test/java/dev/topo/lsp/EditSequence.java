package dev.topo.lsp;

import java.util.Random;

/**
 * A random sequence of edits as a user makes them: typing inside a block, adding and
 * removing lines, breaking a brace and mending it at the next edit, adding a block, cutting
 * a stretch. For answers made block by block ({@link BlockRenders}), to be held to the
 * answer made whole after every edit.
 */
final class EditSequence {
  /** Fragments typed inside blocks: most keep the file well formed, some break it. */
  static final String[] TYPED = {"x", "1", " ", "cpu 2\n", "os windows\n", "// note\n", "\"", "{", "}", "\r\n", "\r"};

  private final Random random;
  private String text;
  private int edits;
  /** Where a '}' was cut, to be put back by the next edit. */
  private int brokenAt = -1;

  EditSequence(long seed, String text) {
    this.random = new Random(seed);
    this.text = text;
  }

  String text() {
    return text;
  }

  /** The text after one more edit. */
  String next() {
    edits++;
    if (brokenAt >= 0) {
      text = insert(text, brokenAt, "}");
      brokenAt = -1;
      return text;
    }
    int at = random.nextInt(text.length() + 1);
    int lineStart = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
    switch (random.nextInt(6)) {
      case 0, 1 -> text = insert(text, at, TYPED[random.nextInt(TYPED.length)]);
      case 2 -> text = insert(text, lineStart, random.nextBoolean() ? "\n" : "  // a line\n");
      case 3 -> {
        int lineEnd = text.indexOf('\n', lineStart);
        text = lineEnd < 0 ? text : text.substring(0, lineStart) + text.substring(lineEnd + 1);
      }
      case 4 -> {
        int brace = text.indexOf('}', at);
        if (brace >= 0) {
          brokenAt = brace;
          text = text.substring(0, brace) + text.substring(brace + 1);
        }
      }
      default -> text = random.nextBoolean()
          ? insert(text, lineStart, "host added" + edits + " { cpu 1; container c { image \"a:1\" } }\n")
          : text.substring(0, at) + text.substring(Math.min(text.length(), at + random.nextInt(40)));
    }
    return text;
  }

  static String insert(String text, int at, String fragment) {
    return text.substring(0, at) + fragment + text.substring(at);
  }
}
