package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.topo.check.Cancellation;
import java.util.List;
import org.eclipse.lsp4j.FoldingRange;
import org.junit.jupiter.api.Test;

/** Folds in the protocol's ranges: whole lines, and the kinds it has (none for a block). */
class FoldingRangeFeatureTest {
  private static List<String> folds(String text) {
    return FoldingRangeFeature.folds(Fixture.of(text).snapshot(), Cancellation.NONE).stream().map(FoldingRangeFeatureTest::show).toList();
  }

  /** "start-end kind", the kind being "region" when the protocol's kind is left out. */
  private static String show(FoldingRange r) {
    return r.getStartLine() + "-" + r.getEndLine() + " " + (r.getKind() == null ? "region" : r.getKind());
  }

  @Test
  void blocksCommentsAndImports() {
    String text = """
        import "a.topo"
        import "b.topo"
        // one
        // two
        host a { // not part of a run: it ends a line of code
          /* a block
             comment */
          vm v {
            os linux
          }
          vm w { os linux
            cpu 1 }
          vm x { }
        }
        /* one line */
        // alone
        """;
    assertEquals(List.of(
        "0-1 imports",
        "2-3 comment", // two line comments on lines of their own
        "4-12 region", // host a: its '}' opens line 13 and stays visible when folded
        "5-6 comment",
        "7-8 region", // vm v
        "10-11 region"), // vm w: its '}' ends a line of code, which folds with the block
        folds(text));
  }
}
