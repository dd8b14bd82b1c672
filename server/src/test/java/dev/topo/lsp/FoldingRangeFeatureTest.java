package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.check.Cancellation;
import com.google.gson.Gson;
import dev.topo.ide.Folding;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
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
   * The launcher writes a version's folds, onto its outgoing buffer and onto any other writer,
   * byte for byte as LSP4J's reflective Gson writes the same ranges, line numbers of every
   * length among them.
   */
  @Test
  void theLaunchersWriterOfFoldsWritesWhatGsonsReflectionWrites() {
    List<Folding.Fold> folds = List.of(new Folding.Fold(0, 1, Folding.Kind.IMPORTS), new Folding.Fold(2, 9, Folding.Kind.COMMENT),
        new Folding.Fold(10, 99, Folding.Kind.BLOCK), new Folding.Fold(100, Integer.MAX_VALUE, Folding.Kind.BLOCK));
    FoldingRanges ranges = new FoldingRanges(folds);
    Gson reflective = new MessageJsonHandler(Map.of()).getGson();
    MessageJsonHandler server = RenderedSymbolTest.launchersHandler();
    String expected = reflective.toJson(new ArrayList<>(ranges));
    assertEquals(expected, server.getGson().toJson(ranges), "onto another writer");
    ResponseMessage response = new ResponseMessage();
    response.setId(3);
    response.setResult(ranges);
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    new BufferedMessageConsumer(sent, server).consume(response);
    assertTrue(sent.toString(StandardCharsets.UTF_8).endsWith("\"result\":" + expected + "}"), sent::toString);
    assertEquals("[]", server.getGson().toJson(new FoldingRanges(List.of())));
  }
}
