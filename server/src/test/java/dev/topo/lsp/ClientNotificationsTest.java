package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCapabilities;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticWorkspaceCapabilities;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.LanguageClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the server sends its client, checked on a mocked {@link LanguageClient} connected to
 * the server object directly: diagnostics pushed after each change, log messages, requests
 * for settings, watcher registration, progress, and, for a client that pulls diagnostics,
 * {@code workspace/diagnostic/refresh} instead of pushed diagnostics.
 */
class ClientNotificationsTest {
  /** How long the server may take to send something: analysis runs on its own thread. */
  static final int WAIT_MILLIS = 10_000;

  static final String WINDOWS_HOST = """
      host win-01 {
        os windows
        runtime docker
        container web { os linux; image "web:1.0"; cpu 1; memory 1Gi }
      }
      """;

  @TempDir
  Path dir;

  final LanguageClient client = mock(LanguageClient.class);
  final TopoLanguageServer server = new TopoLanguageServer(status -> {});

  @AfterEach
  void stop() {
    server.shutdown();
    server.exit();
  }

  void start(ClientCapabilities capabilities) {
    start(capabilities, null);
  }

  void start(ClientCapabilities capabilities, Object initializationOptions) {
    server.connect(client);
    InitializeParams params = new InitializeParams();
    params.setCapabilities(capabilities);
    params.setInitializationOptions(initializationOptions);
    params.setWorkspaceFolders(List.of(new WorkspaceFolder(dir.toUri().toString(), "ws")));
    server.initialize(params).join();
    server.initialized(new InitializedParams());
  }

