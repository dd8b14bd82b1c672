package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.topo.check.Cancellation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Folding: blocks, comments and imports, as whole lines. */
class FoldingTest {
  private static List<String> folds(String text) {
    return Folding.of(Marked.of(text).snapshot(), Cancellation.NONE).stream()
        .map(f -> f.startLine() + "-" + f.endLine() + " " + f.kind()).toList();
  }

  @Test
  void blocksCommentsAndImports() {
    String text = """
        import "a.topo"
        import "b.topo"
        // one
        // two
        host a { // not part of a run: it ends a line of code
          /* a block
             comment */
          vm v {
            os linux
          }
          vm w { os linux
            cpu 1 }
          vm x { }
        }
        /* one line */
        // alone
        """;
    assertEquals(List.of(
        "0-1 IMPORTS",
        "2-3 COMMENT", // two line comments on lines of their own
        "4-12 BLOCK", // host a: its '}' opens line 13 and stays visible when folded
        "5-6 COMMENT",
        "7-8 BLOCK", // vm v
        "10-11 BLOCK"), // vm w: its '}' ends a line of code, which folds with the block
        folds(text));
  }

  @Test
  void onlyTheImportsThatOpenTheFileFoldTogether() {
    assertEquals(List.of("0-2 IMPORTS"), folds("import \"a.topo\"\nimport \"b.topo\";\nimport \"c.topo\"\nhost a { }\n"));
    assertEquals(List.of(), folds("import \"a.topo\"\nhost a { }\nimport \"b.topo\"\nimport \"c.topo\"\n"),
        "misplaced imports are not a run");
    assertEquals(List.of(), folds("import \"a.topo\" import \"b.topo\"\n"), "one line folds nothing");
  }

  @Test
  void unmatchedBracesAndBrokenTextFoldWhatTheyCan() {
    assertEquals(List.of("1-2 BLOCK"), folds("host a {\n  vm v {\n    os linux\n  }\n  container c {\n    os"));
    assertEquals(List.of(), folds(""));
    assertEquals(List.of(), folds("}}}\n{{{"));
  }

  @Test
  void aHostileNestingIsCappedAtTheLimit() {
    String deep = "{\n".repeat(Folding.MAX_FOLDS + 100) + "}\n".repeat(Folding.MAX_FOLDS + 100);
    List<String> folds = folds(deep);
    assertEquals(Folding.MAX_FOLDS, folds.size());
    assertEquals("0-" + (2 * (Folding.MAX_FOLDS + 100) - 2) + " BLOCK", folds.get(0), "the outermost are kept");
  }
}
