package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Rule;
import dev.topo.check.RuleId;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.workspace.Program;

/** Without a cgroup limit a container may take all the cpu or memory of its machine. */
public final class MissingLimitsRule implements Rule {
  @Override
  public RuleId id() {
    return RuleId.MISSING_LIMITS;
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    for (Entity container : program.entities(EntityKind.CONTAINER)) {
      boolean cpu = container.properties().cpu().isPresent();
      boolean memory = container.properties().memory().isPresent();
      if (!cpu || !memory) {
        String missing = !cpu && !memory ? "cpu or memory limit" : !cpu ? "cpu limit" : "memory limit";
        acceptor.report(container.name(), container.describe() + " has no " + missing
            + ": without a cgroup bound it can starve its neighbours");
      }
    }
  }
}
