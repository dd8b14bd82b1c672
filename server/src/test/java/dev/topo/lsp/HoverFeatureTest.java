package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.topo.check.Cancellation;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;

/** The hover on the wire: Markdown, a range in UTF-16 positions, the session's locale (what it says is HoverTest's). */
class HoverFeatureTest {
  static Hover hover(Fixture f) {
    return HoverFeature.hover(f.session(), f.snapshot(), f.position(), Cancellation.NONE);
  }

  static Range r(int line, int character, int endLine, int endCharacter) {
    return new Range(new Position(line, character), new Position(endLine, endCharacter));
  }

  @Test
  void markdownWithTheRangeOfTheWordItExplains() {
    Hover h = hover(Fixture.of("ho|st a { }"));
    assertEquals(MarkupKind.MARKDOWN, h.getContents().getRight().getKind());
    assertTrue(h.getContents().getRight().getValue().startsWith("**Host**\n"));
    assertEquals(r(0, 0, 0, 4), h.getRange());
  }

  @Test
  void theRangeCountsUtf16UnitsAndLines() {
    assertEquals(r(1, 18, 1, 20), hover(Fixture.of("// x\nhost a { /* 🚀 */ o|s linux }")).getRange());
    Fixture f = Fixture.of("import \"lib.topo\"\ncluster k { nodes n|1 }")
        .with("lib.topo", "host n1 { os linux; cpu 8; memory 16GiB; runtime docker }");
    assertEquals(r(1, 18, 1, 20), hover(f).getRange());
  }

  @Test
  void commandLinksOnlyWhereTheClientSaysItRunsTheExplainCommand() {
    assertTrue(HoverFeature.commandLinks(JsonParser.parseString("{\"commandLinks\": [\"topology.explain\"]}")));
    assertFalse(HoverFeature.commandLinks(JsonParser.parseString("{\"commandLinks\": [\"other.command\"]}")));
    assertFalse(HoverFeature.commandLinks(JsonParser.parseString("{\"commandLinks\": \"topology.explain\"}")));
    assertFalse(HoverFeature.commandLinks(null));
    Fixture f = Fixture.of("ho|st a { }");
    assertTrue(hover(f).getContents().getRight().getValue().endsWith("`topo explain host`"));
    f.session().setCommandLinks(true);
    assertTrue(hover(f).getContents().getRight().getValue().endsWith("(command:topology.explain?%5B%7B%22entry%22%3A%22host%22%7D%5D)"));
  }

  @Test
  void inTheSessionsLocale() {
    Fixture korean = Fixture.of("host a {\n  o|s linux\n}").settings(Settings.from(null, "ko-KR"));
    assertTrue(hover(korean).getContents().getRight().getValue().startsWith("**운영체제**"));
  }

  @Test
  void nothingToSayIsNullAndAPositionPastTheEndIsClamped() {
    assertNull(hover(Fixture.of("host a {\n |\n}")));
    Fixture f = Fixture.of("host a { }");
    assertNull(HoverFeature.hover(f.session(), f.snapshot(), new Position(40, 3), Cancellation.NONE));
  }
}
