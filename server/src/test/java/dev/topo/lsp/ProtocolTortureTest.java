package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.topo.Slow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The server on its real stdio transport, fed what a broken or hostile client may send. */
@Slow
class ProtocolTortureTest {
  static int errorCode(JsonObject response) {
    return response.getAsJsonObject("error").get("code").getAsInt();
  }

  @Test
  void requestsBeforeInitializeAreRefusedAndUnknownMethodsAreReported() throws Exception {
    try (ServerProcess server = new ServerProcess()) {
      server.request(7, "textDocument/diagnostic", "{\"textDocument\":{\"uri\":\"file:///x.topo\"}}");
      assertEquals(-32002, errorCode(server.response(7)));
      server.initialize(null, null);
      server.request(8, "topo/noSuchMethod", "{}");
      assertEquals(-32601, errorCode(server.response(8)));
      server.notify("$/noSuchNotification", "{}");
      server.request(9, "shutdown", "null");
      assertTrue(server.response(9).has("result"));
      // After shutdown, every request but exit is an invalid request, shutdown again included.
      server.request(10, "textDocument/diagnostic", "{\"textDocument\":{\"uri\":\"file:///x.topo\"}}");
      assertEquals(-32600, errorCode(server.response(10)));
      server.request(11, "shutdown", "null");
      assertEquals(-32600, errorCode(server.response(11)));
      server.notify("exit", "null");
      assertEquals(0, server.exitCode());
    }
  }

