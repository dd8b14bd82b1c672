package dev.topo.lsp;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A whole server in-process, connected over piped streams to an LSP4J client that records
 * what the server sends. Tests drive a session through {@link #server()}.
 */
public final class LspHarness implements AutoCloseable {
  public static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final LanguageServer server;
  private final Launcher<TopoServer> launcher;
  private final RecordingClient client = new RecordingClient();
  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
  private final Socket serverSide;
  private final Socket clientSide;

  /**
   * The server as this client knows it: the protocol and topo's own requests. LSP4J reads a
   * response by the method's declared result type; for a method it does not know, it gives
   * null, so custom requests must be declared here to be tested.
   */
  public interface TopoServer extends LanguageServer {
    @JsonRequest(value = "topology/explain", useSegment = false)
    CompletableFuture<JsonElement> explain(Object params);
  }

  /** What the server sent to the client. */
  public static final class RecordingClient implements LanguageClient {
    public final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
    public final List<PublishDiagnosticsParams> allDiagnostics = new CopyOnWriteArrayList<>();
    public final List<MessageParams> logs = new CopyOnWriteArrayList<>();
    public final java.util.concurrent.atomic.AtomicInteger refreshes = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public CompletableFuture<Void> refreshDiagnostics() {
      refreshes.incrementAndGet();
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams params) {
      allDiagnostics.add(params);
      diagnostics.add(params);
    }

    @Override
    public void showMessage(MessageParams params) {
      logs.add(params);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams params) {
      logs.add(params);
    }
  }

  /**
   * Connects over a loopback socket: Java's piped streams tie each end to the thread that
   * last used it and break ("write end dead") under LSP4J's thread pools.
   */
  /** Held so that the logger, and the level set on it, is not garbage collected. */
  private static final java.util.logging.Logger LSP4J_LOG = java.util.logging.Logger.getLogger("org.eclipse.lsp4j.jsonrpc");

  static {
    // LSP4J logs every closed connection as SEVERE; a test closing its socket is expected.
    LSP4J_LOG.setLevel(java.util.logging.Level.OFF);
  }

  public LspHarness() throws IOException {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Socket clientSide = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
      serverSide = listener.accept();
      this.clientSide = clientSide;
    }
    ServerMain.start(serverSide.getInputStream(), serverSide.getOutputStream(), exitCode::complete);
    launcher = new LSPLauncher.Builder<TopoServer>().setLocalService(client).setRemoteInterface(TopoServer.class)
        .setInput(clientSide.getInputStream()).setOutput(clientSide.getOutputStream()).create();
    launcher.startListening();
    server = launcher.getRemoteProxy();
  }

  public LanguageServer server() {
    return server;
  }

  public RecordingClient client() {
    return client;
  }

  public CompletableFuture<Integer> exitCode() {
    return exitCode;
  }

  /**
   * Sends a request by its method name, as clients of other languages do (a custom one such
   * as {@code topology/explain}, declared in {@link TopoServer}); the result arrives as
   * parsed JSON, or null.
   */
  public CompletableFuture<Object> request(String method, Object params) {
    return launcher.getRemoteEndpoint().request(method, params);
  }

  /** Initializes with a workspace folder and the given capabilities, then sends initialized. */
  public InitializeResult initialize(URI root, ClientCapabilities capabilities, Object initializationOptions)
      throws Exception {
    return initialize(root, capabilities, initializationOptions, null);
  }

  /** Initializes as a client whose user interface speaks {@code locale} ("ko", "en-US"...). */
  public InitializeResult initialize(URI root, ClientCapabilities capabilities, Object initializationOptions,
      String locale) throws Exception {
    InitializeParams params = new InitializeParams();
    params.setLocale(locale);
    params.setCapabilities(capabilities);
    if (root != null) {
      params.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toString(), "ws")));
    }
    params.setInitializationOptions(initializationOptions);
    InitializeResult result = server.initialize(params).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    server.initialized(new InitializedParams());
    return result;
  }

  public void open(URI uri, String text) {
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri.toString(), "topology", 1, text)));
  }

  /** Replaces a range (0-based lines and UTF-16 characters) at a new version. */
  public void edit(URI uri, int version, int line, int character, int endLine, int endCharacter, String text) {
    TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(
        new Range(new Position(line, character), new Position(endLine, endCharacter)), text);
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri.toString(), version), List.of(change)));
  }

  /** Waits for diagnostics of a document that satisfy a condition. */
  public PublishDiagnosticsParams awaitDiagnostics(URI uri, Predicate<PublishDiagnosticsParams> condition) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      PublishDiagnosticsParams p = client.diagnostics.poll(100, TimeUnit.MILLISECONDS);
      if (p != null && URI.create(p.getUri()).equals(uri) && condition.test(p)) {
        return p;
      }
    }
    throw new AssertionError("no matching diagnostics for " + uri + "; received " + client.allDiagnostics);
  }

  @Override
  public void close() throws IOException {
    if (!exitCode.isDone()) {
      try {
        server.shutdown().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        server.exit();
      } catch (Exception e) {
        // the test already failed, or the server is gone
      }
    }
    clientSide.close();
    serverSide.close();
  }
}
