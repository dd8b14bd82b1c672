package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SelectionRangeParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests for documents the client never opened: inside a workspace folder they are read
 * from disk, as a workspace needs; outside every folder, or with no folder at all, nothing is
 * read, so no answer quotes a file the user did not give the server.
 */
class UnopenedDocumentsTest {
  @TempDir
  Path dir;

  static final String SECRET = "host secret-host {\n  os linux\n  cpu 0\n}\n";

  /** Every answer the server gives for a document, as text. */
  static String answers(TestClient lsp, URI uri) throws Exception {
    TextDocumentIdentifier document = new TextDocumentIdentifier(uri.toString());
    List<Object> answers = new java.util.ArrayList<>();
    answers.add(lsp.await(lsp.documents().hover(new HoverParams(document, new Position(0, 8)))));
    answers.add(lsp.await(lsp.documents().formatting(new DocumentFormattingParams(document, new FormattingOptions(2, true)))));
    answers.add(lsp.await(lsp.documents().documentSymbol(new DocumentSymbolParams(document))));
    answers.add(lsp.await(lsp.documents().diagnostic(new DocumentDiagnosticParams(document))));
    answers.add(lsp.await(lsp.documents().semanticTokensFull(new SemanticTokensParams(document))));
    answers.add(lsp.await(lsp.documents().selectionRange(new SelectionRangeParams(document, List.of(new Position(0, 8))))));
    return answers.toString();
  }

  @Test
  void outsideEveryWorkspaceFolderNothingIsReadInsideItIs() throws Exception {
    Path workspace = Files.createDirectories(dir.resolve("ws"));
    URI inside = Files.writeString(workspace.resolve("inside.topo"), SECRET).toUri();
    URI outside = Files.writeString(Files.createDirectories(dir.resolve("elsewhere")).resolve("secret.topo"), SECRET).toUri();
    try (TestClient lsp = new TestClient()) {
      lsp.initialize(workspace.toUri());
      assertTrue(answers(lsp, inside).contains("secret-host"), "a workspace's files are read");
      String told = answers(lsp, outside);
      assertFalse(told.contains("secret-host") || told.contains("cpu"), told);
      assertFalse(answers(lsp, URI.create(workspace.toUri() + "../elsewhere/secret.topo")).contains("secret-host"));
    }
  }

  @Test
  void withNoWorkspaceFolderOnlyOpenDocumentsAreRead() throws Exception {
    URI file = Files.writeString(dir.resolve("secret.topo"), SECRET).toUri();
    try (TestClient lsp = new TestClient()) {
      lsp.initialize(null);
      String told = answers(lsp, file);
      assertFalse(told.contains("secret-host"), told);
      lsp.open(file, SECRET);
      assertTrue(answers(lsp, file).contains("secret-host"), "an open document is the client's to show");
    }
  }
}
