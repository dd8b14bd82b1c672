package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;

/** Diagnostics on the wire (which findings, and what each says, is DiagnosticsTest's). */
class DiagnosticsFeatureTest {
  static Range r(int line, int character, int endLine, int endCharacter) {
    return new Range(new Position(line, character), new Position(endLine, endCharacter));
  }

  static Diagnostic only(Fixture f) {
    List<Diagnostic> diagnostics = DiagnosticsFeature.diagnostics(f.snapshot(), f.session().settings());
    assertEquals(1, diagnostics.size(), diagnostics.toString());
    return diagnostics.get(0);
  }

  @Test
  void rangeSeveritySourceCodeAndItsPageInUtf16Positions() {
    Diagnostic d = only(Fixture.of("host w {\n  os windows; runtime docker\n"
        + "  container c { /* 🚀 */ os linux; image \"c:1\"; cpu 1; memory 1Gi }\n}\n"));
    assertEquals(r(2, 25, 2, 34), d.getRange()); // "os linux;"
    assertEquals(DiagnosticSeverity.Error, d.getSeverity());
    assertEquals("topo", d.getSource());
    assertEquals("container-os-mismatch", d.getCode().getLeft());
    assertNull(d.getCodeDescription(), "no docs address is configured, so no link");
    assertNull(d.getTags());
  }

  @Test
  void theRulesPageIsLinkedWhenTheServerWasToldWhereTheDocsAre() {
    Fixture f = Fixture.of("host w { os windows; runtime docker; container c { os linux; image \"c:1\"; cpu 1; memory 1Gi } }\n");
    List<Diagnostic> linked = DiagnosticsFeature.diagnostics(f.snapshot(),
        f.session().settings().withDocs(java.util.Optional.of("https://example.org/docs/")));
    assertEquals("https://example.org/docs/rules/container-os-mismatch.md", linked.get(0).getCodeDescription().getHref());
  }

  @Test
  void relatedPlacesInAnotherFileUseThatFilesLines() {
    Fixture f = Fixture.of("import \"lib.topo\"\ncluster k {\n  nodes n1\n"
        + "  pod p { container c { os linux; image \"c:1\"; cpu 1; memory 1Gi } }\n}\n")
        .with("lib.topo", "// the nodes\n\nhost n1 {\n  os linux\n}\n");
    String lib = Fixture.ROOT.resolve("lib.topo").toString();
    List<DiagnosticRelatedInformation> inLib = only(f).getRelatedInformation().stream()
        .filter(r -> r.getLocation().getUri().equals(lib)).toList();
    assertEquals(1, inLib.size(), only(f).getRelatedInformation().toString());
    assertEquals(2, inLib.get(0).getLocation().getRange().getStart().getLine());
  }

  @Test
  void severitiesAndTagsAreTheProtocols() {
    assertEquals(DiagnosticSeverity.Warning, DiagnosticsFeature.severity(dev.topo.check.Severity.WARNING));
    assertEquals(DiagnosticSeverity.Information, DiagnosticsFeature.severity(dev.topo.check.Severity.INFO));
    Diagnostic repeated = only(Fixture.of("host h {\n  os linux\n  cpu 4\n  cpu 8\n}\n"));
    assertEquals(List.of(DiagnosticTag.Unnecessary), repeated.getTags());
  }

  @Test
  void infoFindingsFollowTheSessionsSettings() {
    String text = "host h { runtime docker; container web { image \"web\"; cpu 1; memory 1Gi } }";
    Fixture shown = Fixture.of(text);
    Fixture hidden = Fixture.of(text).settings(new Settings(Settings.DEFAULT.locale(), Map.of(), false));
    long info = DiagnosticsFeature.diagnostics(shown.snapshot(), shown.session().settings()).stream()
        .filter(d -> d.getSeverity() == DiagnosticSeverity.Information).count();
    assertTrue(info > 0);
    assertEquals(DiagnosticsFeature.diagnostics(shown.snapshot(), shown.session().settings()).size() - info,
        DiagnosticsFeature.diagnostics(hidden.snapshot(), hidden.session().settings()).size());
  }
}
