package dev.topo.lsp;

import com.google.gson.JsonElement;
import dev.topo.check.rules.Rules;
import dev.topo.knowledge.KnowledgeBase;
import dev.topo.model.Limits;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.eclipse.lsp4j.DiagnosticRegistrationOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentPositionParams;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The topo language server: lifecycle, capabilities and the wiring of its services. All
 * analysis happens in the core; this class only connects it to the protocol.
 */
public final class TopoLanguageServer implements LanguageServer, LanguageClientAware {
  /** How long after {@code initialized} the knowledge base is read, unless a request needs it sooner. */
  private static final long KNOWLEDGE_DELAY_MILLIS = 1000;
  private final Session session = new Session();
  private final ExecutorService analysis = Executors.newSingleThreadExecutor(daemon("topo-analysis"));
  private final ExecutorService requestPool = Executors.newFixedThreadPool(2, daemon("topo-request"));
  /** Colours, folds and the outline, which read the parse alone, beside requests that wait for an analysis. */
  private final ExecutorService parsePool = Executors.newFixedThreadPool(2, daemon("topo-parse"));
  /**
   * Diagrams have a thread of their own: a big design's layout takes seconds and runs to its
   * end once started, and a few redraws asked while typing must not hold up hovers and
   * completions on the request threads.
   */
  private final ExecutorService diagramThread = Executors.newSingleThreadExecutor(daemon("topo-diagram"));
  private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(daemon("topo-watchdog"));
  private final IntConsumer exit;
  private final Requests requests = new Requests(session, requestPool, parsePool);
  private final DiagnosticsScheduler scheduler;
  private final TopoTextDocumentService documents;
  private final TopoWorkspaceService workspace;
  /** The client, made on first use ({@link ProtocolLauncher#deferredClient}); null until one is connected. */
  private volatile Supplier<LanguageClient> client = () -> null;
  /** As the client sent them; none before {@code initialize}. */
  private volatile SentCapabilities capabilities = SentCapabilities.of(null);
  private volatile boolean shutdown;
  /** Whether the client pulls diagnostics (then nothing is pushed). */
  private volatile boolean pull;
  private final Optional<String> docs;
  private final int warmUpKeystrokes;
  /** Whether the keystroke warm-up typed every keystroke; false when it was left out or failed. */
  private final CompletableFuture<Boolean> warmedUp = new CompletableFuture<>();

  /** A server whose diagnostics link to no docs. */
  public TopoLanguageServer(IntConsumer exit) {
    this(exit, Optional.empty());
  }

  /**
   * @param exit called with the process's exit status when the client sends {@code exit}
   * @param docs where the docs are published, for diagnostics' links to rule pages; none when empty
   */
  public TopoLanguageServer(IntConsumer exit, Optional<String> docs) {
    this(exit, docs, 0);
  }

  /**
   * @param warmUpKeystrokes how many keystrokes {@code initialized} has typed into a design of
   *     the server's own while it is idle ({@link KeystrokeWarmUp}); none for tests, and for the
   *     warm-up's own server
   */
  TopoLanguageServer(IntConsumer exit, Optional<String> docs, int warmUpKeystrokes) {
    this.exit = exit;
    this.docs = docs;
    this.warmUpKeystrokes = warmUpKeystrokes;
    this.scheduler = new DiagnosticsScheduler(session, analysis, params -> client().publishDiagnostics(params));
    scheduler.onFailure(message -> log(MessageType.Error, message));
    this.documents = new TopoTextDocumentService(session, scheduler, requests, new Requests(session, diagramThread));
    this.workspace = new TopoWorkspaceService(this, session, scheduler, requests);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void connect(LanguageClient client) {
    this.client = () -> client;
  }

  /** Connects a client that is made when first used: LSP4J's proxy of one costs a start about 50 ms of CPU. */
  void connect(Supplier<LanguageClient> client) {
    this.client = client;
  }

  LanguageClient client() {
    return client.get();
  }

  CompletableFuture<Boolean> warmedUp() {
    return warmedUp;
  }

  SentCapabilities capabilities() {
    return capabilities;
  }

  Session session() {
    return session;
  }

  boolean pullsDiagnostics() {
    return pull;
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    SentCapabilities sent = SentCapabilities.of(params.getCapabilities());
    capabilities = sent;
    session.setClientCapabilities(sent);
    session.setRoots(roots(params));
    session.setSettings(Settings.from(params.getInitializationOptions() instanceof JsonElement e ? e : null, params.getLocale())
        .withDocs(docs));
    session.setCommandLinks(HoverFeature.commandLinks(params.getInitializationOptions()));
    pull = sent.has("textDocument", "diagnostic");
    scheduler.setPush(!pull);
    if (pull && sent.isTrue("workspace", "diagnostics", "refreshSupport")) {
      scheduler.onRefresh(() -> client().refreshDiagnostics());
    }
    watchParent(params.getProcessId());
    session.markInitialized();

    ServerCapabilities server = new ServerCapabilities();
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Incremental);
    server.setTextDocumentSync(sync);
    if (pull) {
      server.setDiagnosticProvider(new DiagnosticRegistrationOptions(true, false));
    }
    Features.declare(server, sent.isTrue("textDocument", "rename", "prepareSupport"));
    return CompletableFuture.completedFuture(new InitializeResult(server, new ServerInfo("topo", version())));
  }

