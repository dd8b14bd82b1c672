package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workspace boundary by real path, whatever the spelling: a workspace folder opened
 * through a link and a document named by its real path (and the other way round), {@code /./},
 * {@code //}, a trailing {@code /./}, {@code ..}, {@code %2e%2e}, {@code file:////}, and no
 * workspace folder at all. A document's imports never leave its boundary (its workspace
 * folder, else its own folder), and no content of a file outside it reaches any answer,
 * diagnostic or log: the outside file holds a marker that is looked for everywhere.
 */
class WorkspaceBoundaryTest {
  private static final String MARKER = "zqmarker";
  private static final String SECRET = "// " + MARKER + " comment\nhost " + MARKER + "-host {\n  os linux\n  cpu 0\n}\n";
  /** A document that imports the outside file, by a path that leaves the workspace folder. */
  private static final String IMPORTER = "import \"../outside/secret.topo\"\nhost app {\n  os linux\n}\n";

  @TempDir
  Path dir;
  private Path workspace;
  /** A link to the workspace folder, from beside it. */
  private Path link;

  @BeforeEach
  void files() throws Exception {
    Path real = Files.createDirectories(dir.resolve("real"));
    workspace = Files.createDirectories(real.resolve("ws"));
    Files.createDirectories(workspace.resolve("sub"));
    Files.writeString(Files.createDirectories(real.resolve("outside")).resolve("secret.topo"), SECRET);
    link = Files.createSymbolicLink(dir.resolve("ws-link"), workspace);
  }

  /** Every answer about an open document and everything sent unasked, as text. */
  private static String everything(TestClient lsp, URI uri) throws Exception {
    TextDocumentIdentifier document = new TextDocumentIdentifier(uri.toString());
    List<Object> told = new ArrayList<>();
    told.add(UnopenedDocumentsTest.answers(lsp, uri));
    told.add(lsp.await(lsp.documents().hover(new HoverParams(document, new Position(0, 12)))));
    told.add(lsp.await(lsp.documents().definition(new DefinitionParams(document, new Position(0, 12)))));
    told.add(lsp.await(lsp.documents().documentLink(new DocumentLinkParams(document))));
    told.add(lsp.await(lsp.workspace().symbol(new WorkspaceSymbolParams(""))));
    told.add(lsp.received());
    return told.toString();
  }

  /** Opens the importer as {@code document} in a workspace folder spelled {@code folder} (none if null). */
  private void assertImportRefused(URI folder, URI document) throws Exception {
    try (TestClient lsp = new TestClient()) {
      lsp.initialize(folder);
      lsp.open(document, IMPORTER);
      String diagnostics = lsp.awaitDiagnostics(document, 1).getDiagnostics().toString();
      // Outside the root; or, spelled with %2e%2e (which URIs do not resolve), not found where the spelling points.
      assertTrue(diagnostics.contains("is outside the workspace root") || diagnostics.contains("cannot find"),
          folder + " " + document + ": " + diagnostics);
      String told = everything(lsp, document);
      assertFalse(told.contains(MARKER), folder + " " + document + ": " + told);
    }
  }

  private static URI spelled(String uri) {
    return URI.create(uri);
  }

  @Test
  void aFolderOpenedThroughALinkAndADocumentByItsRealPathShareTheBoundaryBothWays() throws Exception {
    Files.writeString(workspace.resolve("main.topo"), IMPORTER);
    assertImportRefused(link.toUri(), workspace.resolve("main.topo").toUri());
    assertImportRefused(workspace.toUri(), link.resolve("main.topo").toUri());
  }

  @Test
  void everySpellingOfTheDocumentKeepsTheBoundary() throws Exception {
    Files.writeString(workspace.resolve("main.topo"), IMPORTER);
    String ws = workspace.toUri().toString(); // file:///.../ws/
    String path = workspace.toUri().getPath();
    for (String document : List.of(ws + "./main.topo", ws.replace("/ws/", "//ws//") + "main.topo",
        ws + "sub/../main.topo", ws + "sub/%2e%2e/main.topo", "file:///" + path + "main.topo")) {
      assertImportRefused(workspace.toUri(), spelled(document));
    }
    assertImportRefused(spelled(ws + "./"), workspace.resolve("main.topo").toUri());
    assertImportRefused(spelled(ws.replace("/ws/", "//ws")), workspace.resolve("main.topo").toUri());
  }

