package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Rule;
import dev.topo.check.RuleId;
import dev.topo.model.Problem;
import dev.topo.workspace.Program;

/**
 * Reports the problems found while the root file was built (syntax, misplaced-property,
 * invalid-value) or its imports gathered (import-error), under the rule of the same id.
 */
public final class ProblemRule implements Rule {
  private final RuleId id;

  public ProblemRule(RuleId id) {
    this.id = id;
  }

  @Override
  public RuleId id() {
    return id;
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
    if (problem.ruleId().equals(id.id())) {
      acceptor.report(problem, problem.message(), problem.related());
    }
  }
}
