package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Finding;
import dev.topo.check.Fix;
import dev.topo.check.FixContext;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.check.edit.StatementEditor;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Keyword;
import dev.topo.model.Message;
import dev.topo.model.Problem;
import dev.topo.model.ProblemCode;
import dev.topo.syntax.StatementTree.Node;
import dev.topo.workspace.Locator;
import dev.topo.workspace.Program;
import java.util.List;
import java.util.Optional;

/**
 * Reports the problems of one code found while the root file was built (syntax,
 * misplaced-property, invalid-value) or its imports gathered (import-error). One instance is
 * made per {@link ProblemCode} (see {@link Rules}); every code is an error by default.
 */
public final class ProblemCodeRule implements Rule {
  private final ProblemCode code;
  private final Info info;

  public ProblemCodeRule(ProblemCode code) {
    this.code = code;
    this.info = new Info(code.id(), Severity.ERROR, code.title(), code.firesWhen(), code.reportedAt());
  }

  public ProblemCode code() {
    return code;
  }

  @Override
  public Info info() {
    return info;
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    for (Problem problem : program.root().problems()) {
      report(problem, acceptor);
    }
    for (Problem problem : program.importProblems()) {
      report(problem, acceptor);
    }
  }

  private void report(Problem problem, Acceptor acceptor) {
    if (problem.code() == code) {
      acceptor.report(problem, problem.text(), problem.related());
    }
  }

  @Override
  public List<Fix> fixes(FixContext context, Finding finding) {
    return code == ProblemCode.MISPLACED_PROPERTY ? removeStatement(context, finding) : List.of();
  }

  /** Removes a property that is out of place or given again; a misplaced block or import is left alone. */
  private static List<Fix> removeStatement(FixContext context, Finding finding) {
    StatementEditor editor = context.editor(finding.span().source());
    Optional<Node> statement = editor.statements().startingAt(finding.span().start())
        .filter(n -> n.span().equals(finding.span()) && !n.block() && !n.keyword().equals(Keyword.IMPORT.word()));
    if (statement.isEmpty()) {
      return List.of();
    }
    String keyword = statement.get().keyword();
    EntityKind owner = Locator.enclosing(context.root(), finding.span().start()).map(Entity::kind).orElse(null);
    boolean repeated = owner != null && Keyword.of(keyword).filter(k -> k.allowedIn(owner)).isPresent();
    Message title = Message.of(repeated ? "fix.remove.repeated" : "fix.remove.misplaced", keyword);
    return List.of(Fix.repair(title, finding, List.of(editor.remove(statement.get().span()))));
  }
}
