package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Rule;
import dev.topo.check.RuleId;
import dev.topo.check.Words;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.OsFamily;
import dev.topo.model.Related;
import dev.topo.workspace.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A container shares the kernel of the machine it runs on, so its OS family must be that
 * machine's: its host's or VM's, or for a pod's container, that of every node the cluster
 * may schedule it on.
 */
public final class ContainerOsMismatchRule implements Rule {
  @Override
  public RuleId id() {
    return RuleId.CONTAINER_OS_MISMATCH;
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    for (Entity container : program.entities(EntityKind.CONTAINER)) {
      Optional<OsFamily> family = container.properties().osFamily();
      if (family.isEmpty()) {
        continue;
      }
      Optional<Entity> kernel = program.kernel(container);
      if (kernel.isPresent()) {
        Optional<OsFamily> kernelFamily = kernel.get().properties().osFamily();
        if (kernelFamily.isPresent() && kernelFamily.get() != family.get()) {
          acceptor.report(container.properties().os().get(),
              container.describe() + " runs " + family.get().word() + " but its " + kernel.get().describe()
                  + " runs a " + kernelFamily.get().word() + " kernel",
              List.of(related(kernel.get(), kernelFamily.get())));
        }
        continue;
      }
      Optional<Entity> cluster = program.cluster(container);
      if (cluster.isEmpty()) {
        continue;
      }
      List<Related> mismatched = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (Entity node : program.nodesOf(cluster.get())) {
        Optional<OsFamily> nodeFamily = node.properties().osFamily();
        if (nodeFamily.isPresent() && nodeFamily.get() != family.get()) {
          mismatched.add(related(node, nodeFamily.get()));
          names.add(node.describe() + " (" + nodeFamily.get().word() + ")");
        }
      }
      if (!mismatched.isEmpty()) {
        acceptor.report(container.properties().os().get(),
            container.describe() + " runs " + family.get().word() + " but " + cluster.get().describe()
                + " may schedule it on " + Words.and(names) + ", whose kernel differs",
            mismatched);
      }
    }
  }

  private static Related related(Entity machine, OsFamily family) {
    return Acceptor.related(machine.properties().os().map(o -> (dev.topo.model.Located) o).orElse(machine.name()),
        machine.describe() + " runs " + family.word());
  }
}
