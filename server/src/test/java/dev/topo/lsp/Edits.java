package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.grammar.TopologyLexer;
import dev.topo.model.LineMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/** Applies LSP text edits the way a client does, and lists a text's tokens, for code-action tests. */
final class Edits {
  private Edits() {}

  /** The text after the edits, which must not overlap (ranges are read against the original). */
  static String apply(String text, List<TextEdit> edits) {
    LineMap lines = LineMap.of(text);
    List<int[]> ranges = new ArrayList<>();
    for (TextEdit edit : edits) {
      ranges.add(new int[] {Positions.offset(lines, edit.getRange().getStart()),
          Positions.offset(lines, edit.getRange().getEnd()), ranges.size()});
    }
    ranges.sort(Comparator.<int[]>comparingInt(r -> r[0]).thenComparingInt(r -> r[2]));
    for (int i = 1; i < ranges.size(); i++) {
      int[] before = ranges.get(i - 1);
      int[] after = ranges.get(i);
      boolean twoInsertsAtOnePlace = before[0] == before[1] && after[0] == after[1] && before[0] == after[0];
      assertTrue(before[1] <= after[0] && !twoInsertsAtOnePlace, "edits overlap: " + edits);
    }
    StringBuilder result = new StringBuilder(text);
    for (int i = ranges.size() - 1; i >= 0; i--) {
      int[] r = ranges.get(i);
      result.replace(r[0], r[1], edits.get(r[2]).getNewText());
    }
    return result.toString();
  }

  /** The new text of every document a workspace edit changes, read through a function for the old ones. */
  static Map<String, String> apply(WorkspaceEdit edit, java.util.function.Function<String, String> original) {
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<String, List<TextEdit>> e : edit.getChanges().entrySet()) {
      result.put(e.getKey(), apply(original.apply(e.getKey()), e.getValue()));
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
