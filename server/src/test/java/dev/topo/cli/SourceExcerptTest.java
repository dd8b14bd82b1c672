package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.check.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceExcerptTest {
  private static String excerpt(String text, int line, int column, int endLine, int endColumn) {
    return SourceExcerpt.of(SourceExcerpt.lines(text), new PrintedSpan("a.topo", line, column, endLine, endColumn),
        Severity.ERROR, Style.PLAIN);
  }

  @Test
  void caretsStandUnderTheSpanWithTheLineNumberInTheGutter() {
    assertEquals(""
        + " 2 |   os linux\n"
        + "   |   ^^^^^^^^\n", excerpt("host a {\n  os linux\n}", 2, 3, 2, 11));
  }

  @Test
  void anEmptySpanGetsOneCaret() {
    assertEquals(" 1 | host a {\n   |         ^\n", excerpt("host a {", 1, 9, 1, 9));
  }

  @Test
  void aSpanOverSeveralLinesShowsItsFirstLineAndDots() {
    assertEquals(" 1 | host a {\n   | ^^^^^^^^...\n", excerpt("host a {\n  os linux\n}", 1, 1, 3, 2));
  }

  @Test
  void tabsBecomeFourSpacesAndTheCaretsFollow() {
    assertEquals(" 1 |         cpu 0\n   |             ^\n", excerpt("\t\tcpu 0", 1, 7, 1, 8));
  }

  @Test
  void wideCharactersTakeTwoColumns() {
    // "이름" is four columns wide; the carets under 'x' must start after them and a space.
    assertEquals(" 1 | \"이름\" x\n   |        ^\n", excerpt("\"이름\" x", 1, 6, 1, 7));
    assertEquals(" 1 | \"이름\" x\n   | ^^^^^^\n", excerpt("\"이름\" x", 1, 1, 1, 5));
  }

  @Test
  void anEmojiOutsideTheBasicPlaneIsOneCharacterOfTwoColumns() {
    assertEquals(" 1 | \"\uD83D\uDE80\" x\n   |      ^\n", excerpt("\"\uD83D\uDE80\" x", 1, 6, 1, 7));
  }

  @Test
  void controlCharactersNeverReachTheTerminal() {
    String out = excerpt("name \u001b[31mred", 1, 1, 1, 5);
    assertFalse(out.contains("\u001b"), out);
    assertTrue(out.contains("\uFFFD[31mred"), out);
  }

  @Test
  void aLongLineIsCutAroundTheSpan() {
    String line = "x".repeat(300) + " target " + "y".repeat(300);
    String out = excerpt(line, 1, 302, 1, 308);
    List<String> lines = out.lines().toList();
    assertTrue(lines.get(0).startsWith(" 1 | ...") && lines.get(0).endsWith("..."), out);
    assertTrue(lines.get(0).contains("target"), out);
    int caret = lines.get(1).indexOf('^');
    assertEquals("target", lines.get(0).substring(caret, caret + 6), "the carets stand under the span: " + out);
    assertTrue(lines.get(0).length() <= " 1 | ".length() + SourceExcerpt.MAX_COLUMNS + 6, out);
  }

  @Test
  void aLineTheTextDoesNotHaveGivesNothing() {
    assertEquals("", excerpt("host a { }", 3, 1, 3, 1));
  }

  @Test
  void linesSplitWhereTheLineMapSplitsThem() {
    assertEquals(List.of("a", "b", "c", ""), SourceExcerpt.lines("a\r\nb\rc\n"));
  }
}
