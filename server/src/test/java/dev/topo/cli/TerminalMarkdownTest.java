package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TerminalMarkdownTest {
  private static String plain(String markdown) {
    return new TerminalMarkdown(Style.PLAIN, 40).render(markdown);
  }

  @Test
  void headingsAreUnderlinedWithoutColour() {
    assertEquals("Title\n=====\n\nA line.\n\nPart\n----\n\nSmall\n", plain("# Title\nA line.\n\n## Part\n### Small"));
  }

  @Test
  void emphasisMarkersGoAndCodeKeepsItsBackticks() {
    assertEquals("a strong and soft `os linux` snake_case\n", plain("a **strong** and *soft* `os linux` snake_case"));
    assertEquals("literal *stars*\n", plain("literal \\*stars\\*"));
  }

  @Test
  void linksShowTheirTextAndAddress() {
    assertEquals("the docs (https://x.dev/a) or\nhttps://y.dev\n", plain("[the docs](https://x.dev/a) or <https://y.dev>"));
  }

  @Test
  void fencedCodeIsIndentedAsWritten() {
    assertEquals("Before:\n\n    host a {\n      os linux\n    }\n", plain("Before:\n```topo\nhost a {\n  os linux\n}\n```"));
  }

  @Test
  void listItemsGetBulletsAndWrapUnderTheirText() {
    assertEquals("  • one\n  • two words that go on and on past the\n    width\n  2. next\n",
        plain("- one\n* two words that go on and on past the width\n2. next"));
  }

  @Test
  void quotesStandBehindABar() {
    assertEquals("a\n\n  │ quoted a > b and more\n\nafter\n", plain("a\n\n> quoted a > b\n> and more\n\nafter"));
  }

  @Test
  void paragraphsJoinTheirLinesAndWrapAtTheWidth() {
    assertEquals("one two three four five six seven eight\nnine\n", plain("one two three four\nfive six seven eight nine"));
  }

  @Test
  void wideCharactersCountTwoColumnsWhenWrapping() {
    String korean = "파드는 컨테이너 묶음입니다 파드는 컨테이너 묶음입니다";
    for (String line : plain(korean).split("\n")) {
      assertTrue(Columns.of(line) <= 40, line + " is " + Columns.of(line) + " columns");
    }
  }

  @Test
  void colourStylesInsteadOfMarkers() {
    String out = new TerminalMarkdown(Style.COLOR, 80).render("# Title\nuse `os linux` **now**");
    assertTrue(out.contains("\u001b[4m\u001b[1mTitle"), out);
    assertTrue(out.contains("\u001b[36mos linux\u001b[0m"), out);
    assertTrue(out.contains("\u001b[1mnow\u001b[0m"), out);
    assertFalse(out.contains("`") || out.contains("**") || out.contains("="), out);
  }
}
