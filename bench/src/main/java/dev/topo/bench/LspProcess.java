package dev.topo.bench;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/** A {@code topo.jar lsp} child process and an LSP4J client that times what it answers. */
final class LspProcess implements AutoCloseable {
  /** Extra JVM options for the server, from {@code -Dtopo.serverArgs="..."} (space-separated). */
  static final List<String> SERVER_ARGS = System.getProperty("topo.serverArgs", "").isBlank() ? List.of()
      : List.of(System.getProperty("topo.serverArgs").trim().split("\\s+"));

  private final Process process;
  private final TopoServer server;

  /** The server with its own requests, so that the client knows what their answers are. */
  interface TopoServer extends LanguageServer {
    @JsonRequest(value = "topology/diagram", useSegment = false)
    CompletableFuture<JsonObject> diagram(Map<String, String> params);
  }
  private final Path root;
  private final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
  private final long spawned;
  private InitializeResult initialized;
  private int version = 1;

  private LspProcess(Path jar, Path root) throws IOException {
    this.root = root;
    spawned = System.nanoTime();
    List<String> command = new ArrayList<>(List.of("java", "-Xlog:disable", "-Xlog:all=warning:stderr"));
    command.addAll(SERVER_ARGS);
    command.addAll(List.of("-jar", jar.toString(), "lsp"));
    process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    LanguageClient client = new QuietClient(diagnostics::add);
    Launcher<TopoServer> launcher = new LSPLauncher.Builder<TopoServer>().setLocalService(client)
        .setRemoteInterface(TopoServer.class).setInput(process.getInputStream()).setOutput(process.getOutputStream()).create();
    launcher.startListening();
    server = launcher.getRemoteProxy();
  }

  static LspProcess start(Path jar, Path root) throws IOException {
    return new LspProcess(jar, root);
  }

