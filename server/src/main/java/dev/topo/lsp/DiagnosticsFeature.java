package dev.topo.lsp;

import dev.topo.check.Finding;
import dev.topo.check.Severity;
import dev.topo.ide.Diagnostics;
import dev.topo.ide.Snapshot;
import dev.topo.knowledge.KnowledgeBase;
import dev.topo.model.Limits;
import dev.topo.model.Message;
import dev.topo.model.ProblemCode;
import dev.topo.model.Related;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;

/** {@link Diagnostics} as LSP diagnostics, for both push ({@code publishDiagnostics}) and pull. */
public final class DiagnosticsFeature {
  /** The {@code source} of our diagnostics, by which code actions tell them from other servers'. */
  public static final String SOURCE = "topo";

  private DiagnosticsFeature() {}

  public static List<Diagnostic> diagnostics(Snapshot snapshot, Settings settings) {
    return Diagnostics.of(snapshot, settings.showInfo()).stream()
        .map(d -> diagnostic(snapshot, d, settings.locale(), KnowledgeBase.rulePage(settings.docs(), d.code()))).toList();
  }

  /** One finding as the diagnostic that is published for it in English. */
  static Diagnostic diagnostic(Snapshot snapshot, Finding finding) {
    return diagnostic(snapshot, finding, KnowledgeBase.FALLBACK);
  }

  /** One finding as the diagnostic that is published for it, its messages in the session's locale. */
  static Diagnostic diagnostic(Snapshot snapshot, Finding finding, String locale) {
    return diagnostic(snapshot, Diagnostics.of(finding), locale, Optional.empty());
  }

  private static Diagnostic diagnostic(Snapshot snapshot, Diagnostics.Diagnostic diagnostic, String locale,
      Optional<String> link) {
    Diagnostic d = new Diagnostic(Positions.range(snapshot.lines(), diagnostic.span()), diagnostic.text().text(locale));
    d.setSeverity(severity(diagnostic.severity()));
    d.setSource(SOURCE);
    d.setCode(diagnostic.code());
    link.ifPresent(page -> d.setCodeDescription(new DiagnosticCodeDescription(page)));
    List<DiagnosticRelatedInformation> related = new ArrayList<>();
    for (Related r : diagnostic.related()) {
      related.add(new DiagnosticRelatedInformation(
          new Location(r.span().source().toString(), Positions.range(snapshot.lines(r.span().source()), r.span())),
          r.text().text(locale)));
    }
    if (!related.isEmpty()) {
      d.setRelatedInformation(related);
    }
    if (!diagnostic.tags().isEmpty()) {
      d.setTags(diagnostic.tags().stream().map(DiagnosticsFeature::tag).toList());
    }
    return d;
  }

  /**
   * The one diagnostic of a document whose message was too large to read: at its start, since
   * the server has none of its text.
   */
  static PublishDiagnosticsParams refused(RefusedDocument document, String locale, Optional<String> docs) {
    Diagnostic d = new Diagnostic(new Range(new Position(0, 0), new Position(0, 0)),
        Message.of("analysis-limit.message", document.bytes(), Limits.MAX_MESSAGE_BYTES).text(locale));
    d.setSeverity(DiagnosticSeverity.Error);
    d.setSource(SOURCE);
    d.setCode(ProblemCode.ANALYSIS_LIMIT.id());
    KnowledgeBase.rulePage(docs, ProblemCode.ANALYSIS_LIMIT.id())
        .ifPresent(page -> d.setCodeDescription(new DiagnosticCodeDescription(page)));
    return new PublishDiagnosticsParams(document.uri().toString(), List.of(d));
  }

  static DiagnosticSeverity severity(Severity severity) {
    return switch (severity) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      case INFO -> DiagnosticSeverity.Information;
    };
  }

  private static DiagnosticTag tag(Diagnostics.Tag tag) {
    return switch (tag) {
      case UNNECESSARY -> DiagnosticTag.Unnecessary;
    };
  }
}
