package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import dev.topo.ide.Parsed;
import dev.topo.model.FileModel;
import dev.topo.syntax.DocumentSyntax;
import dev.topo.syntax.IncrementalParse;
import dev.topo.syntax.TopologySyntax;
import dev.topo.tools.TopologyGenerator;
import dev.topo.workspace.TextDocument;
import java.net.URI;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The outline rendered block by block after each edit ({@link OutlineCache}) is, as JSON on
 * the wire, exactly the outline rendered whole from a full parse of the same text.
 */
class OutlineCacheTest {
  static final URI URI_ = URI.create("file:///ws/main.topo");
  static final ClientCapabilities CLIENT = DocumentSymbolFeatureTest.hierarchical(List.of(SymbolKind.values()));
  /** LSP4J's Gson without the server's hook: what the uncached answer looks like on the wire. */
  static final Gson PLAIN = new MessageJsonHandler(Map.of()).getGson();
  /** The Gson the server's launcher writes with. */
  static final Gson WIRE = new MessageJsonHandler(Map.of(),
      gson -> gson.registerTypeAdapterFactory(RenderedSymbol.WRITER)).getGson();

  /**
   * A document edited by a random sequence of edits as a user makes them (typing inside a
   * block, adding and removing lines, breaking a brace and mending it, adding a block, cutting
   * a stretch), its versions parsed as the server parses them (incrementally where it can).
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void theCachedOutlineIsTheWholeOutlineOfAFullParseAfterEveryEdit(long seed) {
    EditSequence edits = new EditSequence(seed, new TopologyGenerator(seed).single(800));
    String text = edits.text();
    OutlineCache cache = new OutlineCache(uri -> true);
    FileModel model = TopologySyntax.parse(URI_, text);
    Set<DocumentSymbol> before = Set.of();
    int blocks = 0;
    int reused = 0;
    for (int version = 1; version <= 120; version++) {
      text = edits.next();
      model = IncrementalParse.reparse(model, text).orElse(TopologySyntax.parse(URI_, text));
      List<Either<SymbolInformation, DocumentSymbol>> cached = cache.symbols(parsed(version, text, model), CLIENT);

      FileModel full = TopologySyntax.parse(URI_, text);
      assertEquals(PLAIN.toJson(DocumentSymbolFeature.symbols(parsed(version, text, full), CLIENT)), WIRE.toJson(cached),
          "version " + version);
      Set<DocumentSymbol> now = cached.stream().map(Either::getRight)
          .collect(Collectors.toCollection(() -> Collections.newSetFromMap(new IdentityHashMap<>())));
      blocks += now.size();
      reused += (int) now.stream().filter(before::contains).count();
      before = now;
    }
    // Without reuse the test above would pass with no cache at all: most blocks must come from it.
    assertTrue(reused > blocks / 2, reused + " of " + blocks + " blocks reused");
  }

  static Parsed parsed(int version, String text, FileModel model) {
    return Parsed.of(new TextDocument(URI_, version, text), model,
        DocumentSyntax.parsing(URI_, text, TopologySyntax::parseTree));
  }

  @Test
  void aBlockTheEditDidNotTouchIsAnsweredWithTheSameSymbolAndOneItTouchedAnew() {
    String text = "host a { cpu 1 }\nhost b { cpu 2 }\nhost c { cpu 3 }\n";
    OutlineCache cache = new OutlineCache(uri -> true);
    List<DocumentSymbol> first = rights(cache.symbols(parsed(1, text, TopologySyntax.parse(URI_, text)), CLIENT));
    String edited = text.replace("cpu 2", "cpu 22");
    List<DocumentSymbol> second = rights(cache.symbols(parsed(2, edited, TopologySyntax.parse(URI_, edited)), CLIENT));
    assertSame(first.get(0), second.get(0));
    assertFalse(first.get(1) == second.get(1), "the edited block is rendered again");
    assertEquals("22 cpu", second.get(1).getDetail());
    assertSame(first.get(2), second.get(2));
  }

  @Test
  void aBlockMovedToAnotherLineIsShiftedAndOneMovedToAnotherColumnRenderedAgain() {
    String text = "host a { cpu 1 }\nhost b { cpu 2 }\n";
    OutlineCache cache = new OutlineCache(uri -> true);
    for (String moved : List.of("\n\n" + text, " " + text)) {
      DocumentSymbol before = rights(cache.symbols(parsed(1, text, TopologySyntax.parse(URI_, text)), CLIENT)).get(0);
      FileModel model = TopologySyntax.parse(URI_, moved);
      List<Either<SymbolInformation, DocumentSymbol>> answer = cache.symbols(parsed(2, moved, model), CLIENT);
      DocumentSymbol after = answer.get(0).getRight();
      assertFalse(before == after, "a block that moved is not answered with the symbol of where it was");
      assertEquals(PLAIN.toJson(DocumentSymbolFeature.symbols(parsed(2, moved, model), CLIENT)), WIRE.toJson(answer));
      // Rendering makes its detail anew; a shifted copy keeps the same string.
      assertEquals(moved.startsWith("\n"), before.getDetail() == after.getDetail(), moved);
    }
  }

  @Test
  void symbolsRenderedForOtherKindsAreNotReused() {
    String text = "host a { vm v { } }\n";
    OutlineCache cache = new OutlineCache(uri -> true);
    FileModel model = TopologySyntax.parse(URI_, text);
    cache.symbols(parsed(1, text, model), CLIENT);
    ClientCapabilities original = DocumentSymbolFeatureTest.hierarchical(null);
    DocumentSymbol host = rights(cache.symbols(parsed(1, text, model), original)).get(0);
    assertEquals(SymbolKind.Class, host.getChildren().get(0).getKind());
  }

  @Test
  void documentsNotOpenAreAnsweredPlainAndNotKept() {
    String text = "host a { cpu 1 }\n";
    OutlineCache cache = new OutlineCache(uri -> false);
    FileModel model = TopologySyntax.parse(URI_, text);
    DocumentSymbol first = rights(cache.symbols(parsed(1, text, model), CLIENT)).get(0);
    assertFalse(first instanceof RenderedSymbol);
    assertFalse(first == rights(cache.symbols(parsed(1, text, model), CLIENT)).get(0));
  }

  @Test
  void aForgottenDocumentIsRenderedAgain() {
    String text = "host a { cpu 1 }\n";
    OutlineCache cache = new OutlineCache(uri -> true);
    FileModel model = TopologySyntax.parse(URI_, text);
    DocumentSymbol first = rights(cache.symbols(parsed(1, text, model), CLIENT)).get(0);
    cache.forget(URI_);
    assertFalse(first == rights(cache.symbols(parsed(1, text, model), CLIENT)).get(0));
  }

  static List<DocumentSymbol> rights(List<Either<SymbolInformation, DocumentSymbol>> symbols) {
    return symbols.stream().map(Either::getRight).toList();
  }
}
