package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.topo.check.Cancellation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expand selection: word, statement, enclosing blocks, file. */
class SelectionTest {
  /** The text of each step, innermost first. */
  private static List<String> steps(String marked) {
    Marked m = Marked.of(marked);
    return steps(m, m.offset());
  }

  private static List<String> steps(Marked m, int offset) {
    return Selection.at(m.snapshot(), offset, Cancellation.NONE).stream()
        .map(s -> m.text().substring(s.start(), s.end())).toList();
  }

  @Test
  void wordStatementBlocksFile() {
    String text = """
        host a {
          container c {
            os li|nux; cpu 1
          }
        }
        """;
    String plain = text.replace("|", "");
    assertEquals(List.of(
        "linux",
        "os linux;",
        "container c {\n    os linux; cpu 1\n  }",
        plain.strip(),
        plain), steps(text));
  }

  @Test
  void aCursorJustAfterAWordOrBeforeACommaSelectsTheWord() {
    assertEquals("web", steps("cluster k { nodes web|, db }").get(0));
    assertEquals("db", steps("cluster k { nodes web, db| }").get(0));
    assertEquals(",", steps("cluster k { nodes web,| db }").get(0), "after a comma and before a space, the comma");
  }

  @Test
  void whiteSpaceAndCommentsStartFromTheEnclosingBlock() {
    assertEquals(List.of("host a {\n  \n}", "host a {\n  \n}\n"), steps("host a {\n | \n}\n"));
    assertEquals(List.of("// note", "host a { // note\n}"), steps("host a { // no|te\n}"));
  }

  @Test
  void anOffsetPastTheEndOrInBrokenTextStillEndsWithTheWholeText() {
    Marked broken = Marked.of("host a {\n  os");
    assertEquals(List.of("a", "host a {\n  os"), steps(broken, 5));
    assertEquals(List.of("os", "host a {\n  os"), steps(broken, 400), "past the end is the end");
    assertEquals(List.of("host", "host a {\n  os"), steps(broken, -3), "before the start is the start");
    assertEquals(List.of(""), steps(Marked.of(""), 0));
  }
}
