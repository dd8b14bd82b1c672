package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.topo.check.Cancellation;
import java.util.List;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;

/** Formatting through the protocol's types: one minimal edit, the editor's indentation, none on errors. */
class FormattingFeatureTest {
  private static String apply(String text, List<TextEdit> edits) {
    var lines = dev.topo.model.LineMap.of(text);
    String result = text;
    assertEquals(true, edits.size() <= 1, "one edit at most");
    for (TextEdit edit : edits) {
      int start = lines.offset(edit.getRange().getStart().getLine(), edit.getRange().getStart().getCharacter());
      int end = lines.offset(edit.getRange().getEnd().getLine(), edit.getRange().getEnd().getCharacter());
      result = result.substring(0, start) + edit.getNewText() + result.substring(end);
    }
    return result;
  }

  @Test
  void formatsTheDocumentWithTheEditorsIndentationInOneSmallEdit() {
    String text = "host a {\nvm v { os linux }\n}\n";
    Fixture fixture = Fixture.of(text);
    List<TextEdit> edits = FormattingFeature.document(fixture.snapshot(), new FormattingOptions(4, true), Cancellation.NONE);
    assertEquals("host a {\n    vm v {\n        os linux\n    }\n}\n", apply(text, edits));
    assertEquals(new Position(1, 0), edits.get(0).getRange().getStart(), "the unchanged first line is not rewritten");

    List<TextEdit> tabs = FormattingFeature.document(fixture.snapshot(), new FormattingOptions(2, false), Cancellation.NONE);
    assertEquals("host a {\n\tvm v {\n\t\tos linux\n\t}\n}\n", apply(text, tabs));
  }

  @Test
  void rangeFormattingChangesOnlyTheStatementsInTheRange() {
    String text = "host a {\n      os linux\n  cpu    4\n}\n";
    Fixture fixture = Fixture.of(text);
    List<TextEdit> edits = FormattingFeature.range(fixture.snapshot(), new Range(new Position(2, 0), new Position(2, 3)),
        new FormattingOptions(2, true), Cancellation.NONE);
    assertEquals("host a {\n      os linux\n  cpu 4\n}\n", apply(text, edits));
  }

  /**
   * Found with IncrementalSyncTest's client model: with mixed line ends, the minimal edit
   * began or ended between a "\r" and its "\n", a position that clients clamp to the end of
   * the line's text, so the edit lost a line end or the indentation.
   */
  @Test
  void withMixedLineEndsNoEditPointsInsideALineEnd() {
    for (String text : List.of("host a {\n  os linux\r\n}\n", "host a {\n   os linux\r\n}\n", "host a {\r\n  os linux\n}\r\n",
        "host a {\r\nos linux\r\n}\n")) {
      List<TextEdit> edits = FormattingFeature.document(Fixture.of(text).snapshot(), new FormattingOptions(2, true),
          Cancellation.NONE);
      String expected = dev.topo.syntax.Formatter.formatDocument(text, dev.topo.syntax.Formatter.Options.DEFAULT)
          .map(e -> text.substring(0, e.start()) + e.text() + text.substring(e.end())).orElse(text);
      assertEquals(expected, apply(text, edits), "applied as the LSP reads positions: " + text.replace("\r", "\\r"));
    }
  }

  @Test
  void optionsMissingFromAClientMeanTwoSpaces() {
    assertEquals("  ", FormattingFeature.options(new FormattingOptions()).indent());
    assertEquals("  ", FormattingFeature.options(null).indent());
  }
}
