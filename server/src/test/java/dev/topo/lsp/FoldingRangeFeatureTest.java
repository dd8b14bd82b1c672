package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.topo.check.Cancellation;
import com.google.gson.Gson;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
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

  /**
   * The server's writer of folds gives, byte for byte, what LSP4J's reflective Gson gives:
   * with and without the optional fields, with characters a JSON string escapes.
   */
  @Test
  void theLaunchersWriterOfFoldsWritesWhatGsonsReflectionWrites() {
    FoldingRange plain = new FoldingRange(3, 9);
    FoldingRange full = new FoldingRange(1, 2);
    full.setStartCharacter(4);
    full.setEndCharacter(0);
    full.setKind("comment");
    full.setCollapsedText("<&> \"quoted\" \\ \u2028 서버");
    FoldingRange kindOnly = new FoldingRange(0, 1);
    kindOnly.setKind(FoldingRangeKind.Imports);
    List<FoldingRange> folds = Arrays.asList(plain, full, kindOnly, null);
    Gson reflective = new MessageJsonHandler(Map.of()).getGson();
    Gson server = RenderedSymbolTest.launchersHandler().getGson();
    assertFalse(server.getAdapter(FoldingRange.class).getClass().getName().contains("Reflective"), "the launcher's Gson has the writer");
    assertEquals(reflective.toJson(folds), server.toJson(folds));
    assertEquals(reflective.toJson(full), server.toJson(full));
    assertEquals(reflective.toJson(full), server.toJson(server.fromJson(server.toJson(full), FoldingRange.class)), "read back");
  }
}
