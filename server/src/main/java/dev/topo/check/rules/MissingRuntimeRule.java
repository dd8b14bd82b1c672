package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Rule;
import dev.topo.check.RuleId;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Name;
import dev.topo.model.Property;
import dev.topo.workspace.Program;
import java.util.List;
import java.util.Optional;

/**
 * Containers need a container runtime on the host or VM that runs them: the one that
 * encloses them, or every node of the cluster that schedules their pod.
 */
public final class MissingRuntimeRule implements Rule {
  @Override
  public RuleId id() {
    return RuleId.MISSING_RUNTIME;
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    for (Entity container : program.entities(EntityKind.CONTAINER)) {
      Optional<Entity> machine = program.kernel(container);
      if (machine.isPresent() && machine.get().properties().runtime().isEmpty()) {
        acceptor.report(container.name(), container.describe() + " is placed on " + machine.get().describe()
            + ", which declares no container runtime",
            List.of(Acceptor.related(machine.get().name(), machine.get().describe() + " has no runtime")));
      }
    }
    for (Entity cluster : program.entities(EntityKind.CLUSTER)) {
      boolean runsContainers = cluster.children(EntityKind.POD).stream()
          .anyMatch(pod -> !pod.children(EntityKind.CONTAINER).isEmpty());
      if (!runsContainers) {
        continue;
      }
      for (Name ref : cluster.properties().nodes().flatMap(Property::known).orElse(List.of())) {
        program.node(ref.text()).filter(node -> node.properties().runtime().isEmpty()).ifPresent(node ->
            acceptor.report(ref, cluster.describe() + " runs pods on " + node.describe()
                + ", which declares no container runtime",
                List.of(Acceptor.related(node.name(), node.describe() + " has no runtime"))));
      }
    }
  }
}
