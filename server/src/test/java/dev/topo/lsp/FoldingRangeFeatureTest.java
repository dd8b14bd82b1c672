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

  /** Which folds there are is FoldingTest's; here, that each kind reaches the client as the protocol names it. */
  @Test
  void eachKindOfFoldAsTheProtocolNamesIt() {
    String text = """
        import "a.topo"
        import "b.topo"
        // one
        // two
        host a {
          os linux
        }
        """;
    assertEquals(List.of("0-1 imports", "2-3 comment", "4-5 region"), folds(text));
  }
}