  void open(URI uri, String text) {
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri.toString(), "topology", 1, text)));
  }

  void replace(URI uri, int version, Range range, String text) {
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri.toString(), version), List.of(new TextDocumentContentChangeEvent(range, text))));
  }

  static Range range(int line, int character, int endCharacter) {
    return new Range(new Position(line, character), new Position(line, endCharacter));
  }

  /** Diagnostics of a document at a version, whose codes are these. */
  static PublishDiagnosticsParams diagnostics(URI uri, Integer version, String... codes) {
    return argThat(p -> p.getUri().equals(uri.toString()) && Objects.equals(p.getVersion(), version)
        && p.getDiagnostics().stream().map(d -> d.getCode().getLeft()).toList().equals(List.of(codes)));
  }

  @Test
  void diagnosticsArePushedForEachVersionAndClearedOnClose() {
    URI uri = dir.resolve("main.topo").toUri();
    start(new ClientCapabilities());
    open(uri, WINDOWS_HOST);
    verify(client, timeout(WAIT_MILLIS)).publishDiagnostics(diagnostics(uri, 1, "container-os-mismatch"));

    replace(uri, 2, range(1, 5, 12), "linux");
    verify(client, timeout(WAIT_MILLIS)).publishDiagnostics(diagnostics(uri, 2));

    server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri.toString())));
    verify(client, timeout(WAIT_MILLIS)).publishDiagnostics(diagnostics(uri, null));
    verify(client, never()).refreshDiagnostics();
  }

  @Test
  void theIndexIsLoggedAndItsProgressReportedToAClientThatShowsProgress() throws Exception {
    Files.writeString(dir.resolve("a.topo"), "host a { }");
    Files.writeString(dir.resolve("b.topo"), "host b { }");
    when(client.createProgress(any())).thenReturn(CompletableFuture.completedFuture(null));
    ClientCapabilities capabilities = new ClientCapabilities();
    WindowClientCapabilities window = new WindowClientCapabilities();
    window.setWorkDoneProgress(true);
    capabilities.setWindow(window);
    start(capabilities);

    verify(client, timeout(WAIT_MILLIS)).logMessage(new MessageParams(MessageType.Info, "indexed 2 topology files"));
    verify(client).createProgress(any());
    verify(client).notifyProgress(argThat(p -> p.getValue().getLeft() instanceof WorkDoneProgressBegin begin
        && begin.getTitle().equals("Indexing topology files")));
    verify(client).notifyProgress(argThat((ProgressParams p) -> p.getValue().getLeft() instanceof WorkDoneProgressEnd end
        && end.getMessage().equals("2 topology files indexed")));
  }

  @Test
  void whatIsLoggedToTheClientIsNotAlsoWrittenToStandardErrorWhichClientsShowToo() throws Exception {
    Files.writeString(dir.resolve("a.topo"), "host a { }");
    PrintStream stderr = System.err;
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    System.setErr(new PrintStream(written, true, StandardCharsets.UTF_8));
    try {
      start(new ClientCapabilities());
      verify(client, timeout(WAIT_MILLIS)).logMessage(new MessageParams(MessageType.Info, "indexed 1 topology files"));
    } finally {
      System.setErr(stderr);
    }
    assertFalse(written.toString(StandardCharsets.UTF_8).contains("indexed"), written.toString(StandardCharsets.UTF_8));
  }

  @Test
  void lsp4jKeepsItsWarningsToItselfAndOnlyItsErrorsReachStandardError() throws Exception {
    try (TestClient lsp = new TestClient()) { // starts a server as topo lsp does, without TOPO_LOG=debug
      // The level every LSP4J logger inherits unless told otherwise (TestClient silences its own jsonrpc logger).
      java.util.logging.Logger lsp4j = java.util.logging.Logger.getLogger("org.eclipse.lsp4j");
      assertEquals(java.util.logging.Level.SEVERE, lsp4j.getLevel(), "'Unmatched cancel notification' would read as an error");
    }
  }

  @Test
  void aBrokenConfigurationFileIsLoggedAsAnErrorAndTheDefaultsApply() throws Exception {
    Files.writeString(dir.resolve(".topo.json"), "{ not json");
    URI uri = dir.resolve("main.topo").toUri();
    start(new ClientCapabilities());
    verify(client, timeout(WAIT_MILLIS)).logMessage(argThat(m -> m.getType() == MessageType.Error
        && m.getMessage().contains(".topo.json") && m.getMessage().endsWith("the defaults apply")));
    open(uri, WINDOWS_HOST);
    verify(client, timeout(WAIT_MILLIS)).publishDiagnostics(diagnostics(uri, 1, "container-os-mismatch"));
  }

  /** As topo check leaves excluded files out, so does the editor: no findings, no symbols; still hover and formatting. */
  @Test
  void aFileTheConfigurationExcludesGetsNoDiagnosticsAndNoWorkspaceSymbolsButStillItsEditorFeatures() throws Exception {
    Files.writeString(dir.resolve(".topo.json"), "{\"exclude\": [\"generated/**\"]}");
    Path generated = Files.createDirectories(dir.resolve("generated")).resolve("out.topo");
    Files.writeString(generated, WINDOWS_HOST);
    Files.writeString(dir.resolve("main.topo"), WINDOWS_HOST.replace("win-01", "win-02"));
    start(new ClientCapabilities());
    verify(client, timeout(WAIT_MILLIS)).logMessage(new MessageParams(MessageType.Info, "indexed 2 topology files"));

    URI excluded = generated.toUri();
    open(excluded, WINDOWS_HOST);
    verify(client, timeout(WAIT_MILLIS)).publishDiagnostics(diagnostics(excluded, 1));
    URI main = dir.resolve("main.topo").toUri();
    open(main, WINDOWS_HOST.replace("win-01", "win-02"));
    verify(client, timeout(WAIT_MILLIS)).publishDiagnostics(diagnostics(main, 1, "container-os-mismatch"));

    TextDocumentIdentifier id = new TextDocumentIdentifier(excluded.toString());
    var hover = server.getTextDocumentService().hover(new org.eclipse.lsp4j.HoverParams(id, new Position(0, 6))).get();
    assertTrue(hover != null && hover.getContents().getRight().getValue().contains("win-01"), String.valueOf(hover));
    var edits = server.getTextDocumentService().formatting(new org.eclipse.lsp4j.DocumentFormattingParams(id,
        new org.eclipse.lsp4j.FormattingOptions(2, true))).get();
    assertTrue(edits != null && !edits.isEmpty(), "the one-line container is laid out: " + edits);
    List<String> hosts = server.getWorkspaceService().symbol(new org.eclipse.lsp4j.WorkspaceSymbolParams("win")).get()
        .getRight().stream().map(s -> s.getName()).toList();
    assertEquals(List.of("win-02"), hosts, "the excluded file's host is not a workspace symbol");
  }

  @Test
  void aClientWithConfigurationIsAskedForTheTopologySectionAndItsSeveritiesApply() {
    URI uri = dir.resolve("main.topo").toUri();
    when(client.configuration(any())).thenReturn(CompletableFuture.completedFuture(
        List.of(JsonParser.parseString("{\"rules\": {\"container-os-mismatch\": \"warning\"}}"))));
    ClientCapabilities capabilities = new ClientCapabilities();
    WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
    workspace.setConfiguration(true);
    capabilities.setWorkspace(workspace);
    start(capabilities);
    verify(client).configuration(argThat((ConfigurationParams p) -> p.getItems().size() == 1
        && p.getItems().get(0).getSection().equals(TopoWorkspaceService.SECTION)));

    open(uri, WINDOWS_HOST);
    verify(client, timeout(WAIT_MILLIS)).publishDiagnostics(argThat(p -> p.getDiagnostics().size() == 1
        && p.getDiagnostics().get(0).getSeverity() == DiagnosticSeverity.Warning));
  }

  @Test
  void aClientWithNoTopologySectionKeepsTheSettingsOfItsInitializationOptions() {
    // eglot announces workspace/configuration and answers null when the user set only
    // :initializationOptions; those settings must not fall back to the defaults.
    URI uri = dir.resolve("main.topo").toUri();
    when(client.configuration(any())).thenReturn(CompletableFuture.completedFuture(Arrays.asList((Object) null)));
    ClientCapabilities capabilities = new ClientCapabilities();
    WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
    workspace.setConfiguration(true);
    capabilities.setWorkspace(workspace);
    start(capabilities, JsonParser.parseString("{\"topology\": {\"rules\": {\"container-os-mismatch\": \"warning\"}}}"));
    verify(client, timeout(WAIT_MILLIS)).configuration(any());

    open(uri, WINDOWS_HOST);
    verify(client, timeout(WAIT_MILLIS)).publishDiagnostics(argThat(p -> p.getDiagnostics().size() == 1
        && p.getDiagnostics().get(0).getSeverity() == DiagnosticSeverity.Warning));
    verify(client, never()).publishDiagnostics(argThat(p -> p.getDiagnostics().stream()
        .anyMatch(d -> d.getSeverity() == DiagnosticSeverity.Error)));
  }

  @Test
  void aClientThatRegistersWatchersDynamicallyIsAskedToWatchTopologyAndConfigurationFiles() {
    when(client.registerCapability(any())).thenReturn(CompletableFuture.completedFuture(null));
    ClientCapabilities capabilities = new ClientCapabilities();
    WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
    workspace.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
    capabilities.setWorkspace(workspace);
    start(capabilities);
    verify(client).registerCapability(argThat((RegistrationParams p) -> p.getRegistrations().size() == 1
        && p.getRegistrations().get(0).getMethod().equals("workspace/didChangeWatchedFiles")
        && ((DidChangeWatchedFilesRegistrationOptions) p.getRegistrations().get(0).getRegisterOptions()).getWatchers()
            .stream().map(FileSystemWatcher::getGlobPattern).map(g -> g.getLeft()).toList()
            .equals(List.of("**/*.topo", "**/.topo.json"))));
  }

  @Test
  void aPullingClientIsAskedToPullAgainWhenAnImportedFileOrTheSettingsChangeAndGetsNothingPushed() throws Exception {
    URI main = dir.resolve("main.topo").toUri();
    URI lib = dir.resolve("lib.topo").toUri();
    ClientCapabilities capabilities = new ClientCapabilities();
    capabilities.setTextDocument(new TextDocumentClientCapabilities());
    capabilities.getTextDocument().setDiagnostic(new DiagnosticCapabilities());
    capabilities.setWorkspace(new WorkspaceClientCapabilities());
    capabilities.getWorkspace().setDiagnostics(new DiagnosticWorkspaceCapabilities(true));
    when(client.refreshDiagnostics()).thenReturn(CompletableFuture.completedFuture(null));
    start(capabilities);
    open(lib, "host n1 { os linux; runtime docker }");
    open(main, "import \"lib.topo\"\ncluster k { nodes n1 }");
    List<Diagnostic> pulled = server.getTextDocumentService().diagnostic(new org.eclipse.lsp4j.DocumentDiagnosticParams(
        new TextDocumentIdentifier(main.toString()))).get().getRelatedFullDocumentDiagnosticReport().getItems();
    assertEquals(List.of(), pulled);
    verify(client, never()).refreshDiagnostics();

    replace(lib, 2, range(0, 5, 7), "n2"); // main's node is gone: main must be pulled again
    verify(client, timeout(WAIT_MILLIS)).refreshDiagnostics();

    server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(
        JsonParser.parseString("{\"topology\": {\"showInfo\": false}}")));
    verify(client, timeout(WAIT_MILLIS).times(2)).refreshDiagnostics();
    verify(client, after(200).never()).publishDiagnostics(any());
  }
}
