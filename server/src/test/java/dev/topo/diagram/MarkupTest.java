package dev.topo.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkupTest {
  @ParameterizedTest
  @CsvSource({"12, 12", "12.0, 12", "12.25, 12.3", "12.04, 12", "0.05, 0.1", "-0.04, 0", "-0.3, -0.3",
      "-12.96, -13", "10000000, 10000000", "1e-9, 0"})
  void numbersHaveAtMostOneDecimalAndNoneWhenWhole(double value, String written) {
    assertEquals(written, Markup.number(value));
  }

  @Test
  void textIsEscapedForElementsAndAttributesAndWhatXmlForbidsIsReplaced() {
    assertEquals("a&lt;b&gt;&amp;c", Markup.escape("a<b>&c"));
    assertEquals("say &quot;hi&quot; it&apos;s", Markup.escape("say \"hi\" it's"));
    assertEquals("two&#10;lines&#9;and&#13;", Markup.escape("two\nlines\tand\r"));
    assertEquals("bell\uFFFD lone\uFFFD\uFFFD pair\uD83D\uDE00", Markup.escape("bell\u0007 lone\uDC00\uD800 pair\uD83D\uDE00"));
  }
}
