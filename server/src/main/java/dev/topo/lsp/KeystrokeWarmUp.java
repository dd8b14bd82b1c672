package dev.topo.lsp;

import com.google.gson.stream.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Types into a design of its own on a private server, through the same protocol stack, so that
 * the JIT has compiled the keystroke path before the user types. Without it the first fifty
 * keystrokes into a 10,000-line design took half as long again as the later ones, C1 compiling
 * the message reading, the incremental parse, the block re-check, the token delta and the
 * writers of each answer as they first ran; with the JVM's defaults twice as long (C2).
 *
 * <p>Its client is a few lines of JSON written and scanned here, not LSP4J's: only the server's
 * side is worth warming. Each keystroke waits until the real server has had no request, analysis
 * or edit for a while, so that the warm-up takes idle time only.
 */
final class KeystrokeWarmUp {
  /** Enough for C1's thresholds on the keystroke path; measured in docs/performance.md. */
  static final int KEYSTROKES = 150;
  /** The sample design typed into, shipped in the jar beside this class. */
  static final String DESIGN = "shop.topo";
  private static final String URI = "untitled:topo-warm-up.topo";
  private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  private static final long TIMEOUT_SECONDS = 10;
  private static final List<String> REQUESTS = List.of("textDocument/documentSymbol", "textDocument/foldingRange",
      "textDocument/codeLens", "textDocument/documentLink");

  private final BooleanSupplier quiet;
  private final String design;
  /** Answers by request id, and diagnostics by document version, as the private server sends them. */
  private final Map<Integer, CompletableFuture<String>> answers = new ConcurrentHashMap<>();
  private final Map<Integer, CompletableFuture<String>> published = new ConcurrentHashMap<>();
  private int nextId;
  private OutputStream toServer;

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
    LocalPipe in = new LocalPipe();
    LocalPipe out = new LocalPipe();
    toServer = in.out;
    Thread reader = new Thread(() -> read(out.in), "topo-warm-up-reader");
    reader.setDaemon(true);
    try {
      ServerMain.listen(new TopoLanguageServer(code -> { }, Optional.empty(), 0), in.in, out.out, false);
      reader.start();
      waitForQuiet();
      // No initialized: it would start the private server's workspace and warm-up of its own.
      await(request("initialize", "{\"capabilities\":{\"textDocument\":{\"documentSymbol\":"
          + "{\"hierarchicalDocumentSymbolSupport\":true}}}}"));
      typeInto(keystrokes);
      await(request("shutdown", "null"));
      notify("exit", "null");
      return true;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return false; // a warm-up that fails costs only the speed it would have won
    } finally {
      in.end(); // ends the private server's input, and so its listening
      reader.interrupt();
    }
  }

  private void typeInto(int keystrokes) throws Exception {
    String document = "{\"uri\":\"" + URI + "\"}";
    published.put(1, new CompletableFuture<>());
    notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + URI + "\",\"languageId\":\"topology\",\"version\":1,"
        + "\"text\":" + quoted(design) + "}}");
    await(published.get(1));
    String resultId = resultId(await(request("textDocument/semanticTokens/full", "{\"textDocument\":" + document + "}")));
    // A comment line of its own in the middle, where the characters go, as a user types inside a block.
    int line = (int) design.substring(0, design.indexOf('\n', design.length() / 2) + 1).chars()
        .filter(c -> c == '\n').count();
    int lines = design.split("\n", -1).length + 1;
    for (int i = 0, version = 2; i <= keystrokes; i++, version++) {
      waitForQuiet();
      int column = i == 0 ? 0 : i + 2; // after "// " and what was typed
      String at = "{\"line\":" + line + ",\"character\":" + column + "}";
      published.put(version, new CompletableFuture<>());
      notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + URI + "\",\"version\":" + version + "},"
          + "\"contentChanges\":[{\"range\":{\"start\":" + at + ",\"end\":" + at + "},\"text\":"
          + (i == 0 ? "\"// \\n\"" : "\"x\"") + "}]}");
      CompletableFuture<String> tokens = request("textDocument/semanticTokens/full/delta",
          "{\"textDocument\":" + document + ",\"previousResultId\":\"" + resultId + "\"}");
      List<CompletableFuture<String>> all = new ArrayList<>(List.of(tokens, published.get(version),
          request("textDocument/inlayHint", "{\"textDocument\":" + document + ",\"range\":{\"start\":"
              + "{\"line\":0,\"character\":0},\"end\":{\"line\":" + lines + ",\"character\":0}}}")));
      for (String method : REQUESTS) {
        all.add(request(method, "{\"textDocument\":" + document + "}"));
      }
      for (CompletableFuture<String> answer : all) {
        await(answer);
      }
      resultId = resultId(tokens.get());
      published.remove(version);
    }
  }

  private CompletableFuture<String> request(String method, String params) throws IOException {
    int id = ++nextId;
    CompletableFuture<String> answer = new CompletableFuture<>();
    answers.put(id, answer);
    send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
    return answer;
  }

  private void notify(String method, String params) throws IOException {
    send("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + "}");
  }

  private void send(String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream message = new ByteArrayOutputStream(body.length + 32);
    message.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    message.write(body);
    toServer.write(message.toByteArray());
  }

  /** Reads the private server's messages, completing the answer or the diagnostics each is. */
  private void read(InputStream in) {
    try {
      String message;
      while ((message = next(in)) != null) {
        if (message.contains("\"method\":\"textDocument/publishDiagnostics\"")) {
          Integer version = number(message, "\"version\":", message.lastIndexOf("\"version\":")); // its last field
          if (version != null) {
            published.getOrDefault(version, new CompletableFuture<>()).complete(message);
          }
        } else if (!message.contains("\"method\":")) {
          Integer id = number(message, "\"id\":", message.indexOf("\"id\":")); // before the result
          CompletableFuture<String> answer = id == null ? null : answers.remove(id);
          if (answer != null) {
            answer.complete(message);
          }
        }
      }
    } catch (IOException e) {
      // the private server is gone: whoever waits times out
    }
  }

  /** One message's body, or null at the end of the input. */
  private static String next(InputStream in) throws IOException {
    int length = -1;
    StringBuilder header = new StringBuilder();
    while (true) {
      int c = in.read();
      if (c < 0) {
        return null;
      }
      if (c == '\n') {
        String line = header.toString().trim();
        header.setLength(0);
        if (line.isEmpty()) {
          break;
        }
        if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      } else {
        header.append((char) c);
      }
    }
    byte[] body = in.readNBytes(length);
    return body.length < length ? null : new String(body, StandardCharsets.UTF_8);
  }

  /** The number after the key found at {@code at}, or null when the key is not there or no number follows. */
  private static Integer number(String message, String key, int at) {
    if (at < 0) {
      return null;
    }
    int from = at + key.length();
    int to = from;
    while (to < message.length() && Character.isDigit(message.charAt(to))) {
      to++;
    }
    return to == from ? null : Integer.parseInt(message.substring(from, to));
  }

  private static String resultId(String answer) {
    int at = answer.indexOf("\"resultId\":\"");
    return at < 0 ? "" : answer.substring(at + 12, answer.indexOf('"', at + 12));
  }

  private static String quoted(String text) {
    try {
      StringWriter out = new StringWriter();
      new JsonWriter(out).value(text).close();
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void waitForQuiet() throws InterruptedException {
    while (!quiet.getAsBoolean()) {
      Thread.sleep(2);
    }
  }

  private static String await(CompletableFuture<String> future) throws Exception {
    return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }
}
