package dev.topo.check;

import dev.topo.check.rules.ContainerOsMismatchRule;
import dev.topo.check.rules.DuplicateNameRule;
import dev.topo.check.rules.LibraryConflictRule;
import dev.topo.check.rules.LibraryUnsatisfiedRule;
import dev.topo.check.rules.MissingHypervisorRule;
import dev.topo.check.rules.MissingLimitsRule;
import dev.topo.check.rules.MissingRuntimeRule;
import dev.topo.check.rules.OvercommitRule;
import dev.topo.check.rules.ProblemRule;
import dev.topo.check.rules.ScalingGranularityRule;
import dev.topo.check.rules.UnknownOsRule;
import dev.topo.check.rules.UnknownReferenceRule;
import dev.topo.check.rules.UnpinnedImageRule;
import dev.topo.check.rules.UnschedulablePodRule;
import dev.topo.check.rules.WeakIsolationRule;
import java.util.List;

/** The registry: one instance of every rule, in the order of the specification's table. */
public final class Rules {
  private static final List<Rule> ALL = List.of(
      new ProblemRule(RuleId.SYNTAX),
      new UnknownReferenceRule(),
      new DuplicateNameRule(),
      new ProblemRule(RuleId.MISPLACED_PROPERTY),
      new ProblemRule(RuleId.INVALID_VALUE),
      new ProblemRule(RuleId.IMPORT_ERROR),
      new ContainerOsMismatchRule(),
      new MissingRuntimeRule(),
      new MissingHypervisorRule(),
      new LibraryConflictRule(),
      new LibraryUnsatisfiedRule(),
      new OvercommitRule(),
      new UnschedulablePodRule(),
      new MissingLimitsRule(),
      new WeakIsolationRule(),
      new UnpinnedImageRule(),
      new UnknownOsRule(),
      new ScalingGranularityRule());

  private Rules() {}

  public static List<Rule> all() {
    return ALL;
  }
}
