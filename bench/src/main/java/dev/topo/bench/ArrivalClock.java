package dev.topo.bench;

import dev.topo.tools.LocalPipe;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When each message of a server reaches the client, before the client reads it: a thread
 * takes the server's output as it comes, notes the moment each response (by id) and each
 * {@code publishDiagnostics} (by version) is whole, and hands the bytes on to LSP4J, whose one
 * reader thread then parses them in turn. LSP4J's parse of a large answer (the outline of a
 * 36,000-line design is 1.6 MB of JSON, read into typed objects by reflection) delays every
 * answer after it; VS Code parses in V8 at a fraction of that, so the moment of arrival is the
 * server's share of a round. The ids of the client's own requests are noted as they are written.
 */
final class ArrivalClock {
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"?(\\d+)");
  private static final Pattern METHOD = Pattern.compile("\"method\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

  /** The moment each response arrived, by its id. */
  private final Map<String, Long> responses = new ConcurrentHashMap<>();
  /** The moment the diagnostics of each version arrived. */
  private final Map<Integer, Long> diagnostics = new ConcurrentHashMap<>();
  /** The id of the last request of each method the client wrote. */
  private final Map<String, String> lastRequest = new ConcurrentHashMap<>();
  private final LocalPipe received = new LocalPipe();

  /** Starts taking the server's output at once. */
  ArrivalClock(InputStream fromServer) {
    Thread pump = new Thread(() -> pump(fromServer), "arrival-clock");
    pump.setDaemon(true);
    pump.start();
  }

  /** The server's output, for LSP4J to read at its own pace. */
  InputStream forClient() {
    return received.in;
  }

  /** The client's output to the server, noting the id of each request as it goes. */
  OutputStream fromClient(OutputStream toServer) {
    return new OutputStream() {
      private final ByteArrayOutputStream message = new ByteArrayOutputStream();

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        // LSP4J writes each message's header and body in one go, then flushes.
        message.write(bytes, offset, length);
        toServer.write(bytes, offset, length);
      }

      @Override
      public void flush() throws IOException {
        String text = message.toString(StandardCharsets.UTF_8);
        message.reset();
        int body = text.indexOf("\r\n\r\n");
        String head = text.substring(Math.max(0, body), Math.min(text.length(), body + 200));
        Matcher id = ID.matcher(head);
        Matcher method = METHOD.matcher(head);
        if (id.find() && method.find()) {
          lastRequest.put(method.group(1), id.group(1));
        }
        toServer.flush();
      }

      @Override
      public void close() throws IOException {
        toServer.close();
      }
    };
  }

  /** When the answer to the last request of a method arrived, in nanoseconds; null if it has not. */
  Long answered(String method) {
    String id = lastRequest.get(method);
    return id == null ? null : responses.get(id);
  }

  /** When the diagnostics of a version arrived, in nanoseconds; null if they have not. */
  Long diagnosed(int version) {
    return diagnostics.get(version);
  }

  private void pump(InputStream in) {
    try {
      while (true) {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        int length = -1;
        String line;
        while (!(line = line(in, header)).isEmpty()) {
          if (line.toLowerCase().startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(15).trim());
          }
        }
        byte[] body = in.readNBytes(length);
        long now = System.nanoTime();
        note(new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8), body, now);
        byte[] whole = new byte[header.size() + body.length];
        System.arraycopy(header.toByteArray(), 0, whole, 0, header.size());
        System.arraycopy(body, 0, whole, header.size(), body.length);
        received.out.write(whole);
      }
    } catch (IOException | RuntimeException e) {
      received.end();
    }
  }

  private void note(String head, byte[] body, long now) {
    Matcher method = METHOD.matcher(head);
    if (!method.find()) {
      Matcher id = ID.matcher(head);
      if (id.find()) {
        responses.put(id.group(1), now);
      }
    } else if (method.group(1).equals("textDocument/publishDiagnostics")) {
      // The params' own version comes after the diagnostics, whose data may say "version" too.
      Matcher version = VERSION.matcher(new String(body, StandardCharsets.UTF_8));
      String last = null;
      while (version.find()) {
        last = version.group(1);
      }
      if (last != null) {
        diagnostics.putIfAbsent(Integer.parseInt(last), now);
      }
    }
  }

  /** One header line, its bytes kept; empty at the blank line that ends the header. */
  private static String line(InputStream in, ByteArrayOutputStream header) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != '\n') {
      if (c < 0) {
        throw new IOException("the server closed its output");
      }
      header.write(c);
      if (c != '\r') {
        line.append((char) c);
      }
    }
    header.write('\n');
    return line.toString();
  }
}
