package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.ClosestNames;
import dev.topo.check.Rule;
import dev.topo.check.RuleId;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Name;
import dev.topo.model.Property;
import dev.topo.workspace.Program;
import java.util.ArrayList;
import java.util.List;

/** A cluster's {@code nodes} entry must name a host or VM of the program. */
public final class UnknownReferenceRule implements Rule {
  @Override
  public RuleId id() {
    return RuleId.UNKNOWN_REFERENCE;
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    List<String> nodeNames = new ArrayList<>();
    program.forEachEntity(e -> {
      if (e.kind() == EntityKind.HOST || e.kind() == EntityKind.VM) {
        nodeNames.add(e.name().text());
      }
    });
    for (Entity cluster : program.entities(EntityKind.CLUSTER)) {
      for (Name ref : cluster.properties().nodes().flatMap(Property::known).orElse(List.of())) {
        if (program.node(ref.text()).isPresent()) {
          continue;
        }
        List<Entity> other = program.globallyNamed(ref.text());
        if (!other.isEmpty()) {
          acceptor.report(ref, cluster.describe() + " lists '" + ref.text() + "' as a node, but that is a "
              + other.get(0).kind().keyword() + ": pods run on hosts and VMs",
              List.of(Acceptor.related(other.get(0).name(), other.get(0).describe() + " is declared here")));
        } else {
          String hint = ClosestNames.closest(ref.text(), nodeNames).map(s -> "; did you mean '" + s + "'?").orElse("");
          acceptor.report(ref, cluster.describe() + " lists node '" + ref.text() + "', but no host or VM has that name" + hint);
        }
      }
    }
  }
}
