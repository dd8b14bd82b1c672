package dev.topo.lsp;

import com.google.gson.JsonElement;
import dev.topo.check.Cancellation;
import dev.topo.workspace.TextDocument;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.UnregistrationParams;
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
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The tests' LSP client: a whole topo language server in this JVM, started as the
 * {@code lsp} command starts it ({@link ServerMain}) and connected over a loopback socket,
 * so that every message goes through LSP4J's JSON as an editor's does. It records what the
 * server sends (diagnostics, log messages) and has a method for each step a test takes.
 *
 * <p>Its neighbours do other things: {@link Fixture} calls one feature on a session without
 * the protocol, {@link ServerProcess} writes raw bytes to the real server in a child process,
 * and {@code ClientNotificationsTest} connects a mocked client to the server object.
 */
public final class TestClient implements AutoCloseable {
  /** How long any answer or publication may take before the test fails. */
  public static final Duration TIMEOUT = Duration.ofSeconds(20);

  /**
   * LSP4J logs every closed connection as SEVERE, and a test closing its socket is expected.
   * The logger is held so that the level set on it is not garbage collected with it.
   */
  static final Logger LSP4J_LOG = Logger.getLogger("org.eclipse.lsp4j.jsonrpc");

  static {
    LSP4J_LOG.setLevel(Level.OFF);
  }

  /**
   * The server as this client knows it: the protocol and topo's own requests. LSP4J reads a
   * response by the method's declared result type, so a custom request must be declared
   * here for {@link #request} to get its result.
   */
  interface TopoServer extends LanguageServer {
    @JsonRequest(value = ExplainFeature.METHOD, useSegment = false)
    CompletableFuture<JsonElement> explain(Object params);

    @JsonRequest(value = DiagramFeature.METHOD, useSegment = false)
    CompletableFuture<JsonElement> diagram(Object params);

    @JsonRequest(value = ImportFeature.METHOD, useSegment = false)
    CompletableFuture<JsonElement> importManifests(Object params);
  }

  private final Recorder recorder = new Recorder();
  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
  private final Socket serverSide;
  private final Socket clientSide;
  private final Launcher<TopoServer> launcher;
  private final TopoServer server;

