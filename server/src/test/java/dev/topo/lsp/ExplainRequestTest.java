package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.topo.check.Cancellation;
import java.net.URI;
import java.nio.file.Path;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code topology/explain}, the request behind the VS Code extension's Explain command, on the
 * wire and in the session's locale (what it says is ExplainTest's).
 */
class ExplainRequestTest {
  @TempDir
  Path dir;

  static final String MISMATCH = """
      host win-01 {
        os windows
        runtime docker
        container web { os li|nux; image "web:1.0"; cpu 1; memory 1Gi }
      }
      """;

  static String explain(Fixture f) {
    ExplainFeature.Explanation e = ExplainFeature.explain(f.session(), f.snapshot(), f.position(), Cancellation.NONE);
    return e == null ? null : e.markdown();
  }

  static String explain(String marked) {
    return explain(Fixture.of(marked));
  }

  @Test
  void inTheSessionsLocale() {
    Fixture f = Fixture.of(MISMATCH).settings(Settings.from(null, "ko"));
    assertTrue(explain(f).startsWith("# 컨테이너"), explain(f));
  }

  @Test
  void nothingToExplainIsNullAsIsAPositionPastTheEndOrNone() {
    assertNull(explain("host web-|01 { os linux }"));
    Fixture f = Fixture.of("host a { }");
    assertNull(ExplainFeature.explain(f.session(), f.snapshot(), new Position(99, 99), Cancellation.NONE));
    assertNull(ExplainFeature.explain(f.session(), f.snapshot(), null, Cancellation.NONE));
  }

  @Test
  void overTheProtocolAsTheExtensionSendsIt() throws Exception {
    URI uri = dir.resolve("main.topo").toUri();
    String text = MISMATCH.replace("|", "");
    try (TestClient lsp = new TestClient()) {
      lsp.initialize(dir.toUri(), new ClientCapabilities(), null, "en-US");
      lsp.open(uri, text);
      Object answer = lsp.request(ExplainFeature.METHOD, params(uri, 3, 22));
      assertTrue(answer instanceof JsonObject, String.valueOf(answer));
      String markdown = ((JsonObject) answer).get("markdown").getAsString();
      assertTrue(markdown.startsWith("# Container OS mismatch"), markdown);

      Object keyword = lsp.request(ExplainFeature.METHOD, params(uri, 2, 3));
      assertTrue(((JsonObject) keyword).get("markdown").getAsString().startsWith("# Container runtime"), String.valueOf(keyword));

      Object none = lsp.request(ExplainFeature.METHOD, params(uri, 0, 7));
      assertTrue(none == null || (none instanceof JsonElement e && e.isJsonNull()), String.valueOf(none));

      Object unopened = lsp.request(ExplainFeature.METHOD, params(dir.resolve("nowhere.topo").toUri(), 0, 0))
          ;
      assertTrue(unopened == null || (unopened instanceof JsonElement e && e.isJsonNull()), String.valueOf(unopened));
    }
  }

  @Test
  void aHoverLinkAsksForAnEntryByIdAndNeedsNoDocument() throws Exception {
    try (TestClient lsp = new TestClient()) {
      lsp.initialize(dir.toUri(), new ClientCapabilities(), JsonParser.parseString("{\"locale\": \"ko\"}"), "en-US");
      Object rule = lsp.request(ExplainFeature.METHOD, JsonParser.parseString("{\"entry\": \"overcommit\"}"));
      String markdown = ((JsonObject) rule).get("markdown").getAsString();
      assertEquals(dev.topo.knowledge.KnowledgeBase.get().entry("overcommit", "ko").orElseThrow().markdown(), markdown);
      Object unknown = lsp.request(ExplainFeature.METHOD, JsonParser.parseString("{\"entry\": \"no-such-rule\"}"));
      assertTrue(unknown == null || (unknown instanceof JsonElement e && e.isJsonNull()), String.valueOf(unknown));
    }
  }

  /** The params exactly as the extension's explain.ts builds them. */
  static JsonObject params(URI uri, int line, int character) {
    return JsonParser.parseString("{\"textDocument\": {\"uri\": \"" + uri + "\"}, \"position\": {\"line\": " + line
        + ", \"character\": " + character + "}}").getAsJsonObject();
  }

  @Test
  void theMethodNameIsTheExtensions() {
    assertEquals("topology/explain", ExplainFeature.METHOD);
  }
}