  @Override
  public void initialized(InitializedParams params) {
    workspace.start();
    // What initialize was answered without, loaded on a thread of its own: the rules at once,
    // for the first analysis; then, in idle time, the keystroke path compiled by typing into a
    // design of its own; the explanations, for the first hover or completion, a second after
    // the start at the soonest, when the first documents' analyses are usually done (beside
    // one, reading them slowed its diagnostics by about as much as it saved the hover); then
    // the client's capabilities whole, which only later requests read.
    daemon("topo-warm-up").newThread(() -> {
      long started = System.nanoTime();
      Rules.all();
      warmedUp.complete(warmUpKeystrokes > 0 && KeystrokeWarmUp.beside(session, warmUpKeystrokes));
      try {
        Thread.sleep(Math.max(0, KNOWLEDGE_DELAY_MILLIS - (System.nanoTime() - started) / 1_000_000));
        KnowledgeBase.get();
        capabilities.whole(); // what a completion or a rename reads of them
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // nothing to load for a server that stops
      }
    }).start();
  }

  static String version() {
    String v = TopoLanguageServer.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  private static List<URI> roots(InitializeParams params) {
    List<URI> roots = new ArrayList<>();
    if (params.getWorkspaceFolders() != null) {
      for (WorkspaceFolder folder : params.getWorkspaceFolders()) {
        roots.add(Uris.parse(folder.getUri()));
      }
    }
    @SuppressWarnings("deprecation")
    String rootUri = params.getRootUri();
    if (roots.isEmpty() && rootUri != null) {
      roots.add(Uris.parse(rootUri));
    }
    return roots;
  }

  /** The server exits when the editor that started it is gone, as the protocol asks. */
  private void watchParent(Integer processId) {
    if (processId == null) {
      return;
    }
    watchdog.scheduleWithFixedDelay(() -> {
      if (!ProcessHandle.of(processId).map(ProcessHandle::isAlive).orElse(false)) {
        log(MessageType.Error, "the client process " + processId + " is gone; exiting");
        exit.accept(1);
      }
    }, 3, 3, TimeUnit.SECONDS);
  }

  /**
   * Tells the client's log, or standard error before a client is connected. Never both: a
   * client shows what the server writes to standard error too (VS Code's as errors), so each
   * line would appear twice, once mislabelled.
   */
  void log(MessageType type, String message) {
    LanguageClient c = client();
    if (c != null) {
      c.logMessage(new MessageParams(type, message));
    } else {
      System.err.println("[topo] " + message);
    }
  }

  /**
   * A document whose message was too large to read: its only diagnostic says so, and the log
   * too, since the server has none of its text to analyse.
   */
  void refused(RefusedDocument document) {
    log(MessageType.Warning, document.uri() + " was not opened: its message of " + document.bytes()
        + " bytes is over the limit of " + Limits.MAX_MESSAGE_BYTES);
    LanguageClient c = client();
    if (c != null) {
      c.publishDiagnostics(DiagnosticsFeature.refused(document, session.settings().locale(), docs));
    }
  }

  /** Whether the client has asked to shut down: from then on, only {@code exit} is accepted (see ProtocolLauncher). */
  boolean isShutDown() {
    return shutdown;
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdown = true;
    analysis.shutdownNow();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    requestPool.shutdownNow();
    parsePool.shutdownNow();
    diagramThread.shutdownNow();
    watchdog.shutdownNow();
    exit.accept(shutdown ? 0 : 1);
  }

  /**
   * {@code topology/explain}, the VS Code extension's own request. It stands on the server
   * class because LSP4J learns a request's parameter types from this class and from the
   * declared (interface) types of its delegates, where a method of the document service's
   * class would be invisible; the document service answers it.
   */
  @JsonRequest(value = ExplainFeature.METHOD, useSegment = false)
  public CompletableFuture<ExplainFeature.Explanation> explain(ExplainFeature.Params params) {
    if (params != null && params.getEntry() != null) {
      return CompletableFuture.completedFuture(ExplainFeature.entry(session, params.getEntry()));
    }
    return documents.explain(params);
  }

  /** {@code topology/diagram}, the extension's "Show Diagram" (on this class for the same reason as explain). */
  @JsonRequest(value = DiagramFeature.METHOD, useSegment = false)
  public CompletableFuture<DiagramFeature.Answer> diagram(DiagramFeature.Params params) {
    return documents.diagram(params);
  }

  /** {@code topology/import}, the extension's "Import from Kubernetes/Compose" (on this class for the same reason as explain). */
  @JsonRequest(value = ImportFeature.METHOD, useSegment = false)
  public CompletableFuture<ImportFeature.Answer> importManifests(ImportFeature.Params params) {
    return requests.compute(cancel -> ImportFeature.run(session, params, cancel));
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspace;
  }
}