  /**
   * Starts a server. Connected over a socket, not piped streams: Java's pipes tie each end to
   * the thread that last used it and break ("write end dead") under LSP4J's thread pools.
   */
  public TestClient() throws IOException {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      clientSide = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
      serverSide = listener.accept();
    }
    ServerMain.start(serverSide.getInputStream(), serverSide.getOutputStream(), exitCode::complete);
    launcher = new LSPLauncher.Builder<TopoServer>().setLocalService(recorder).setRemoteInterface(TopoServer.class)
        .setInput(clientSide.getInputStream()).setOutput(clientSide.getOutputStream()).create();
    launcher.startListening();
    server = launcher.getRemoteProxy();
  }

  // The session's life.

  /** Initializes a client with no particular capabilities, then sends {@code initialized}. */
  public InitializeResult initialize(URI root) throws Exception {
    return initialize(root, new ClientCapabilities(), null, null);
  }

  public InitializeResult initialize(URI root, ClientCapabilities capabilities) throws Exception {
    return initialize(root, capabilities, null, null);
  }

  /**
   * Initializes with a workspace folder (none if null), capabilities, initialization options
   * (the settings) and the locale of the client's user interface ("ko", "en-US"; null for
   * none), then sends {@code initialized}.
   */
  public InitializeResult initialize(URI root, ClientCapabilities capabilities, Object options, String locale)
      throws Exception {
    InitializeParams params = new InitializeParams();
    params.setCapabilities(capabilities);
    params.setInitializationOptions(options);
    params.setLocale(locale);
    if (root != null) {
      params.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toString(), "ws")));
    }
    InitializeResult result = await(server.initialize(params));
    server.initialized(new InitializedParams());
    return result;
  }

  /** Completes with the server's exit status once the client has sent {@code exit}. */
  public CompletableFuture<Integer> exitCode() {
    return exitCode;
  }

  // Documents.

  public void open(URI uri, String text) {
    documents().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri.toString(), "topology", 1, text)));
  }

  /** Replaces a range (0-based lines and UTF-16 characters) by a text, at a new version. */
  public void edit(URI uri, int version, int line, int character, int endLine, int endCharacter, String text) {
    TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(
        new Range(new Position(line, character), new Position(endLine, endCharacter)), text);
    documents().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri.toString(), version), List.of(change)));
  }

  // Requests: the services' methods, and a wait for their answers.

  public LanguageServer server() {
    return server;
  }

  public TextDocumentService documents() {
    return server.getTextDocumentService();
  }

  public WorkspaceService workspace() {
    return server.getWorkspaceService();
  }

  /** The answer to a request, waited for; a failed request throws its ExecutionException. */
  public <T> T await(CompletableFuture<T> answer) throws Exception {
    return answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  /**
   * Sends a request by its method name, as clients in other languages do (topo's own
   * {@code topology/explain}, say), and returns its result as parsed JSON, or null.
   */
  public Object request(String method, Object params) throws Exception {
    return await(launcher.getRemoteEndpoint().request(method, params));
  }

  // What the server sent.

  /** Waits for the first diagnostics of a document, among all published, at this version. */
  public PublishDiagnosticsParams awaitDiagnostics(URI uri, int version) throws InterruptedException {
    return awaitDiagnostics(uri, p -> p.getVersion() != null && p.getVersion() == version);
  }

  /** Waits for the first diagnostics of a document, among all published, that satisfy a condition. */
  public PublishDiagnosticsParams awaitDiagnostics(URI uri, Predicate<PublishDiagnosticsParams> condition)
      throws InterruptedException {
    return (PublishDiagnosticsParams) recorder.await(
        m -> m instanceof PublishDiagnosticsParams p && URI.create(p.getUri()).equals(uri) && condition.test(p),
        () -> "no matching diagnostics for " + uri + "; received " + recorder.published());
  }

  /** Waits for the first message of a kind (a registration, say), among all received, that satisfies a condition. */
  public <T> T awaitReceived(Class<T> type, Predicate<T> condition) throws InterruptedException {
    return type.cast(recorder.await(m -> type.isInstance(m) && condition.test(type.cast(m)),
        () -> "no matching " + type.getSimpleName() + " received"));
  }

  /** Everything the server has sent unasked so far (diagnostics, logs, messages), as text. */
  public String received() {
    return recorder.all().toString();
  }

  /** Every publication of a document's diagnostics so far, in the order received. */
  public List<PublishDiagnosticsParams> published(URI uri) {
    return recorder.published().stream().filter(p -> URI.create(p.getUri()).equals(uri)).toList();
  }

  /** Every message logged or shown to the user so far. */
  public List<MessageParams> logs() {
    return recorder.logs();
  }

  /** Waits for a message logged or shown to the user (the end of the workspace's indexing, say). */
  public MessageParams awaitLog(Predicate<MessageParams> condition) throws InterruptedException {
    return (MessageParams) recorder.await(m -> m instanceof MessageParams p && condition.test(p),
        () -> "no such message among " + logs());
  }

  /**
   * The diagnostics a new server publishes for one of these texts, all open under a
   * workspace root: what a test that edits through the client must end with.
   */
  public static List<Diagnostic> expectedDiagnostics(URI root, Map<URI, String> texts, URI uri) {
    Session fresh = new Session();
    fresh.setRoots(List.of(root));
    texts.forEach((u, text) -> fresh.documents().open(new TextDocument(u, 1, text)));
    return DiagnosticsFeature.diagnostics(fresh.snapshot(uri, Cancellation.NONE).orElseThrow(), fresh.settings());
  }

  /** Shuts the server down and makes it exit, unless the test did, then disconnects. */
  @Override
  public void close() throws IOException {
    if (!exitCode.isDone()) {
      try {
        await(server.shutdown());
        server.exit();
      } catch (Exception e) {
        // the test already failed, or the server is gone
      }
    }
    clientSide.close();
    serverSide.close();
  }

  /** The client's side: records what the server sends and lets tests wait for it. */
  private static final class Recorder implements LanguageClient {
    /** Diagnostics and messages, in the order received; guarded by this. */
    private final List<Object> received = new ArrayList<>();

    private synchronized void add(Object message) {
      received.add(message);
      notifyAll();
    }

    synchronized List<PublishDiagnosticsParams> published() {
      return received.stream().filter(m -> m instanceof PublishDiagnosticsParams)
          .map(m -> (PublishDiagnosticsParams) m).toList();
    }

    synchronized List<Object> all() {
      return List.copyOf(received);
    }

    synchronized List<MessageParams> logs() {
      return received.stream().filter(m -> m instanceof MessageParams).map(m -> (MessageParams) m).toList();
    }

    /** The first message received, or to come, that satisfies a condition. */
    synchronized Object await(Predicate<Object> condition, Supplier<String> failure) throws InterruptedException {
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      int next = 0;
      while (true) {
        for (; next < received.size(); next++) {
          if (condition.test(received.get(next))) {
            return received.get(next);
          }
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          throw new AssertionError(failure.get());
        }
        wait(left);
      }
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams params) {
      add(params);
    }

    @Override
    public void logMessage(MessageParams params) {
      add(params);
    }

    @Override
    public void showMessage(MessageParams params) {
      add(params);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public CompletableFuture<Void> registerCapability(RegistrationParams params) {
      add(params);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> unregisterCapability(UnregistrationParams params) {
      add(params);
      return CompletableFuture.completedFuture(null);
    }
  }
}
