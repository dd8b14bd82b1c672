package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.check.edit.SourceEdit;
import dev.topo.grammar.TopologyLexer;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/** The core's edits applied to texts by offset, as an editor would, and the tokens of a text, for code-action tests. */
final class SourceEdits {
  private SourceEdits() {}

  /** The text of a document after those of the edits that are for it; they must not overlap. */
  static String apply(URI document, String text, List<SourceEdit> edits) {
    List<SourceEdit> mine = new ArrayList<>(edits.stream().filter(e -> e.span().source().equals(document)).toList());
    mine.sort(Comparator.comparingInt(e -> e.span().start())); // stable: inserts at one place keep their order
    for (int i = 1; i < mine.size(); i++) {
      var before = mine.get(i - 1).span();
      var after = mine.get(i).span();
      boolean twoInsertsAtOnePlace = before.length() == 0 && after.length() == 0 && before.start() == after.start();
      assertTrue(before.end() <= after.start() && !twoInsertsAtOnePlace, "edits overlap: " + mine);
    }
    StringBuilder result = new StringBuilder(text);
    for (int i = mine.size() - 1; i >= 0; i--) {
      SourceEdit edit = mine.get(i);
      result.replace(edit.span().start(), edit.span().end(), edit.newText());
    }
    return result.toString();
  }

  /** The new text of every document the edits change, read through a function for the old ones. */
  static Map<URI, String> apply(List<SourceEdit> edits, Function<URI, String> original) {
    Map<URI, String> result = new LinkedHashMap<>();
    for (SourceEdit edit : edits) {
      result.computeIfAbsent(edit.span().source(), uri -> apply(uri, original.apply(uri), edits));
    }
    return result;
  }

  /** Every token that is not white space, comments included, in order. */
  static List<String> tokens(String text) {
    TopologyLexer lexer = new TopologyLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    List<String> tokens = new ArrayList<>();
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      if (t.getType() != TopologyLexer.WS) {
        tokens.add(t.getText());
      }
    }
    return tokens;
  }
}
