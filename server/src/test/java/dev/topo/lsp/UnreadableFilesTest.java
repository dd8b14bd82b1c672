package dev.topo.lsp;

import dev.topo.ide.Snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import dev.topo.check.Cancellation;
import dev.topo.workspace.SourceProvider;
import dev.topo.workspace.TextDocument;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The language server on a disk that fails: every file that is not open reads as empty, as
 * {@link SourceProvider} asks of a file that cannot be read. An open document's import of
 * such a file is an {@code import-error} diagnostic on the import; requests on such a file
 * answer empty; indexing it finds nothing. Nothing throws.
 */
class UnreadableFilesTest {
  static final URI ROOT = URI.create("file:///ws/");
  static final URI MAIN = ROOT.resolve("main.topo");
  static final URI LIB = ROOT.resolve("lib.topo");

  final SourceProvider disk = mock(SourceProvider.class, CALLS_REAL_METHODS);
  final Session session = new Session(disk);
  final ExecutorService executor = Executors.newSingleThreadExecutor();

  UnreadableFilesTest() {
    session.setRoots(List.of(ROOT));
    session.markInitialized();
  }

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  Snapshot openMain() {
    session.documents().open(new TextDocument(MAIN, 1, "import \"lib.topo\"\ncluster k { nodes n1 }\n"));
    session.changed();
    return session.snapshot(MAIN, Cancellation.NONE).orElseThrow();
  }

  @Test
  void anOpenDocumentsImportOfAnUnreadableFileIsAnImportErrorDiagnosticOnTheImport() {
    List<Diagnostic> diagnostics = DiagnosticsFeature.diagnostics(openMain(), session.settings());

    verify(disk, atLeastOnce()).read(LIB);
    Diagnostic importError = diagnostics.stream().filter(d -> d.getCode().getLeft().equals("import-error"))
        .findFirst().orElseThrow(() -> new AssertionError(diagnostics.toString()));
    assertEquals(new Range(new Position(0, 7), new Position(0, 17)), importError.getRange());
  }

  @Test
  void theImportLeadsNowhere() {
    Snapshot snapshot = openMain();
    assertEquals(List.of(), DefinitionFeature.definition(session, snapshot, new Position(0, 10)).getLeft());
    assertEquals(List.of(), DocumentLinkFeature.links(session, snapshot));
  }

  @Test
  void requestsOnAnUnreadableFileAnswerEmpty() throws Exception {
    Requests requests = new Requests(session, executor);
    Object hover = requests.compute(LIB.toString(),
        (snapshot, cancel) -> HoverFeature.hover(session, snapshot, new Position(0, 0), cancel), null)
        .get(5, TimeUnit.SECONDS);
    assertNull(hover);
    assertEquals(List.of(), requests.compute(LIB.toString(), FoldingRangeFeature::folds,
        List.of()).get(5, TimeUnit.SECONDS));
    verify(disk, atLeastOnce()).read(LIB);
  }

  @Test
  void indexingAnUnreadableFileFindsNothingInIt() {
    WorkspaceIndexer.index(session, List.of(LIB), done -> {});
    verify(disk).read(LIB);
    assertEquals(List.of(), WorkspaceSymbolFeature.symbols(session, "n1", Cancellation.NONE));
  }
}
