package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.check.Severity;
import dev.topo.model.Related;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which findings an editor shows, and how each becomes a diagnostic. */
class DiagnosticsTest {
  static final String MISMATCH = """
      host win-01 {
        os windows
        runtime docker
        container web { os linux; image "web:1.0"; cpu 1; memory 1Gi }
      }
      """;

  static Diagnostics.Diagnostic only(List<Diagnostics.Diagnostic> diagnostics) {
    assertEquals(1, diagnostics.size(), diagnostics.toString());
    return diagnostics.get(0);
  }

  static String covered(Marked m, dev.topo.model.Span span) {
    return m.text().substring(span.start(), span.end());
  }

  @Test
  void aFindingWithItsSeverityRuleLinkAndRelatedPlace() {
    Marked m = Marked.of(MISMATCH);
    Diagnostics.Diagnostic d = only(Diagnostics.of(m.snapshot(), false));
    assertEquals(Severity.ERROR, d.severity());
    assertEquals("container-os-mismatch", d.code());
    assertTrue(covered(m, d.span()).startsWith("os linux"), covered(m, d.span()));
    assertTrue(d.message().contains("windows"), d.message());
    assertEquals(1, d.related().size());
    assertEquals(Marked.MAIN, d.related().get(0).span().source());
    assertEquals("os windows", covered(m, d.related().get(0).span()));
    assertEquals(List.of(), d.tags());
  }

  @Test
  void aRelatedPlaceMayBeInAnotherFile() {
    Marked m = Marked.of("import \"lib.topo\"\ncluster k {\n  nodes n1\n"
        + "  pod p { container c { os linux; image \"c:1\"; cpu 1; memory 1Gi } }\n}\n")
        .with("lib.topo", "host n1 {\n  os linux\n}\n");
    Diagnostics.Diagnostic d = only(Diagnostics.of(m.snapshot(), false));
    assertEquals("missing-runtime", d.code());
    List<Related> elsewhere = d.related().stream().filter(r -> !r.span().source().equals(Marked.MAIN)).toList();
    assertEquals(List.of(Marked.MAIN.resolve("lib.topo")), elsewhere.stream().map(r -> r.span().source()).toList());
  }

  @Test
  void aRepeatedPropertyIsUnnecessaryButAMisplacedOneIsNot() {
    Marked repeated = Marked.of("host h {\n  os linux\n  cpu 4\n  cpu 8\n}\n");
    Diagnostics.Diagnostic twice = only(Diagnostics.of(repeated.snapshot(), false));
    assertEquals("misplaced-property", twice.code());
    assertEquals(List.of(Diagnostics.Tag.UNNECESSARY), twice.tags());
    Marked misplaced = Marked.of("host h {\n  os linux\n  image \"nginx:1.25\"\n}\n");
    Diagnostics.Diagnostic elsewhere = only(Diagnostics.of(misplaced.snapshot(), false));
    assertEquals("misplaced-property", elsewhere.code());
    assertEquals(List.of(), elsewhere.tags());
  }

  @Test
  void infoFindingsOnlyWhenShown() {
    // No os: unknown-os is an info; the unpinned image a warning.
    Snapshot snapshot = Marked.of("host h { runtime docker; container web { image \"web\"; cpu 1; memory 1Gi } }").snapshot();
    List<Diagnostics.Diagnostic> all = Diagnostics.of(snapshot, true);
    assertTrue(all.stream().anyMatch(d -> d.severity() == Severity.INFO), all.toString());
    List<Diagnostics.Diagnostic> shown = Diagnostics.of(snapshot, false);
    assertEquals(all.stream().filter(d -> d.severity() != Severity.INFO).toList(), shown);
    assertFalse(shown.isEmpty());
  }

  @Test
  void aDiagnosticPerFindingInTheAnalysisOrder() {
    Snapshot snapshot = Marked.of("host h { os linux; runtime docker; container w { } }").snapshot();
    assertEquals(snapshot.analysis().findings().stream().map(f -> f.rule().id()).toList(),
        Diagnostics.of(snapshot, true).stream().map(Diagnostics.Diagnostic::code).toList());
  }
}
