package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkedTest {
  @Test
  void theCursorIsWhereTheBarStoodAndTheTextHasNoBar() {
    Marked marked = Marked.of("host we|b { os linux }");
    assertEquals("host web { os linux }", marked.text());
    assertEquals(7, marked.offset());
    assertEquals(11, marked.offsetOf("os linux"));
  }

  @Test
  void theSnapshotAnalysesTheTextWithItsImportsAndHoldsItsSyntax() {
    Snapshot snapshot = Marked.of("import \"lib.topo\"\ncluster k { nodes n| }").with("lib.topo", "host n { os linux }")
        .snapshot();
    assertEquals(2, snapshot.analysis().program().files().size());
    assertEquals("cluster", snapshot.syntax().statements().top().get(1).keyword());
  }
}
