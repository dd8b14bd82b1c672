package dev.topo.fuzz;

import dev.topo.syntax.TopologySyntax;
import java.net.URI;
import java.util.List;
import java.util.Random;
import org.antlr.v4.runtime.Token;

/**
 * Corrupts topology text for fuzzing, with seeded mutations at three levels: characters (including NUL, lone
 * surrogates, braces and quotes), tokens (deleted, repeated, swapped, replaced by other
 * tokens) and structure (blocks cut, duplicated, nested, or their braces dropped).
 */
final class TextCorrupter {
  private static final String[] NASTY = {"{", "}", "\"", "\\", "/*", "*/", "//", "\u0000", "\uD800", "\uDC00",
      "\uFEFF", "\r", "\n", "\r\n", ";", ",", "-", ".", "@", "é", "😀", "9999999999999999999999", "Gi", "host",
      "container", "nodes", "import \"x.topo\"", "\t", " ", "import \"../../../etc/passwd\""};

  private final Random random;

  TextCorrupter(long seed) {
    this.random = new Random(seed);
  }

  String corrupt(String text) {
    int rounds = 1 + random.nextInt(4);
    String result = text;
    for (int i = 0; i < rounds; i++) {
      result = switch (random.nextInt(3)) {
        case 0 -> characters(result);
        case 1 -> tokens(result);
        default -> structure(result);
      };
    }
    return result;
  }

  private String characters(String text) {
    int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
    return switch (random.nextInt(3)) {
      case 0 -> text.substring(0, at) + NASTY[random.nextInt(NASTY.length)] + text.substring(at);
      case 1 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(8)));
      default -> {
        int end = Math.min(text.length(), at + 1);
        yield text.substring(0, at) + (char) random.nextInt(0x3000) + text.substring(end);
      }
    };
  }

  private String tokens(String text) {
    List<Token> tokens = TopologySyntax.parseTree(URI.create("file:///m.topo"), text).tokens().stream()
        .filter(t -> t.getType() != Token.EOF && t.getStartIndex() >= 0).toList();
    if (tokens.isEmpty()) {
      return text;
    }
    Token a = tokens.get(random.nextInt(tokens.size()));
    Token b = tokens.get(random.nextInt(tokens.size()));
    String aText = text.substring(a.getStartIndex(), a.getStopIndex() + 1);
    String bText = text.substring(b.getStartIndex(), b.getStopIndex() + 1);
    String before = text.substring(0, a.getStartIndex());
    String after = text.substring(a.getStopIndex() + 1);
    return switch (random.nextInt(3)) {
      case 0 -> before + after;                     // delete
      case 1 -> before + aText + " " + aText + after; // repeat
      default -> before + bText + after;            // replace by another token
    };
  }

  private String structure(String text) {
    int open = nth(text, '{');
    int close = nth(text, '}');
    if (open < 0 || close < 0) {
      return text;
    }
    int from = Math.min(open, close);
    int to = Math.max(open, close) + 1;
    String block = text.substring(from, to);
    return switch (random.nextInt(4)) {
      case 0 -> text.substring(0, from) + text.substring(to);                 // cut
      case 1 -> text.substring(0, to) + block + text.substring(to);           // duplicate
      case 2 -> text.substring(0, open) + text.substring(open + 1);           // drop a brace
      default -> text.substring(0, from) + "{" + block + "}" + text.substring(to); // nest
    };
  }

  private int nth(String text, char c) {
    int count = (int) text.chars().filter(x -> x == c).count();
    if (count == 0) {
      return -1;
    }
    int target = random.nextInt(count);
    int at = -1;
    for (int i = 0; i <= target; i++) {
      at = text.indexOf(c, at + 1);
    }
    return at;
  }
}
