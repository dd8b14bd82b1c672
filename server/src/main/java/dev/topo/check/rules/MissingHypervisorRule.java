package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Rule;
import dev.topo.check.RuleId;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.workspace.Program;
import java.util.List;

/** A host that runs VMs needs a hypervisor to run them. */
public final class MissingHypervisorRule implements Rule {
  @Override
  public RuleId id() {
    return RuleId.MISSING_HYPERVISOR;
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    for (Entity host : program.entities(EntityKind.HOST)) {
      List<Entity> vms = host.children(EntityKind.VM);
      if (!vms.isEmpty() && host.properties().hypervisor().isEmpty()) {
        acceptor.report(host.name(), host.describe() + " runs " + vms.get(0).describe()
            + (vms.size() > 1 ? " and " + (vms.size() - 1) + " more" : "") + " but declares no hypervisor",
            List.of(Acceptor.related(vms.get(0).name(), vms.get(0).describe() + " is declared here")));
      }
    }
  }
}
