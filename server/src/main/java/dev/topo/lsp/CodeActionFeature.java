package dev.topo.lsp;

import dev.topo.ide.Snapshot;
import dev.topo.check.Cancellation;
import dev.topo.check.Finding;
import dev.topo.check.Fix;
import dev.topo.check.Severity;
import dev.topo.check.edit.SourceEdit;
import dev.topo.check.fix.QuickFixes;
import dev.topo.check.fix.Refactorings;
import dev.topo.model.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * {@code textDocument/codeAction}: the quick fixes and suppressions of the findings the
 * client asks about, a refactoring for a busy module, and, when asked for source actions,
 * all the obvious repairs of the document at once. The fixes themselves are computed by the
 * core ({@link QuickFixes}, {@link Refactorings}); this class picks the findings and speaks
 * LSP.
 */
public final class CodeActionFeature {
  /** The kinds this feature produces, as declared to the client. */
  static final List<String> KINDS = List.of(CodeActionKind.QuickFix, CodeActionKind.RefactorExtract,
      CodeActionKind.Source, CodeActionKind.SourceFixAll);

  private CodeActionFeature() {}

  public static List<Either<Command, CodeAction>> codeActions(Snapshot snapshot, CodeActionParams params,
      Settings settings, Cancellation cancel) {
    if (params.getRange() == null) {
      return List.of();
    }
    CodeActionContext context = params.getContext();
    List<String> only = context == null ? null : context.getOnly();
    int start = Positions.offset(snapshot.lines(), params.getRange().getStart());
    int end = Math.max(start, Positions.offset(snapshot.lines(), params.getRange().getEnd()));
    List<Either<Command, CodeAction>> actions = new ArrayList<>();

    if (wanted(only, CodeActionKind.QuickFix)) {
      Map<Finding, Diagnostic> findings = findings(snapshot, context, start, end, settings);
      List<Finding> asked = new ArrayList<>(findings.keySet());
      for (Fix fix : QuickFixes.of(snapshot.analysis().program(), snapshot.syntaxes(), asked)) {
        cancel.check();
        Finding finding = fix.finding().orElseThrow();
        actions.add(Either.forRight(action(snapshot, fix, CodeActionKind.QuickFix, findings.get(finding))));
      }
    }
    if (wanted(only, CodeActionKind.RefactorExtract)) {
      for (Fix fix : Refactorings.at(snapshot.analysis().program(), snapshot.syntaxes(), start, end)) {
        actions.add(Either.forRight(action(snapshot, fix, CodeActionKind.RefactorExtract, null)));
      }
    }
    // Source actions only when asked for by kind (a "Source Action..." menu, or on save):
    // they look at the whole document, which the light bulb on every cursor move need not pay for.
    if (only != null && wanted(only, CodeActionKind.SourceFixAll)) {
      QuickFixes.fixAll(snapshot.analysis().program(), snapshot.syntaxes(), shown(snapshot, settings))
          .ifPresent(fix -> actions.add(Either.forRight(action(snapshot, fix, CodeActionKind.SourceFixAll, null))));
    }
    return actions;
  }

  /** Whether the client's {@code only} filter lets a kind through (a prefix such as "refactor" covers "refactor.extract"). */
  static boolean wanted(List<String> only, String kind) {
    if (only == null || only.isEmpty()) {
      return true;
    }
    for (String prefix : only) {
      if (kind.equals(prefix) || kind.startsWith(prefix + ".")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The findings to fix, each with the diagnostic to attach: those the context's diagnostics
   * stand for (same rule, same range), or when the context holds none of ours, those whose
   * range meets the requested one.
   */
  private static Map<Finding, Diagnostic> findings(Snapshot snapshot, CodeActionContext context, int start,
      int end, Settings settings) {
    Map<Finding, Diagnostic> result = new LinkedHashMap<>();
    List<Diagnostic> ours = new ArrayList<>();
    if (context != null && context.getDiagnostics() != null) {
      for (Diagnostic d : context.getDiagnostics()) {
        if (d != null && d.getCode() != null && d.getRange() != null
            && (d.getSource() == null || DiagnosticsFeature.SOURCE.equals(d.getSource()))) {
          ours.add(d);
        }
      }
    }
    List<Finding> shown = shown(snapshot, settings);
    if (!ours.isEmpty()) {
      for (Diagnostic d : ours) {
        String code = d.getCode().isLeft() ? d.getCode().getLeft() : String.valueOf(d.getCode().getRight());
        int from = Positions.offset(snapshot.lines(), d.getRange().getStart());
        int to = Positions.offset(snapshot.lines(), d.getRange().getEnd());
        for (Finding f : shown) {
          if (f.rule().id().equals(code) && f.span().start() == from && f.span().end() == to && !result.containsKey(f)) {
            result.put(f, d);
            break;
          }
        }
      }
      return result;
    }
    for (Finding f : shown) {
      Span span = f.span();
      if (span.start() <= end && start <= span.end()) {
        result.put(f, DiagnosticsFeature.diagnostic(snapshot, f));
      }
    }
    return result;
  }

  /** The findings the client is shown: info ones only when the settings say so. */
  private static List<Finding> shown(Snapshot snapshot, Settings settings) {
    return snapshot.analysis().findings().stream()
        .filter(f -> f.severity() != Severity.INFO || settings.showInfo())
        .toList();
  }

  private static CodeAction action(Snapshot snapshot, Fix fix, String kind, Diagnostic diagnostic) {
    CodeAction action = new CodeAction(fix.title());
    action.setKind(kind);
    if (diagnostic != null) {
      action.setDiagnostics(List.of(diagnostic));
    }
    if (fix.preferred()) {
      action.setIsPreferred(true);
    }
    action.setEdit(workspaceEdit(snapshot, fix.edits()));
    return action;
  }

  /** The edits by document, each converted with the lines of its own file. */
  static WorkspaceEdit workspaceEdit(Snapshot snapshot, List<SourceEdit> edits) {
    Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
    for (SourceEdit edit : edits) {
      Span span = edit.span();
      changes.computeIfAbsent(span.source().toString(), k -> new ArrayList<>())
          .add(new TextEdit(Positions.range(snapshot.lines(span.source()), span), edit.newText()));
    }
    return new WorkspaceEdit(changes);
  }
}
