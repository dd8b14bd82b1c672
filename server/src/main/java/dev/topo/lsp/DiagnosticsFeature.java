package dev.topo.lsp;

import dev.topo.ide.Snapshot;
import dev.topo.check.Finding;
import dev.topo.check.Severity;
import dev.topo.model.ProblemCode;
import dev.topo.model.Related;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.Location;

/** Findings as LSP diagnostics, for both push ({@code publishDiagnostics}) and pull. */
public final class DiagnosticsFeature {
  public static final String SOURCE = "topo";
  public static final String RULE_DOCS = "https://github.com/topo-lang/topo/blob/main/docs/rules/";

  private DiagnosticsFeature() {}

  public static List<Diagnostic> diagnostics(Snapshot snapshot, Settings settings) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Finding finding : snapshot.analysis().findings()) {
      if (finding.severity() == Severity.INFO && !settings.showInfo()) {
        continue;
      }
      diagnostics.add(diagnostic(snapshot, finding));
    }
    return diagnostics;
  }

  static Diagnostic diagnostic(Snapshot snapshot, Finding finding) {
    Diagnostic d = new Diagnostic(Positions.range(snapshot.lines(), finding.span()), finding.message());
    d.setSeverity(severity(finding.severity()));
    d.setSource(SOURCE);
    d.setCode(finding.rule().id());
    d.setCodeDescription(new DiagnosticCodeDescription(RULE_DOCS + finding.rule().id() + ".md"));
    List<DiagnosticRelatedInformation> related = new ArrayList<>();
    for (Related r : finding.related()) {
      related.add(new DiagnosticRelatedInformation(
          new Location(r.span().source().toString(), Positions.range(snapshot.lines(r.span().source()), r.span())),
          r.message()));
    }
    if (!related.isEmpty()) {
      d.setRelatedInformation(related);
    }
    if (finding.rule().id().equals(ProblemCode.MISPLACED_PROPERTY.id()) && finding.message().contains("given twice")) {
      d.setTags(List.of(DiagnosticTag.Unnecessary)); // only the first counts: the repeat does nothing
    }
    return d;
  }

  static DiagnosticSeverity severity(Severity severity) {
    return switch (severity) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      case INFO -> DiagnosticSeverity.Information;
    };
  }
}
