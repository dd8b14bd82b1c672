package dev.topo.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeLensCapabilities;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentLinkCapabilities;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeCapabilities;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.InlayHintCapabilities;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsCapabilities;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensCapabilities;
import org.eclipse.lsp4j.SemanticTokensClientCapabilitiesRequests;
import org.eclipse.lsp4j.SemanticTokensDeltaParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Any language server over stdio, driven as VS Code drives it after each keystroke: the
 * change, then the requests the editor sends for the new version (semantic tokens, as a delta
 * once it has a result id, document symbols, folding ranges, code lenses, inlay hints for the
 * visible lines, document links), each sent only if the server offers it, and the pushed
 * diagnostics; a round ends when all have answered.
 */
final class RoundClient implements AutoCloseable {
  /** The requests of a round, in the order VS Code sends them; diagnostics are pushed, not asked. */
  static final List<String> REQUESTS = List.of("diagnostics", "semanticTokens", "documentSymbol", "foldingRange",
      "codeLens", "inlayHint", "documentLink");

  /** The protocol's method of each request of a round. */
  private static final Map<String, List<String>> METHODS = Map.of(
      "semanticTokens", List.of("textDocument/semanticTokens/full/delta", "textDocument/semanticTokens/full"),
      "documentSymbol", List.of("textDocument/documentSymbol"), "foldingRange", List.of("textDocument/foldingRange"),
      "codeLens", List.of("textDocument/codeLens"), "inlayHint", List.of("textDocument/inlayHint"),
      "documentLink", List.of("textDocument/documentLink"));

  private final Process process;
  private final ArrivalClock clock;
  private final LanguageServer server;
  /** Diagnostics as they came, with the moment each came. */
  private final BlockingQueue<Arrival> diagnostics = new LinkedBlockingQueue<>();

  private record Arrival(PublishDiagnosticsParams params, long at) {}
  private ServerCapabilities capabilities;
  private String uri;
  private int version = 1;
  private String tokensResultId;

