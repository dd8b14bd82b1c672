package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.topo.Slow;
import dev.topo.model.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The real server on stdio with the extension's default heap, 256 MB, given the heaviest
 * documents the protocol lets through: it publishes a diagnostic that says so for each, its
 * findings capped, tells the log, and goes on answering requests about other documents.
 */
@Slow
class MemoryBudgetServerTest {
  private static final String HUGE = "file:///ws/huge%d.topo";
  private static final String DUPS = "file:///ws/dups.topo";

  private static void open(ServerProcess server, String uri, String text) throws IOException {
    byte[] head = ("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"" + uri
        + "\",\"languageId\":\"topology\",\"version\":1,\"text\":\"").getBytes(StandardCharsets.UTF_8);
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] tail = "\"}}}".getBytes(StandardCharsets.UTF_8);
    server.sendRaw(("Content-Length: " + (head.length + body.length + tail.length) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    server.sendRaw(head);
    server.sendRaw(body);
    server.sendRaw(tail);
  }

  @Test
  void sixtyMegabyteDidOpensEightMegabyteDocumentsAndFourHundredThousandFindingsLeaveTheServerAnswering() throws Exception {
    try (ServerProcess server = new ServerProcess(List.of("-Xmx256m"), Map.of())) {
      server.initialize(null, null);
      long start = System.nanoTime();
      // Over the message cap: skipped unread, and told on the document (its URI comes before its text).
      for (int i = 1; i <= 2; i++) {
        open(server, HUGE.formatted(i), "host a{}".repeat(60 * 1024 * 1024 / 8));
      }
      // Under the cap, over the text limit: opened, and told it is too large.
      for (int i = 3; i <= 4; i++) {
        open(server, HUGE.formatted(i), "host a{}".repeat((Limits.MAX_TEXT_LENGTH + 8) / 8));
      }
      // 199,000 hosts named a: 1 million tokens, just under the limit, two findings a host.
      open(server, DUPS, "host a{}".repeat(199_000));
      open(server, "file:///ws/small.topo", "host small { os linux }");

      // (ServerProcess.response drops the notifications it passes, so the requests come after.)
      List<JsonObject> published = new ArrayList<>();
      List<String> logged = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (System.nanoTime() < deadline && (diagnostics(published, DUPS) == null
          || diagnostics(published, HUGE.formatted(1)) == null || diagnostics(published, HUGE.formatted(2)) == null
          || diagnostics(published, HUGE.formatted(3)) == null || diagnostics(published, HUGE.formatted(4)) == null)) {
        for (JsonObject m : server.drain()) {
          if (m.has("method") && m.get("method").getAsString().equals("textDocument/publishDiagnostics")) {
            published.add(m.getAsJsonObject("params"));
          } else if (m.has("method") && m.get("method").getAsString().equals("window/logMessage")) {
            logged.add(m.getAsJsonObject("params").get("message").getAsString());
          }
        }
        Thread.sleep(100);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      for (int i = 1; i <= 4; i++) {
        var huge = diagnostics(published, HUGE.formatted(i));
        assertTrue(huge != null && huge.size() == 1, "one diagnostic for the document too large to read or analyse: " + huge);
        assertEquals("analysis-limit", huge.get(0).getAsJsonObject().get("code").getAsString());
      }
      var dups = diagnostics(published, DUPS);
      assertTrue(dups != null, "the document with 400,000 findings got its diagnostics");
      assertEquals(Limits.MAX_FINDINGS_PER_FILE + 1, dups.size());
      assertTrue(logged.stream().anyMatch(l -> l.contains("huge3.topo is past a limit of the analysis")), logged.toString());
      assertTrue(logged.stream().anyMatch(l -> l.contains("huge1.topo was not opened")), logged.toString());
      server.request(10, "textDocument/hover", "{\"textDocument\":{\"uri\":\"file:///ws/small.topo\"},"
          + "\"position\":{\"line\":0,\"character\":6}}");
      assertTrue(server.response(10).has("result"), "a hover after the heavy documents is answered");
      server.request(11, "textDocument/documentSymbol", "{\"textDocument\":{\"uri\":\"file:///ws/small.topo\"}}");
      assertTrue(server.response(11).has("result"), "a request after the diagnostics is answered");
      System.err.printf("[budget] server under -Xmx256m: two 60 MB didOpens skipped, two of 8 MB and one of 400,000 findings, all diagnostics"
          + " published in %d ms%n", millis);
    }
  }

  private static com.google.gson.JsonArray diagnostics(List<JsonObject> published, String uri) {
    com.google.gson.JsonArray last = null;
    for (JsonObject p : published) {
      if (p.get("uri").getAsString().equals(uri)) {
        last = p.getAsJsonArray("diagnostics");
      }
    }
    return last;
  }
}
