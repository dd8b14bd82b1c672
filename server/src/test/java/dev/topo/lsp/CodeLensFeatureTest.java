package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.topo.check.Cancellation;
import java.util.List;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;

/** Lenses on the wire (what they say is CodeLensesTest's). */
class CodeLensFeatureTest {
  @Test
  void theLensStandsOnTheNameAndIsOnlyALabel() {
    Fixture f = Fixture.of("// 🚀\nhost web-01 { os linux; cpu 4; memory 8GiB }");
    List<CodeLens> lenses = CodeLensFeature.codeLenses(f.snapshot(), Cancellation.NONE);
    assertEquals(1, lenses.size());
    CodeLens lens = lenses.get(0);
    assertEquals(new Range(new Position(1, 5), new Position(1, 11)), lens.getRange());
    assertEquals("cpu 0/4 · memory 0/8 GiB", lens.getCommand().getTitle());
    assertEquals("", lens.getCommand().getCommand()); // nothing runs when it is clicked
    assertNull(lens.getData());
  }
}
