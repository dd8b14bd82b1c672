package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.topo.check.Cancellation;
import dev.topo.syntax.Formatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Formatting a snapshot: one minimal edit at most, in the editor's indentation, none on syntax errors. */
class FormattingTest {
  static final Formatter.Options TWO_SPACES = Formatter.Options.of(2, true);

  private static String apply(String text, List<Formatter.Edit> edits) {
    assertEquals(true, edits.size() <= 1, "one edit at most");
    return edits.isEmpty() ? text : edits.get(0).applyTo(text);
  }

  private static List<Formatter.Edit> document(String text, Formatter.Options options) {
    return Formatting.document(Marked.of(text).snapshot(), options, Cancellation.NONE);
  }

  @Test
  void formatsTheDocumentWithTheEditorsIndentationInOneSmallEdit() {
    String text = "host a {\nvm v { os linux }\n}\n";
    List<Formatter.Edit> edits = document(text, Formatter.Options.of(4, true));
    assertEquals("host a {\n    vm v {\n        os linux\n    }\n}\n", apply(text, edits));
    assertEquals(text.indexOf("vm"), edits.get(0).start(), "the unchanged first line is not rewritten");
    assertEquals("host a {\n\tvm v {\n\t\tos linux\n\t}\n}\n", apply(text, document(text, Formatter.Options.of(2, false))));
  }

  @Test
  void noEditForAFormattedTextOrOneWithSyntaxErrors() {
    assertEquals(List.of(), document("host a {}\n", TWO_SPACES));
    assertEquals(List.of(), document("host a { cpu four  }", TWO_SPACES));
    assertEquals(List.of(), Formatting.range(Marked.of("host a {   os linux").snapshot(), 0, 30, TWO_SPACES,
        Cancellation.NONE));
  }

  @Test
  void rangeFormattingChangesOnlyTheStatementsInTheRange() {
    Marked marked = Marked.of("host a {\n      os linux\n  cpu    4\n}\n");
    int cpu = marked.offsetOf("cpu");
    List<Formatter.Edit> edits = Formatting.range(marked.snapshot(), cpu, cpu + 1, TWO_SPACES, Cancellation.NONE);
    assertEquals("host a {\n      os linux\n  cpu 4\n}\n", apply(marked.text(), edits));
    assertEquals(edits, Formatting.range(marked.snapshot(), cpu + 1, cpu, TWO_SPACES, Cancellation.NONE), "either order");
  }
}
