package dev.topo.syntax;

import dev.topo.grammar.TopologyLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Seeded token-level mutations of a topology text: white space reflowed, removed or added,
 * comments (suppressions too) and semicolons inserted, tokens deleted, duplicated or swapped,
 * whole texts folded onto one line. Some results no longer parse; the tests use both kinds.
 */
final class TokenMutator {
  private static final String[] SPACES = {" ", "  ", "\t", "\n", "\n\n", "\n\n\n\n", "\r\n", " \n  ", ""};
  private static final String[] COMMENTS = {
      "// a comment\n", "/* inline */", "/* over\n   two lines */", "// topo-ignore missing-limits\n",
      "// topo-ignore unpinned-image, unknown-os because\n", "/**/", "//\n", "/* a */ /* b */", "; ", ";\n", ";;"};

  private TokenMutator() {}

  static String mutate(String text, Random random) {
    String result = text;
    int operations = 1 + random.nextInt(4);
    for (int i = 0; i < operations; i++) {
      result = once(result, random);
    }
    return result;
  }

  private static String once(String text, Random random) {
    List<? extends Token> tokens = new TopologyLexer(CharStreams.fromString(text)).getAllTokens();
    if (tokens.isEmpty()) {
      return text + " host a {}";
    }
    List<String> pieces = new ArrayList<>();
    for (Token t : tokens) {
      pieces.add(t.getText());
    }
    int i = random.nextInt(pieces.size());
    boolean white = tokens.get(i).getType() == TopologyLexer.WS;
    switch (random.nextInt(9)) {
      case 0, 1 -> { // reflow some white space
        for (int k = 0; k < pieces.size(); k++) {
          if (tokens.get(k).getType() == TopologyLexer.WS && random.nextInt(3) == 0) {
            pieces.set(k, SPACES[random.nextInt(SPACES.length - 1)]);
          }
        }
      }
      case 2 -> pieces.add(i, SPACES[random.nextInt(SPACES.length)]);
      case 3 -> pieces.add(i, " " + COMMENTS[random.nextInt(COMMENTS.length)] + " ");
      case 4 -> pieces.add(i, white ? pieces.get(i) : ";");
      case 5 -> pieces.set(i, white ? " " : ""); // delete a token
      case 6 -> pieces.add(i, pieces.get(i) + " "); // duplicate a token
      case 7 -> { // swap two neighbouring tokens
        int j = Math.min(pieces.size() - 1, i + 2);
        String a = pieces.get(i);
        pieces.set(i, pieces.get(j));
        pieces.set(j, a);
      }
      default -> { // everything on one line, except what a line comment needs
        for (int k = 0; k < pieces.size(); k++) {
          boolean afterLineComment = k > 0 && tokens.get(k - 1).getType() == TopologyLexer.LINE_COMMENT;
          if (tokens.get(k).getType() == TopologyLexer.WS && !afterLineComment) {
            pieces.set(k, " ");
          }
        }
      }
    }
    return String.join("", pieces);
  }
}
