package dev.topo.check.fix;

import dev.topo.check.Checker;
import dev.topo.check.Finding;
import dev.topo.check.Fix;
import dev.topo.check.FixContext;
import dev.topo.check.edit.SourceEdit;
import dev.topo.check.edit.StatementEditor;
import dev.topo.model.Message;
import dev.topo.model.Span;
import dev.topo.model.Suppression;
import dev.topo.syntax.StatementTree.Node;
import dev.topo.workspace.Program;
import dev.topo.workspace.SyntaxSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixes of findings: the repairs their rule offers ({@code Rule.fixes}), and for every
 * finding a {@code topo-ignore} comment that silences it; and all the obvious repairs of a
 * document at once. Fixes are edits as offsets; the language server turns them into LSP edits.
 */
public final class QuickFixes {
  /** The ids of an existing suppression comment, to extend them with one more. */
  private static final Pattern IDS = Pattern.compile(
      "//\\s*topo-ignore\\s+([A-Za-z][A-Za-z0-9-]*(?:\\s*,\\s*[A-Za-z][A-Za-z0-9-]*)*)");

  private QuickFixes() {}

  /**
   * The fixes of findings of the program's root file, in order, each finding's repairs
   * first, then its suppression; they share the work of reading the files.
   */
  public static List<Fix> of(Program program, SyntaxSource syntaxes, List<Finding> findings) {
    FixContext context = new FixContext(program, syntaxes);
    List<Fix> fixes = new ArrayList<>();
    for (Finding finding : findings) {
      fixes.addAll(finding.rule().fixes(context, finding));
      suppress(context, finding).ifPresent(fixes::add);
    }
    return fixes;
  }

  /**
   * The preferred repair of every finding that has one, as one change; a repair whose edits
   * would touch a place another one already edits is left for a second run. Empty when there
   * is nothing to repair.
   */
  public static Optional<Fix> fixAll(Program program, SyntaxSource syntaxes, List<Finding> findings) {
    FixContext context = new FixContext(program, syntaxes);
    List<SourceEdit> edits = new ArrayList<>();
    int count = 0;
    for (Finding finding : findings) {
      for (Fix fix : finding.rule().fixes(context, finding)) {
        if (fix.preferred() && fix.edits().stream().noneMatch(e -> edits.stream().anyMatch(o -> touch(e, o)))) {
          edits.addAll(fix.edits());
          count++;
          break;
        }
      }
    }
    if (count == 0) {
      return Optional.empty();
    }
    return Optional.of(new Fix(Message.count("fix.all", count),
        Optional.empty(), false, edits));
  }

  /** Whether two edits overlap or insert at the same place, so that applying both is unsafe. */
  private static boolean touch(SourceEdit a, SourceEdit b) {
    if (!a.span().source().equals(b.span().source())) {
      return false;
    }
    return a.span().start() <= b.span().end() && b.span().start() <= a.span().end();
  }

  /**
   * A {@code // topo-ignore RULE} comment on its own line above the statement the finding is
   * in, or the rule added to the topo-ignore comment that already targets that statement.
   * The statement is the innermost one around the finding that opens its line, since a
   * comment above a line applies to the statement that line starts with; a finding in no
   * statement at all (a stray token at the top of the file) cannot be silenced.
   */
  private static Optional<Fix> suppress(FixContext context, Finding finding) {
    if (finding.rule().id().equals(Checker.UNUSED_SUPPRESSION)) {
      return Optional.empty(); // its finding is the comment itself: remove the comment instead
    }
    StatementEditor editor = context.editor(finding.span().source());
    List<Node> path = editor.statements().path(finding.span().start());
    Node target = null;
    for (int i = path.size() - 1; i >= 0; i--) {
      if (editor.startsLine(path.get(i).span().start())) {
        target = path.get(i);
        break;
      }
    }
    if (target == null) {
      return Optional.empty();
    }
    String rule = finding.rule().id();
    Message title = Message.of("fix.suppress", rule);
    for (Suppression existing : context.root().suppressions()) {
      if (existing.target().equals(target.span())) {
        Matcher m = IDS.matcher(editor.textOf(existing.comment()));
        if (m.lookingAt()) {
          int at = existing.comment().start() + m.end(1);
          return Optional.of(new Fix(title, Optional.of(finding), false,
              List.of(SourceEdit.insert(editor.uri(), at, ", " + rule))));
        }
      }
    }
    int start = target.span().start();
    Span lineStart = new Span(editor.uri(), editor.lineStart(start), editor.lineStart(start));
    return Optional.of(new Fix(title, Optional.of(finding), false,
        List.of(new SourceEdit(lineStart, editor.indent(start) + "// topo-ignore " + rule + editor.newline()))));
  }
}
