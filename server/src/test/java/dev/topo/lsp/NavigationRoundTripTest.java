package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameCapabilities;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Navigation through the protocol: definition across files, references found by the
 * background index, prepareRename and a rename across two files, symbols and links.
 */
class NavigationRoundTripTest {
  @TempDir
  Path dir;

  static final String LIB = "host n1 {\n  os linux\n  runtime docker\n}\n";
  static final String MAIN = "import \"lib.topo\"\ncluster k {\n  nodes n1\n}\n";
  static final String OTHER = "import \"lib.topo\"\ncluster j { nodes n1 }\n";

  static Range r(int line, int character, int endLine, int endCharacter) {
    return new Range(new Position(line, character), new Position(endLine, endCharacter));
  }

  static ClientCapabilities editorLike() {
    TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
    text.setRename(new RenameCapabilities(true, false));
    DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
    symbols.setHierarchicalDocumentSymbolSupport(true);
    text.setDocumentSymbol(symbols);
    WorkspaceEditCapabilities edits = new WorkspaceEditCapabilities();
    edits.setDocumentChanges(true);
    WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
    workspace.setWorkspaceEdit(edits);
    ClientCapabilities client = new ClientCapabilities();
    client.setTextDocument(text);
    client.setWorkspace(workspace);
    return client;
  }

  @Test
  void definitionReferencesRenameAndSymbolsAcrossFiles() throws Exception {
    Files.writeString(dir.resolve("lib.topo"), LIB);
    Files.writeString(dir.resolve("other.topo"), OTHER);
    Files.writeString(dir.resolve("main.topo"), MAIN);
    URI main = dir.resolve("main.topo").toUri();
    String lib = dir.resolve("lib.topo").toUri().toString();
    String other = dir.resolve("other.topo").toUri().toString();
    TextDocumentIdentifier doc = new TextDocumentIdentifier(main.toString());

    try (TestClient lsp = new TestClient()) {
      var declared = lsp.initialize(dir.toUri(), editorLike()).getCapabilities();
      assertTrue(declared.getRenameProvider().getRight().getPrepareProvider());
      assertTrue(declared.getDefinitionProvider().getLeft());
      assertTrue(declared.getReferencesProvider().getLeft());
      assertTrue(declared.getDocumentSymbolProvider().getLeft());
      assertTrue(declared.getWorkspaceSymbolProvider().getLeft());
      assertTrue(declared.getDocumentHighlightProvider().getLeft());
      assertEquals(false, declared.getDocumentLinkProvider().getResolveProvider());
      lsp.open(main, MAIN);
      lsp.awaitDiagnostics(main, 1);
      lsp.awaitLog(m -> m.getMessage().startsWith("indexed ")); // references to unopened files need the index

      var definition = lsp.await(lsp.documents().definition(
          new DefinitionParams(doc, new Position(2, 9))));
      assertEquals(List.of(new Location(lib, r(0, 5, 0, 7))), definition.getLeft());

      ReferenceParams refs = new ReferenceParams(doc, new Position(2, 8), new ReferenceContext(true));
      List<String> where = lsp.await(lsp.documents().references(refs)).stream()
          .map(l -> l.getUri().substring(l.getUri().lastIndexOf('/') + 1) + ":" + l.getRange().getStart().getLine())
          .sorted().toList();
      assertEquals(List.of("lib.topo:0", "main.topo:2", "other.topo:1"), where);

      List<? extends DocumentHighlight> highlights = lsp.await(lsp.documents().documentHighlight(
          new DocumentHighlightParams(doc, new Position(2, 8))));
      assertEquals(List.of(new DocumentHighlight(r(2, 8, 2, 10), DocumentHighlightKind.Read)), highlights);

      var prepared = lsp.await(lsp.documents().prepareRename(
          new PrepareRenameParams(doc, new Position(2, 9))));
      assertEquals(new PrepareRenameResult(r(2, 8, 2, 10), "n1"), prepared.getSecond());

      WorkspaceEdit edit = lsp.await(lsp.documents().rename(
          new RenameParams(doc, new Position(2, 9), "node-1")));
      Map<String, TextDocumentEdit> byUri = new TreeMap<>();
      edit.getDocumentChanges().forEach(c -> byUri.put(c.getLeft().getTextDocument().getUri(), c.getLeft()));
      assertEquals(Map.of(lib, r(0, 5, 0, 7), main.toString(), r(2, 8, 2, 10), other, r(1, 18, 1, 20)),
          rangesOf(byUri));
      assertEquals(1, byUri.get(main.toString()).getTextDocument().getVersion());
      assertNull(byUri.get(lib).getTextDocument().getVersion());

      ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
          () -> lsp.await(lsp.documents().rename(new RenameParams(doc, new Position(2, 9), "k"))));
      ResponseErrorException cause = assertInstanceOf(ResponseErrorException.class, refused.getCause());
      assertTrue(cause.getMessage().contains("cluster 'k' already has that name"), cause.getMessage());

      List<DocumentSymbol> outline = lsp.await(lsp.documents().documentSymbol(new DocumentSymbolParams(doc)))
          .stream().map(e -> e.getRight()).toList();
      assertEquals(1, outline.size());
      assertEquals("k", outline.get(0).getName());
      assertEquals(SymbolKind.Namespace, outline.get(0).getKind());
      assertEquals("nodes n1", outline.get(0).getDetail());

      List<? extends WorkspaceSymbol> symbols = lsp.await(lsp.workspace().symbol(
          new WorkspaceSymbolParams("n1"))).getRight();
      assertEquals(List.of(lib), symbols.stream().map(s -> s.getLocation().getLeft().getUri()).toList());

      List<DocumentLink> links = lsp.await(lsp.documents().documentLink(new DocumentLinkParams(doc)));
      assertEquals(List.of(lib), links.stream().map(DocumentLink::getTarget).toList());
    }
  }

  @Test
  void requestsOnUnopenedDocumentsAndPositionsPastTheEndAnswerEmpty() throws Exception {
    try (TestClient lsp = new TestClient()) {
      lsp.initialize(dir.toUri());
      TextDocumentIdentifier missing = new TextDocumentIdentifier(dir.resolve("nowhere.topo").toUri().toString());
      var service = lsp.documents();
      assertEquals(List.of(), lsp.await(service.definition(new DefinitionParams(missing, new Position(0, 0)))).getLeft());
      assertEquals(List.of(), lsp.await(service.references(
          new ReferenceParams(missing, new Position(0, 0), new ReferenceContext(true)))));
      assertNull(lsp.await(service.rename(new RenameParams(missing, new Position(0, 0), "x"))));
      URI main = dir.resolve("main.topo").toUri();
      lsp.open(main, "host h { }");
      TextDocumentIdentifier doc = new TextDocumentIdentifier(main.toString());
      assertNull(lsp.await(service.prepareRename(new PrepareRenameParams(doc, new Position(99, 99)))));
      assertEquals(List.of(), lsp.await(service.documentHighlight(new DocumentHighlightParams(doc, new Position(99, 0)))));
    }
  }

  private static Map<String, Range> rangesOf(Map<String, TextDocumentEdit> byUri) {
    Map<String, Range> ranges = new TreeMap<>();
    byUri.forEach((uri, e) -> {
      assertEquals(1, e.getEdits().size(), uri);
      TextEdit only = e.getEdits().get(0).getLeft();
      assertEquals("node-1", only.getNewText());
      ranges.put(uri, only.getRange());
    });
    return ranges;
  }
}