  RoundClient(List<String> command, Path root) throws Exception {
    process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    clock = new ArrivalClock(process.getInputStream());
    Launcher<LanguageServer> launcher = new LSPLauncher.Builder<LanguageServer>()
        .setLocalService(new QuietClient(params -> diagnostics.add(new Arrival(params, System.nanoTime()))))
        .setRemoteInterface(LanguageServer.class).setInput(clock.forClient())
        .setOutput(clock.fromClient(process.getOutputStream())).setExecutorService(Executors.newCachedThreadPool(runnable -> {
          Thread thread = new Thread(runnable, "round-client");
          thread.setDaemon(true); // so that the benchmark ends when its main does
          return thread;
        })).create();
    launcher.startListening();
    server = launcher.getRemoteProxy();
    InitializeParams params = new InitializeParams();
    params.setProcessId((int) ProcessHandle.current().pid());
    params.setCapabilities(capabilities());
    params.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "bench")));
    InitializeResult result = server.initialize(params).get(60, TimeUnit.SECONDS);
    capabilities = result.getCapabilities();
    server.initialized(new InitializedParams());
  }

  /** What VS Code says it supports, for the requests of a round. */
  private static ClientCapabilities capabilities() {
    TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
    SemanticTokensClientCapabilitiesRequests requests = new SemanticTokensClientCapabilitiesRequests(true);
    requests.setFull(Either.forRight(new org.eclipse.lsp4j.SemanticTokensClientCapabilitiesRequestsFull(true)));
    text.setSemanticTokens(new SemanticTokensCapabilities(requests, List.of(), List.of(), List.of("relative")));
    DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
    symbols.setHierarchicalDocumentSymbolSupport(true);
    text.setDocumentSymbol(symbols);
    text.setFoldingRange(new FoldingRangeCapabilities());
    text.setCodeLens(new CodeLensCapabilities());
    text.setInlayHint(new InlayHintCapabilities());
    text.setDocumentLink(new DocumentLinkCapabilities());
    PublishDiagnosticsCapabilities publish = new PublishDiagnosticsCapabilities();
    publish.setVersionSupport(true);
    text.setPublishDiagnostics(publish);
    ClientCapabilities capabilities = new ClientCapabilities();
    capabilities.setTextDocument(text);
    return capabilities;
  }

  /** Opens a document and waits for its first diagnostics and one full round; milliseconds to the diagnostics. */
  long open(Path file, String languageId, String text) throws Exception {
    uri = file.toUri().toString();
    long t0 = System.nanoTime();
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, languageId, version, text)));
    awaitDiagnostics(version);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    requests(new Position(0, 0)).values().forEach(CompletableFuture::join);
    return millis;
  }

  /**
   * One keystroke: inserts {@code character} at {@code at}, then sends the round's requests
   * at once and waits for them all and the version's diagnostics. Each request's milliseconds
   * from the change, and the round's under "round".
   */
  Map<String, Long> keystroke(Position at, String character) throws Exception {
    version++;
    long t0 = System.nanoTime();
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(new Range(at, at), character))));
    Map<String, CompletableFuture<?>> pending = requests(at);
    Map<String, Long> times = new LinkedHashMap<>();
    for (Map.Entry<String, CompletableFuture<?>> request : pending.entrySet()) {
      request.getValue().get(60, TimeUnit.SECONDS);
    }
    long diagnosticsAt = awaitDiagnostics(version);
    times.put("diagnostics", (diagnosticsAt - t0) / 1_000_000);
    long end = diagnosticsAt;
    for (Map.Entry<String, CompletableFuture<?>> request : pending.entrySet()) {
      long answered = ((Timed<?>) request.getValue()).answeredAt;
      times.put(request.getKey(), (answered - t0) / 1_000_000);
      end = Math.max(end, answered);
    }
    times.put("round", (end - t0) / 1_000_000);
    times.put("arrival", (arrivedBy(pending.keySet(), diagnosticsAt) - t0) / 1_000_000);
    return times;
  }

  /**
   * When the last answer of a round reached the client, before LSP4J read it ({@link
   * ArrivalClock}); the diagnostics as LSP4J saw them when the server gives them no version.
   */
  private long arrivedBy(Iterable<String> requests, long diagnosticsSeen) {
    Long diagnosed = clock.diagnosed(version);
    long last = diagnosed == null ? diagnosticsSeen : diagnosed;
    for (String request : requests) {
      long answered = METHODS.get(request).stream().map(clock::answered).filter(java.util.Objects::nonNull)
          .mapToLong(Long::longValue).max().orElseThrow();
      last = Math.max(last, answered);
    }
    return last;
  }

  /** The round's requests, sent now, each completing with the moment it was answered. */
  private Map<String, CompletableFuture<?>> requests(Position at) {
    TextDocumentService docs = server.getTextDocumentService();
    TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
    Map<String, CompletableFuture<?>> pending = new LinkedHashMap<>();
    if (capabilities.getSemanticTokensProvider() != null) {
      boolean delta = tokensResultId != null && capabilities.getSemanticTokensProvider().getFull() != null
          && capabilities.getSemanticTokensProvider().getFull().isRight()
          && Boolean.TRUE.equals(capabilities.getSemanticTokensProvider().getFull().getRight().getDelta());
      CompletableFuture<String> resultId = delta
          ? docs.semanticTokensFullDelta(new SemanticTokensDeltaParams(id, tokensResultId))
              .thenApply(r -> r.isLeft() ? r.getLeft().getResultId() : r.getRight().getResultId())
          : docs.semanticTokensFull(new SemanticTokensParams(id)).thenApply(SemanticTokens::getResultId);
      pending.put("semanticTokens", timed(resultId.thenApply(r -> tokensResultId = r)));
    }
    if (offered(capabilities.getDocumentSymbolProvider())) {
      pending.put("documentSymbol", timed(docs.documentSymbol(new DocumentSymbolParams(id))));
    }
    if (offered(capabilities.getFoldingRangeProvider())) {
      pending.put("foldingRange", timed(docs.foldingRange(new FoldingRangeRequestParams(id))));
    }
    if (capabilities.getCodeLensProvider() != null) {
      pending.put("codeLens", timed(docs.codeLens(new CodeLensParams(id))));
    }
    if (offered(capabilities.getInlayHintProvider())) {
      // The visible lines: about a screen around the cursor.
      Range visible = new Range(new Position(Math.max(0, at.getLine() - 30), 0), new Position(at.getLine() + 30, 0));
      pending.put("inlayHint", timed(docs.inlayHint(new InlayHintParams(id, visible))));
    }
    if (capabilities.getDocumentLinkProvider() != null) {
      pending.put("documentLink", timed(docs.documentLink(new DocumentLinkParams(id))));
    }
    return pending;
  }

  private static boolean offered(Either<Boolean, ?> provider) {
    return provider != null && (provider.isRight() || Boolean.TRUE.equals(provider.getLeft()));
  }

  /** A request's answer, with the moment it came. */
  private static final class Timed<T> extends CompletableFuture<T> {
    volatile long answeredAt;
  }

  private static <T> CompletableFuture<T> timed(CompletableFuture<T> request) {
    Timed<T> timed = new Timed<>();
    request.whenComplete((value, error) -> {
      timed.answeredAt = System.nanoTime();
      if (error != null) {
        timed.completeExceptionally(error);
      } else {
        timed.complete(value);
      }
    });
    return timed;
  }

  /**
   * Waits for the diagnostics of a version: the server's own version when it sends one, else
   * the first published after the change (a server that validates every change in order).
   * The moment they came.
   */
  private long awaitDiagnostics(int v) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Arrival a = diagnostics.poll(100, TimeUnit.MILLISECONDS);
      PublishDiagnosticsParams p = a == null ? null : a.params();
      if (p != null && p.getUri().equals(uri) && (p.getVersion() == null || p.getVersion() == v)) {
        return a.at();
      }
    }
    throw new IllegalStateException("no diagnostics for version " + v);
  }

  /** CPU time the server process has used so far, in milliseconds. */
  long cpuMillis() throws IOException {
    return ServerProcesses.cpuMillis(process.pid());
  }

  /** Resident set size of the server process, in MB. */
  long rssMegabytes() throws IOException {
    return ServerProcesses.rssMegabytes(process.pid());
  }

  @Override
  public void close() throws Exception {
    ServerProcesses.stop(server, process);
  }
}
