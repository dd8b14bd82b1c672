package dev.topo.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.syntax.Formatter.Edit;
import dev.topo.syntax.Formatter.Options;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The canonical style, case by case. */
class FormatterTest {
  private static String format(String text) {
    String once = Formatter.format(text, Options.DEFAULT).orElseThrow(() -> new AssertionError("not formatted: " + text));
    assertEquals(once, Formatter.format(once, Options.DEFAULT).orElseThrow(), "formatting again changes it");
    return once;
  }

  @Test
  void oneStatementPerLineIndentedTwoSpacesPerBlock() {
    assertEquals("""
        host a {
          os linux
          cpu 4
          container web {
            os linux
          }
        }
        """, format("host a{os linux cpu 4 container web{os linux}}"));
  }

  @Test
  void statementEndingSemicolonsGoAndSplitTheirLine() {
    assertEquals("""
        host a {
          os linux
          cpu 4
        }
        """, format("host a {\n  os linux; cpu 4;\n};\n;"));
  }

  @Test
  void oneSpaceBetweenTokensAndNoneBeforeACommaAndOneAfter() {
    assertEquals("""
        host a {
          os linux "rhel 9"
        }
        """, format("host \t a  {\n os\tlinux \"rhel 9\"  \n}"));
    assertEquals("""
        cluster k {
          nodes a, b, c
        }
        """, format("cluster k { nodes a ,b,\n   c }"));
  }

  @Test
  void anEmptyBlockClosesOnItsOwnLine() {
    assertEquals("host a {}\n", format("host a {\n\n}"));
    assertEquals("host a {\n  vm v {}\n}\n", format("host a { vm v { } }"));
  }

  @Test
  void blankLinesAreKeptOnceBetweenStatementsAndDroppedInsideBraces() {
    assertEquals("""
        host a {
          os linux

          cpu 4
        }
        """, format("host a {\n\n\n  os linux\n\n\n\n  cpu 4\n\n}\n\n\n"));
  }

  @Test
  void topLevelDeclarationsAreAlwaysSeparatedByABlankLineBeforeTheirComments() {
    assertEquals("""
        import "a.topo"
        import "b.topo"

        host a {}

        // about b
        host b {}

        cluster c {} // end
        """, format("import \"a.topo\"; import \"b.topo\"\nhost a {}\n// about b\nhost b {} cluster c {} // end"));
  }

  @Test
  void aCommentEndingALineStaysThereAndOneOnItsOwnLineStaysAlone() {
    assertEquals("""
        // header

        host a { // topo-ignore missing-limits
          os linux // the kernel
          // before cpu
          cpu 4
          // last
        }
        """, format("// header\n\nhost a { // topo-ignore missing-limits\nos linux   // the kernel   \n// before cpu\ncpu 4\n    // last\n}"));
  }

  @Test
  void aSemicolonIsLayoutForCommentsToo() {
    // The comment stood on a line with no code but a ';': it is a comment on a line of its own.
    assertEquals("host a {\n  cpu 4\n  // four\n}\n", format("host a {\n  cpu 4\n  ; // four\n}"));
    assertEquals("host a {\n  cpu 4 // four\n}\n", format("host a {\n  cpu 4; // four\n}"));
  }

  @Test
  void aSuppressionSilencesTheSameStatementWhetherOrNotASemicolonStandsInTheWay() {
    // Regressions found by the mutation tests: a lone ';' used to count as the code a comment ends
    // the line of, or as the statement it applies to, so dropping it changed what was silenced.
    for (String text : List.of(";// topo-ignore unknown-os\nhost a {}", "// topo-ignore unknown-os\n;host a {}",
        "// topo-ignore unknown-os\n;\nhost a {}")) {
      var before = TopologySyntax.parse(URI.create("file:///a.topo"), text).suppressions();
      assertEquals(1, before.size(), text);
      assertEquals(text.indexOf("host"), before.get(0).target().start(), text);
      assertEquals("// topo-ignore unknown-os\nhost a {}\n", format(text));
    }
  }

  @Test
  void blockCommentsKeepTheirTextAndTheirSideOfTheCode() {
    // The second line of the first comment keeps its own three spaces: comment text is never changed.
    assertEquals("host a {\n"
        + "  /* a comment\n"
        + "   over lines */\n"
        + "  os linux /* kernel */\n"
        + "  cpu /* cores */ 4\n"
        + "  /* leads */ memory 1Gi\n"
        + "}\n", format("host a {\n/* a comment\n   over lines */\nos linux /* kernel */ cpu /* cores */ 4\n  /* leads */ memory 1Gi }"));
  }

  @Test
  void aLineCommentInsideAStatementBreaksItAndTheRestIsIndentedDeeper() {
    assertEquals("""
        cluster k {
          nodes a, // the first
              b
        }
        """, format("cluster k {\n  nodes a, // the first\n b\n}"));
  }

  @Test
  void keepsTheLineEndingsAndTheByteOrderMarkOfTheFile() {
    assertEquals("\uFEFFhost a {\r\n  os linux\r\n}\r\n", format("\uFEFFhost a {\r\n os linux }"));
  }

