package dev.topo.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The real server in a child process, on stdio, talked to byte by byte. Its reader insists
 * that everything on stdout is a framed JSON-RPC message: anything else fails the test
 * that reads it.
 */
final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final OutputStream in;
  private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
  private final Thread reader;
  private final Map<Integer, JsonObject> responses = new java.util.HashMap<>();

  ServerProcess(List<String> jvmOptions, Map<String, String> env) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.topo.cli.Main", "lsp"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(env);
    process = builder.start();
    in = process.getOutputStream();
    reader = new Thread(() -> read(process.getInputStream()), "raw-reader");
    reader.setDaemon(true);
    reader.start();
  }

  ServerProcess() throws IOException {
    this(List.of(), Map.of());
  }

  Process process() {
    return process;
  }

  /** Reads framed messages; an unframed byte puts an AssertionError in the queue instead. */
  private void read(InputStream out) {
    try {
      while (true) {
        String header = headerBlock(out);
        if (header == null) {
          return;
        }
        int length = -1;
        for (String line : header.split("\r\n")) {
          if (line.toLowerCase().startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(15).trim());
          } else if (!line.isEmpty() && !line.toLowerCase().startsWith("content-type:")) {
            messages.add(new AssertionError("not a header on stdout: " + line));
            return;
          }
        }
        if (length < 0) {
          messages.add(new AssertionError("no Content-Length on stdout: " + header));
          return;
        }
        byte[] body = out.readNBytes(length);
        messages.add(JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject());
      }
    } catch (IOException | RuntimeException e) {
      messages.add(new AssertionError("unreadable stdout: " + e));
    }
  }

  private static String headerBlock(InputStream out) throws IOException {
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    while (true) {
      int b = out.read();
      if (b < 0) {
        return header.size() == 0 ? null : header.toString(StandardCharsets.US_ASCII);
      }
      header.write(b);
      String s = header.toString(StandardCharsets.US_ASCII);
      if (s.endsWith("\r\n\r\n")) {
        return s;
      }
      if (header.size() > 1000) {
        throw new IOException("a header block over 1000 bytes: " + s.substring(0, 80));
      }
    }
  }

  void sendRaw(byte[] bytes) throws IOException {
    in.write(bytes);
    in.flush();
  }

  void send(String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    sendRaw(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    sendRaw(body);
  }

  void request(int id, String method, String params) throws IOException {
    send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
  }

  void notify(String method, String params) throws IOException {
    send("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + "}");
  }

  /** The response with this id; responses come in any order, so others are kept for later. */
  JsonObject response(int id) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      JsonObject kept = responses.remove(id);
      if (kept != null) {
        return kept;
      }
      Object next = messages.poll(100, TimeUnit.MILLISECONDS);
      if (next instanceof AssertionError e) {
        throw e;
      }
      if (next instanceof JsonObject o && o.has("id") && !o.has("method")) {
        responses.put(o.get("id").getAsInt(), o);
      }
    }
    throw new AssertionError("no response " + id);
  }

  /** Every message received so far (for checks on notifications). */
  List<JsonObject> drain() {
    List<Object> all = new ArrayList<>();
    messages.drainTo(all);
    List<JsonObject> result = new ArrayList<>();
    for (Object o : all) {
      if (o instanceof AssertionError e) {
        throw e;
      }
      result.add((JsonObject) o);
    }
    return result;
  }

  void initialize(String rootUri, Long processId) throws Exception {
    request(1, "initialize", "{\"processId\":" + processId + ",\"rootUri\":" + (rootUri == null ? "null" : "\"" + rootUri + "\"")
        + ",\"capabilities\":{}}");
    JsonElement result = response(1).get("result");
    if (result == null) {
      throw new AssertionError("initialize failed");
    }
    notify("initialized", "{}");
  }

  int exitCode() throws InterruptedException {
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      throw new AssertionError("the server did not exit");
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
