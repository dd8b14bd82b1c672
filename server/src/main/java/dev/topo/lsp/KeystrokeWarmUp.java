package dev.topo.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokensDeltaParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Types into a design of its own on a private server, so that the JIT has compiled the
 * keystroke path before the user types. Without it the first fifty keystrokes into a
 * 10,000-line design took half as long again as the later ones, C1 compiling the incremental
 * parse, the block re-check, the token delta and each answer as they first ran; with the JVM's
 * defaults twice as long (C2).
 *
 * <p>It calls the private server's document service directly, not through the protocol: the
 * real session's own messages warm the reading and writing of JSON, and a client parsing every
 * answer in the same process, with the JSON between the two, doubled what the warm-up
 * allocated. With the JVM's defaults that garbage went into memory the collector had never
 * touched, on the cores the real keystrokes were using.
 *
 * <p>Each keystroke, and the building of its server before them, waits until the real server
 * has had nothing under way, and no edit and no end of work, for a while ({@link
 * Session#idleFor}), so that the warm-up takes idle time only.
 */
final class KeystrokeWarmUp {
  /** Enough for C1's thresholds on the keystroke path; measured in docs/performance.md. */
  static final int KEYSTROKES = 150;
  /** The sample design typed into, shipped in the jar beside this class. */
  static final String DESIGN = "shop.topo";
  private static final String URI = "untitled:topo-warm-up.topo";
  private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  private static final long TIMEOUT_SECONDS = 10;

  private final BooleanSupplier quiet;
  private final String design;
  /** The diagnostics awaited, by document version. */
  private final Map<Integer, CompletableFuture<Void>> published = new ConcurrentHashMap<>();

  KeystrokeWarmUp(BooleanSupplier quiet, String design) {
    this.quiet = quiet;
    this.design = design;
  }

  /** Warms up beside a real session, typing only while it is idle; false if it could not. */
  static boolean beside(Session session, int keystrokes) {
    return design().map(d -> new KeystrokeWarmUp(() -> session.idleFor(QUIET_NANOS), d).type(keystrokes)).orElse(false);
  }

  /** The shipped sample design that is typed into. */
  static Optional<String> design() {
    try (InputStream in = KeystrokeWarmUp.class.getResourceAsStream(DESIGN)) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Opens the design on a private server, types {@code keystrokes} characters into a comment in
   * its middle with the requests an editor sends after each, then shuts that server down. True
   * when every keystroke was answered; a failure only ends the warm-up.
   */
  boolean type(int keystrokes) {
    TopoLanguageServer server = null;
    try {
      waitForQuiet();
      server = new TopoLanguageServer(code -> { }, Optional.empty(), 0);
      server.connect(new Listener());
      // No initialized: it would start the private server's workspace and warm-up of its own.
      await(server.initialize(initializeParams()));
      typeInto(server.getTextDocumentService(), keystrokes);
      return true;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return false; // a warm-up that fails costs only the speed it would have won
    } finally {
      if (server != null) {
        server.shutdown();
        server.exit();
      }
    }
  }

  private void typeInto(TextDocumentService documents, int keystrokes) throws Exception {
    TextDocumentIdentifier id = new TextDocumentIdentifier(URI);
    published.put(1, new CompletableFuture<>());
    documents.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "topology", 1, design)));
    await(published.get(1));
    String resultId = await(documents.semanticTokensFull(new SemanticTokensParams(id))).getResultId();
    int line = typingLine(design);
    Range everything = new Range(new Position(0, 0), new Position(design.split("\n", -1).length + 1, 0));
    for (int i = 0, version = 2; i <= keystrokes; i++, version++) {
      waitForQuiet();
      Position at = new Position(line, i == 0 ? 0 : i + 2); // after "// " and what was typed
      published.put(version, new CompletableFuture<>());
      documents.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, version),
          List.of(new TextDocumentContentChangeEvent(new Range(at, at), i == 0 ? "// \n" : "x"))));
      var tokens = documents.semanticTokensFullDelta(new SemanticTokensDeltaParams(id, resultId));
      await(CompletableFuture.allOf(tokens, published.get(version),
          documents.documentSymbol(new DocumentSymbolParams(id)),
          documents.foldingRange(new FoldingRangeRequestParams(id)),
          documents.codeLens(new CodeLensParams(id)),
          documents.inlayHint(new InlayHintParams(id, everything)),
          documents.documentLink(new DocumentLinkParams(id))));
      resultId = tokens.get().isLeft() ? tokens.get().getLeft().getResultId() : tokens.get().getRight().getResultId();
      published.remove(version);
    }
  }

  /**
   * The line a comment of its own goes in, where the characters are typed: inside the first
   * host, in the sample a node of its cluster. A keystroke there is the most a keystroke
   * costs, as it costs a user typing into a node: the block is parsed again, everything after
   * it moved, and the cluster checked again ({@code BlockFindings}).
   */
  static int typingLine(String design) {
    int host = design.startsWith("host ") ? 0 : design.indexOf("\nhost ") + 1;
    return (int) design.substring(0, host).chars().filter(c -> c == '\n').count() + 1;
  }

  /** What VS Code says of the answer that costs the most: it takes a nested outline. */
  private static InitializeParams initializeParams() {
    DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
    symbols.setHierarchicalDocumentSymbolSupport(true);
    TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
    text.setDocumentSymbol(symbols);
    InitializeParams params = new InitializeParams();
    params.setCapabilities(new ClientCapabilities(null, text, null));
    return params;
  }

  private void waitForQuiet() throws InterruptedException {
    while (!quiet.getAsBoolean()) {
      Thread.sleep(2);
    }
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /** The private server's client: it only notes which versions' diagnostics came. */
  private final class Listener implements LanguageClient {
    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
      CompletableFuture<Void> awaited = diagnostics.getVersion() == null ? null : published.get(diagnostics.getVersion());
      if (awaited != null) {
        awaited.complete(null);
      }
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void showMessage(MessageParams message) {}

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {}
  }
}