  @Test
  void indentationFollowsTheOptions() {
    String text = "host a { vm v { os linux } }";
    assertEquals("host a {\n\tvm v {\n\t\tos linux\n\t}\n}\n", Formatter.format(text, Options.of(8, false)).orElseThrow());
    assertEquals("host a {\n    vm v {\n        os linux\n    }\n}\n", Formatter.format(text, Options.of(4, true)).orElseThrow());
    assertThrows(IllegalArgumentException.class, () -> new Options("x"));
  }

  @Test
  void keywordsUsedAsNamesAndMisplacedStatementsAreFormattedAsWritten() {
    assertEquals("host os {\n  image \"x:1\"\n}\ncpu 4\n", format("host os { image \"x:1\" } cpu 4"));
  }

  @Test
  void quotedNamesAreKeptExactlyAsWritten() {
    assertEquals("host \"web\" {\n  os linux\n}\n\ncluster \"a\\\"b\" {\n  nodes \"web\", web-01\n}\n",
        format("host \"web\" { os linux }\ncluster \"a\\\"b\" { nodes \"web\" ,web-01 }"));
  }

  @Test
  void emptyAndCommentOnlyTexts() {
    assertEquals("", format(""));
    assertEquals("", format("  \n\n "));
    assertEquals("// only\n", format("\n\n// only"));
    assertEquals("/* a */ /* b */\n", format("/* a */   /* b */"));
  }

  @Test
  void aTextWithASyntaxProblemIsNotFormatted() {
    assertEquals(Optional.empty(), Formatter.format("host a { cpu four }", Options.DEFAULT));
    assertEquals(Optional.empty(), Formatter.format("host a { image \"x:1 }", Options.DEFAULT));
    assertEquals(Optional.empty(), Formatter.format("host a { } /* open", Options.DEFAULT));
    assertEquals(Optional.empty(), Formatter.format("host a { os linux } $", Options.DEFAULT));
    assertEquals(Optional.empty(), Formatter.format("host a {", Options.DEFAULT));
    assertEquals(Optional.empty(), Formatter.formatDocument("host a {", Options.DEFAULT));
    assertEquals(Optional.empty(), Formatter.formatRange("host a {  os linux", 0, 5, Options.DEFAULT));
    assertFalse(Formatter.isFormattable("host a { cpu four }"));
    assertTrue(Formatter.isFormattable("host a { cpu 4 }"));
  }

  @Test
  void tooDeepNestingIsASyntaxProblemSoItIsNotFormatted() {
    String deep = "host a {" + " vm v {".repeat(40) + " }".repeat(41);
    assertEquals(Optional.empty(), Formatter.format(deep, Options.DEFAULT));
  }

  @Test
  void hostileShapesStayLinear() {
    // A quadratic walk over the comments of one line would take minutes here.
    String comments = "/* c */ ".repeat(100_000) + "host a {}";
    String semicolons = "host a {" + ";".repeat(100_000) + " /* c */ }";
    assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
      assertEquals("/* c */ ".repeat(99_999) + "/* c */ host a {}\n", Formatter.format(comments, Options.DEFAULT).orElseThrow());
      assertEquals("host a { /* c */\n}\n", Formatter.format(semicolons, Options.DEFAULT).orElseThrow());
    });
  }

  @Test
  void theDocumentEditIsTheSmallestStretchThatChanges() {
    String text = "host a {\n  os linux\n  cpu    4\n}\n";
    Edit edit = Formatter.formatDocument(text, Options.DEFAULT).orElseThrow();
    assertEquals(new Edit(text.indexOf("   4"), text.indexOf("4"), ""), edit);
    assertEquals("host a {\n  os linux\n  cpu 4\n}\n", edit.applyTo(text));
    assertEquals(Optional.empty(), Formatter.formatDocument(edit.applyTo(text), Options.DEFAULT));
  }

  @Test
  void rangeFormattingTouchesOnlyTheStatementsInTheRange() {
    String text = "host a {\n    os    linux\n  cpu     4\n}\nhost b {   os  linux }\n";
    int at = text.indexOf("cpu");
    Edit edit = Formatter.formatRange(text, at, at + 3, Options.DEFAULT).orElseThrow();
    assertEquals("host a {\n    os    linux\n  cpu 4\n}\nhost b {   os  linux }\n", edit.applyTo(text));
  }

  @Test
  void rangeFormattingOfABlockHeaderFormatsTheWholeBlockAndSplitsSemicolons() {
    String text = "host a { os linux; cpu 4 }\nhost   b {}\n";
    Edit edit = Formatter.formatRange(text, 0, 4, Options.DEFAULT).orElseThrow();
    assertEquals("host a {\n  os linux\n  cpu 4\n}\nhost   b {}\n", edit.applyTo(text));
  }

  @Test
  void rangeFormattingOfOneOfTwoStatementsOnALineKeepsTheOther() {
    String text = "host a {\n  os linux;   cpu    4\n}\n";
    int at = text.indexOf("cpu");
    assertEquals("host a {\n  os linux;\n  cpu 4\n}\n",
        Formatter.formatRange(text, at, at, Options.DEFAULT).orElseThrow().applyTo(text));
    assertEquals(Optional.empty(), Formatter.formatRange("host a {}\n\n\nhost b {}\n", 10, 10, Options.DEFAULT),
        "a range in white space between statements touches nothing");
  }
}
