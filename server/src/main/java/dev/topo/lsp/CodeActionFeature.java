package dev.topo.lsp;

import dev.topo.check.Cancellation;
import dev.topo.check.Finding;
import dev.topo.check.edit.SourceEdit;
import dev.topo.ide.CodeActions;
import dev.topo.ide.Snapshot;
import dev.topo.model.Span;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * {@code textDocument/codeAction}: the {@link CodeActions} for the requested range and the
 * client's diagnostics there, of the kinds its {@code only} filter lets through; each quick
 * fix carries the client's own diagnostic of its finding when the client sent one.
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
    int end = Positions.offset(snapshot.lines(), params.getRange().getEnd());
    List<Diagnostic> ours = ours(context);
    List<CodeActions.Asked> asked = ours.stream().map(d -> asked(snapshot, d)).toList();
    CodeActions.Request request = new CodeActions.Request(start, end, asked, kinds(only));
    List<Either<Command, CodeAction>> actions = new ArrayList<>();
    for (CodeActions.Action action : CodeActions.in(snapshot, request, settings.showInfo(), cancel)) {
      Diagnostic diagnostic = action.finding().map(f -> diagnostic(snapshot, f, ours, asked, settings.locale()))
          .orElse(null);
      actions.add(Either.forRight(action(snapshot, action, diagnostic, settings.locale())));
    }
    return actions;
  }

  /**
   * The kinds the client's {@code only} filter lets through. Source actions only when asked
   * for by kind (a "Source Action..." menu, or on save): they look at the whole document,
   * which the light bulb on every cursor move need not pay for.
   */
  static Set<CodeActions.Kind> kinds(List<String> only) {
    Set<CodeActions.Kind> kinds = EnumSet.noneOf(CodeActions.Kind.class);
    for (CodeActions.Kind kind : CodeActions.Kind.values()) {
      if (wanted(only, kind(kind)) && (kind != CodeActions.Kind.SOURCE_FIX_ALL || only != null)) {
        kinds.add(kind);
      }
    }
    return kinds;
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

  static String kind(CodeActions.Kind kind) {
    return switch (kind) {
      case QUICK_FIX -> CodeActionKind.QuickFix;
      case REFACTOR_EXTRACT -> CodeActionKind.RefactorExtract;
      case SOURCE_FIX_ALL -> CodeActionKind.SourceFixAll;
    };
  }

  /** The context's diagnostics that can be ours: with a code and a range, from us or from no one in particular. */
  private static List<Diagnostic> ours(CodeActionContext context) {
    List<Diagnostic> ours = new ArrayList<>();
    if (context != null && context.getDiagnostics() != null) {
      for (Diagnostic d : context.getDiagnostics()) {
        if (d != null && d.getCode() != null && d.getRange() != null
            && (d.getSource() == null || DiagnosticsFeature.SOURCE.equals(d.getSource()))) {
          ours.add(d);
        }
      }
    }
    return ours;
  }

  private static CodeActions.Asked asked(Snapshot snapshot, Diagnostic d) {
    String code = d.getCode().isLeft() ? d.getCode().getLeft() : String.valueOf(d.getCode().getRight());
    return new CodeActions.Asked(code, Positions.offset(snapshot.lines(), d.getRange().getStart()),
        Positions.offset(snapshot.lines(), d.getRange().getEnd()));
  }

  /** The client's diagnostic of a finding if it sent one, else the one published for it. */
  private static Diagnostic diagnostic(Snapshot snapshot, Finding finding, List<Diagnostic> ours,
      List<CodeActions.Asked> asked, String locale) {
    for (int i = 0; i < asked.size(); i++) {
      if (asked.get(i).standsFor(finding)) {
        return ours.get(i);
      }
    }
    return DiagnosticsFeature.diagnostic(snapshot, finding, locale);
  }

  private static CodeAction action(Snapshot snapshot, CodeActions.Action fix, Diagnostic diagnostic, String locale) {
    CodeAction action = new CodeAction(fix.label().text(locale));
    action.setKind(kind(fix.kind()));
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