  @Test
  void malformedHeadersAndJsonAreSurvived() throws Exception {
    try (ServerProcess server = new ServerProcess()) {
      server.initialize(null, null);
      server.sendRaw("Garbage without a colon\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      server.send("{\"jsonrpc\":\"2.0\",\"id\":20,\"method\":\"shutdown\",");
      server.sendRaw("Content-Length: 2147483648\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      server.send("[".repeat(100_000) + "]".repeat(100_000));
      server.request(21, "textDocument/diagnostic", "{\"textDocument\":{\"uri\":\"file:///nowhere.topo\"}}");
      JsonObject answer = server.response(21);
      assertTrue(answer.has("result"), answer.toString());
    }
  }

  /** A notification whose length counts characters, not bytes: one short, for its "é". */
  static final String CHARACTERS_COUNTED = "{\"jsonrpc\":\"2.0\",\"method\":\"$/x\",\"params\":{\"text\":\"host é\"}}";

  /** Each malformed frame an honest or a hostile client may send, as the bytes before valid requests. */
  static final Map<String, String> MALFORMED = Map.of(
      "a header block without Content-Length, then a body", "Content-Type: application/json\r\n\r\n{\"jsonrpc\":\"2.0\"}",
      "Content-Length: 2.5", "Content-Length: 2.5\r\n\r\n{\"jsonrpc\":\"2.0\"}",
      "a length that counts characters", "Content-Length: " + CHARACTERS_COUNTED.length() + "\r\n\r\n" + CHARACTERS_COUNTED,
      "a 2 MB header line without a line break", "x".repeat(2 * 1024 * 1024));

  @Test
  void afterAnyMalformedFrameTheNextTwentyRequestsAreAnswered() throws Exception {
    try (ServerProcess server = new ServerProcess(List.of("-Xmx96m"), Map.of())) {
      server.initialize(null, null);
      int id = 100;
      for (Map.Entry<String, String> malformed : MALFORMED.entrySet()) {
        server.sendRaw(malformed.getValue().getBytes(StandardCharsets.UTF_8));
        int first = id;
        for (int i = 0; i < 20; i++, id++) {
          server.request(id, "textDocument/diagnostic", "{\"textDocument\":{\"uri\":\"file:///nowhere.topo\"}}");
        }
        for (int i = first; i < id; i++) {
          assertTrue(server.response(i).has("result"), malformed.getKey() + ": request " + (i - first + 1));
        }
      }
    }
  }

  @Test
  void aMessageOverTheCapIsRefusedWithoutAllocatingIt() throws Exception {
    // With a 96 MB heap, allocating a 200 MB message would be an OutOfMemoryError.
    try (ServerProcess server = new ServerProcess(List.of("-Xmx96m"), Map.of())) {
      server.initialize(null, null);
      int size = 200 * 1024 * 1024;
      server.sendRaw(("Content-Length: " + size + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[1 << 20];
      java.util.Arrays.fill(chunk, (byte) ' ');
      for (int i = 0; i < size / chunk.length; i++) {
        server.sendRaw(chunk);
      }
      server.request(30, "textDocument/diagnostic", "{\"textDocument\":{\"uri\":\"file:///nowhere.topo\"}}");
      assertTrue(server.response(30).has("result"));
    }
  }

  @Test
  void exitWithoutShutdownIsStatusOne() throws Exception {
    try (ServerProcess server = new ServerProcess()) {
      server.initialize(null, null);
      server.notify("exit", "null");
      assertEquals(1, server.exitCode());
    }
  }

  @Test
  void theServerExitsWhenItsClientProcessIsGone() throws Exception {
    Process client = new ProcessBuilder("sleep", "1").start();
    try (ServerProcess server = new ServerProcess()) {
      server.initialize(null, client.pid());
      client.waitFor(5, TimeUnit.SECONDS);
      assertTrue(server.process().waitFor(15, TimeUnit.SECONDS), "the server outlived its client");
    }
  }

  @Test
  void everyCancelledRequestStillGetsAResponse() throws Exception {
    try (ServerProcess server = new ServerProcess()) {
      server.initialize(null, null);
      server.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"file:///t/a.topo\",\"languageId\":\"topology\","
          + "\"version\":1,\"text\":\"host a { os linux }\"}}");
      Random random = new Random(11);
      List<Integer> ids = new ArrayList<>();
      for (int id = 100; id < 1100; id++) {
        server.request(id, "textDocument/diagnostic", "{\"textDocument\":{\"uri\":\"file:///t/a.topo\"}}");
        if (random.nextBoolean()) {
          server.notify("$/cancelRequest", "{\"id\":" + id + "}");
        }
        ids.add(id);
      }
      for (int id : ids) {
        JsonObject response = server.response(id);
        assertTrue(response.has("result") || errorCode(response) == -32800, response.toString());
      }
    }
  }

  @Test
  void aHandlerThatFailsAnswersWithAnErrorAndTheServerGoesOn() throws Exception {
    try (ServerProcess server = new ServerProcess()) {
      server.initialize(null, null);
      server.request(40, "textDocument/diagnostic", "{\"textDocument\":{\"uri\":\"::not a uri::\"}}");
      JsonObject error = server.response(40).getAsJsonObject("error");
      assertTrue(error.get("message").getAsString().startsWith("topo could not answer"), error.toString());
      server.request(41, "textDocument/diagnostic", "{\"textDocument\":{\"uri\":\"file:///nowhere.topo\"}}");
      assertTrue(server.response(41).has("result"));
    }
  }

  @Test
  void editsToUnopenedDocumentsAndVersionGapsAreHarmless() throws Exception {
    try (ServerProcess server = new ServerProcess()) {
      server.initialize(null, null);
      server.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"file:///t/never.topo\",\"version\":5},"
          + "\"contentChanges\":[{\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":0,\"character\":0}},\"text\":\"x\"}]}");
      server.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"file:///t/b.topo\",\"languageId\":\"topology\","
          + "\"version\":1,\"text\":\"host b { }\"}}");
      server.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"file:///t/b.topo\",\"version\":9},"
          + "\"contentChanges\":[{\"range\":{\"start\":{\"line\":99,\"character\":0},\"end\":{\"line\":120,\"character\":4}},"
          + "\"text\":\"\\nhost c { os linux }\"}]}");
      server.request(50, "textDocument/diagnostic", "{\"textDocument\":{\"uri\":\"file:///t/b.topo\"}}");
      JsonObject report = server.response(50).getAsJsonObject("result");
      assertEquals(1, report.getAsJsonArray("items").size(), report.toString()); // host b has no os; c is fine
    }
  }

  @Test
  void withDebugLoggingStdoutIsStillOnlyProtocol() throws Exception {
    try (ServerProcess server = new ServerProcess(List.of(), Map.of("TOPO_LOG", "debug"))) {
      server.initialize("file:///tmp", null);
      server.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"file:///tmp/d.topo\",\"languageId\":\"topology\","
          + "\"version\":1,\"text\":\"host d { }\"}}");
      server.request(60, "textDocument/diagnostic", "{\"textDocument\":{\"uri\":\"file:///tmp/d.topo\"}}");
      server.response(60);
      server.request(61, "shutdown", "null");
      server.response(61);
      server.notify("exit", "null");
      assertEquals(0, server.exitCode());
      server.drain(); // throws if anything on stdout was not a framed message
    }
  }
}