  @Test
  void aDocumentOutsideEveryFolderOrWithNoneIsBoundedByItsOwnFolder() throws Exception {
    Path other = Files.createDirectories(dir.resolve("other"));
    assertImportRefused(other.toUri(), workspace.resolve("main.topo").toUri());
    assertImportRefused(null, workspace.resolve("main.topo").toUri());
    assertImportRefused(null, link.resolve("main.topo").toUri());
  }

  @Test
  void aDocumentOutsideEveryFolderStillImportsFromItsOwnFolder() throws Exception {
    Files.writeString(workspace.resolve("sub/lib.topo"), "host lib {\n  os linux\n}\n");
    URI main = workspace.resolve("main.topo").toUri();
    try (TestClient lsp = new TestClient()) {
      lsp.initialize(null);
      lsp.open(main, "import \"sub/lib.topo\"\nhost app {\n  os linux\n}\n");
      String diagnostics = lsp.awaitDiagnostics(main, 1).getDiagnostics().toString();
      assertFalse(diagnostics.contains("import-error"), diagnostics);
    }
  }

  @Test
  void unopenedDocumentsAreReadOnlyWhereTheyReallyAreInsideAFolder() throws Exception {
    Files.writeString(workspace.resolve("inside.topo"), UnopenedDocumentsTest.SECRET);
    Path escape = Files.createSymbolicLink(workspace.resolve("escape.topo"), dir.resolve("real/outside/secret.topo"));
    Files.createSymbolicLink(workspace.resolve("out"), dir.resolve("real/outside"));
    String ws = workspace.toUri().toString();
    try (TestClient lsp = new TestClient()) {
      lsp.initialize(link.toUri());
      assertTrue(UnopenedDocumentsTest.answers(lsp, workspace.resolve("inside.topo").toUri()).contains("secret-host"),
          "a file of the folder named by its real path is inside it");
      for (String outside : List.of(escape.toUri().toString(), ws + "out/secret.topo", ws + "../outside/secret.topo",
          ws + "%2e%2e/outside/secret.topo", ws + "./../outside/secret.topo", "file:////" + ws.substring(8) + "../outside/secret.topo",
          link.toUri() + "../real/outside/secret.topo", "vscode-vfs://host" + dir.resolve("real/outside/secret.topo").toUri().getPath())) {
        String told = UnopenedDocumentsTest.answers(lsp, spelled(outside));
        assertFalse(told.contains(MARKER), outside + ": " + told);
      }
      // A watched-file event about a file outside the folders puts nothing in the index.
      lsp.workspace().didChangeWatchedFiles(new DidChangeWatchedFilesParams(List.of(
          new FileEvent(dir.resolve("real/outside/secret.topo").toUri().toString(), FileChangeType.Created),
          new FileEvent(escape.toUri().toString(), FileChangeType.Created))));
      String symbols = String.valueOf(lsp.await(lsp.workspace().symbol(new WorkspaceSymbolParams(""))));
      assertFalse(symbols.contains(MARKER), symbols);
      assertFalse(lsp.received().contains(MARKER), lsp.received());
    }
  }

  @Test
  void aFolderOpenedThroughALinkIsIndexed() throws Exception {
    Files.writeString(workspace.resolve("indexed.topo"), "host indexed-host {\n  os linux\n}\n");
    try (TestClient lsp = new TestClient()) {
      lsp.initialize(link.toUri());
      lsp.awaitLog(m -> m.getMessage().startsWith("indexed "));
      String symbols = String.valueOf(lsp.await(lsp.workspace().symbol(new WorkspaceSymbolParams("indexed"))));
      assertTrue(symbols.contains("indexed-host") && symbols.contains(link.toUri().toString()), symbols);
    }
  }
}
