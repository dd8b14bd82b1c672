package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.topo.check.Cancellation;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SelectionRange;
import org.junit.jupiter.api.Test;

/** Expand selection in the protocol's ranges: each step the parent of the one inside it, one answer per position. */
class SelectionRangeFeatureTest {
  /** The text of each step, innermost first. */
  private static List<String> steps(String marked) {
    Fixture fixture = Fixture.of(marked);
    List<SelectionRange> ranges = SelectionRangeFeature.ranges(fixture.snapshot(), List.of(fixture.position()),
        Cancellation.NONE);
    assertEquals(1, ranges.size());
    List<String> texts = new ArrayList<>();
    for (SelectionRange r = ranges.get(0); r != null; r = r.getParent()) {
      texts.add(text(fixture, r.getRange()));
    }
    return texts;
  }

  private static String text(Fixture fixture, Range range) {
    var lines = fixture.snapshot().lines();
    return fixture.text().substring(Positions.offset(lines, range.getStart()), Positions.offset(lines, range.getEnd()));
  }

  static final String TEXT = """
      host a {
        container c {
          os li|nux; cpu 1
        }
      }
      """;

  @Test
  void wordStatementBlocksFile() {
    String text = TEXT.replace("|", "");
    assertEquals(List.of(
        "linux",
        "os linux;",
        "container c {\n    os linux; cpu 1\n  }",
        text.strip(),
        text), steps(TEXT));
  }

  @Test
  void oneAnswerPerPositionEvenPastTheEndOrInBrokenText() {
    Fixture fixture = Fixture.of("host a {\n  os");
    List<SelectionRange> ranges = SelectionRangeFeature.ranges(fixture.snapshot(),
        List.of(new Position(0, 5), new Position(40, 2), new Position(1, 3)), Cancellation.NONE);
    assertEquals(3, ranges.size());
    assertEquals(new Range(new Position(0, 5), new Position(0, 6)), ranges.get(0).getRange());
    for (SelectionRange r : ranges) {
      SelectionRange outer = r;
      while (outer.getParent() != null) {
        outer = outer.getParent();
      }
      assertEquals(new Range(new Position(0, 0), new Position(1, 4)), outer.getRange());
    }
  }
}