  /** Milliseconds from spawning the process to the answer to initialize. */
  long initializeMillis() throws Exception {
    InitializeParams params = new InitializeParams();
    params.setProcessId((int) ProcessHandle.current().pid());
    params.setCapabilities(new ClientCapabilities());
    params.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "bench")));
    initialized = server.initialize(params).get(60, TimeUnit.SECONDS);
    long millis = (System.nanoTime() - spawned) / 1_000_000;
    server.initialized(new InitializedParams());
    return millis;
  }

  boolean hasHover() {
    return initialized.getCapabilities().getHoverProvider() != null;
  }

  boolean hasCompletion() {
    return initialized.getCapabilities().getCompletionProvider() != null;
  }

  long openAndWait(Path file, String text) throws InterruptedException {
    long t0 = System.nanoTime();
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
        new TextDocumentItem(file.toUri().toString(), "topology", version, text)));
    await(file, version);
    return (System.nanoTime() - t0) / 1_000_000;
  }

  /**
   * Types one character at a time into a comment line opened inside a block in the middle of
   * the file, as someone annotating a design would; times each to fresh diagnostics.
   */
  List<Long> typeAndWait(Path file, String text, int edits) throws InterruptedException {
    int line = openCommentLine(file, text);
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < edits; i++) {
      long t0 = System.nanoTime();
      server.getTextDocumentService().didChange(change(file, line, 7 + i, "x"));
      await(file, version);
      times.add((System.nanoTime() - t0) / 1_000_000);
    }
    return times;
  }

  /** Opens an empty comment line inside a block in the middle of the file, where the typing goes; its line. */
  private int openCommentLine(Path file, String text) throws InterruptedException {
    int at = text.indexOf("    os linux", text.length() / 2);
    int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
    server.getTextDocumentService().didChange(change(file, line, 0, "    // \n"));
    await(file, version);
    return line;
  }

  private DidChangeTextDocumentParams change(Path file, int line, int character, String insert) {
    version++;
    Position at = new Position(line, character);
    return new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(file.toUri().toString(), version),
        List.of(new TextDocumentContentChangeEvent(new Range(at, at), insert)));
  }

  private void await(Path file, int v) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      PublishDiagnosticsParams p = diagnostics.poll(100, TimeUnit.MILLISECONDS);
      if (p != null && p.getUri().equals(file.toUri().toString()) && p.getVersion() != null && p.getVersion() == v) {
        return;
      }
    }
    throw new IllegalStateException("no diagnostics for version " + v);
  }

  /** Each edit's time to fresh diagnostics, then from them to the diagram answered, and the two together. */
  record DrawTimes(List<Long> diagnostics, List<Long> diagram, List<Long> total) {}

  /**
   * Types as {@link #typeAndWait} does and, once each edit's diagnostics are in, asks for the
   * diagram of the file as the webview does after an edit.
   */
  DrawTimes typeAndDraw(Path file, String text, int edits) throws Exception {
    int line = openCommentLine(file, text);
    diagram(file);
    DrawTimes times = new DrawTimes(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < edits; i++) {
      long t0 = System.nanoTime();
      server.getTextDocumentService().didChange(change(file, line, 7 + i, "x"));
      await(file, version);
      long t1 = System.nanoTime();
      diagram(file);
      long t2 = System.nanoTime();
      times.diagnostics().add((t1 - t0) / 1_000_000);
      times.diagram().add((t2 - t1) / 1_000_000);
      times.total().add((t2 - t0) / 1_000_000);
    }
    return times;
  }

  /** The diagram of a file, as {@code topology/diagram} answers it; its SVG's length (checked, so that an empty answer cannot pass for a fast one). */
  int diagram(Path file) throws Exception {
    JsonObject answer = server.diagram(Map.of("uri", file.toUri().toString())).get(60, TimeUnit.SECONDS);
    String svg = answer.get("svg").getAsString();
    if (!svg.contains("topo-box")) {
      throw new IllegalStateException("the diagram has no box");
    }
    return svg.length();
  }

  /** Hover on a host name in the middle of the file. */
  List<Long> hovers(Path file, String text, int count) throws Exception {
    Position at = positionOf(text, text.indexOf("host host-", text.length() / 2) + 6);
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long t0 = System.nanoTime();
      server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(file.toUri().toString()), at))
          .get(30, TimeUnit.SECONDS);
      times.add((System.nanoTime() - t0) / 1_000_000);
    }
    return times;
  }

  /** Completion at the start of a statement inside a container in the middle of the file. */
  List<Long> completions(Path file, String text, int count) throws Exception {
    int container = text.indexOf("container ", text.length() / 2);
    Position at = positionOf(text, text.indexOf('\n', container) + 1);
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long t0 = System.nanoTime();
      server.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(file.toUri().toString()), at))
          .get(30, TimeUnit.SECONDS);
      times.add((System.nanoTime() - t0) / 1_000_000);
    }
    return times;
  }

  private static Position positionOf(String text, int offset) {
    int line = 0;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Position(line, offset - lineStart);
  }

  /** Heap after a full GC (jcmd) and resident set size (/proc), in MB. */
  String memory() throws Exception {
    long pid = process.pid();
    Process gc = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.run").redirectErrorStream(true).start();
    gc.waitFor(30, TimeUnit.SECONDS);
    Process info = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
    String heap = new String(info.getInputStream().readAllBytes());
    info.waitFor(30, TimeUnit.SECONDS);
    // G1 prints one heap line, the serial collector one per generation; Metaspace is not heap.
    long usedKb = heap.lines().filter(l -> l.matches(".*(heap|generation).*used \\d+K.*"))
        .mapToLong(l -> Long.parseLong(l.replaceAll(".*used (\\d+)K.*", "$1"))).sum();
    return usedKb / 1024 + " MB heap / " + ServerProcesses.rssMegabytes(pid) + " MB RSS";
  }

  @Override
  public void close() throws Exception {
    ServerProcesses.stop(server, process);
  }
}
