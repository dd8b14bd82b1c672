package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Finding;
import dev.topo.check.Fix;
import dev.topo.check.FixContext;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.check.Words;
import dev.topo.check.edit.SourceEdit;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Located;
import dev.topo.model.OsFamily;
import dev.topo.model.OsSpec;
import dev.topo.model.Property;
import dev.topo.model.Related;
import dev.topo.workspace.Program;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A container shares the kernel of the machine it runs on, so its OS family must be that
 * machine's: its host's or VM's, or for a pod's container, that of every node the cluster
 * may schedule it on. The repair sets the container's OS to the kernel's family when there
 * is one family: nodes of different families leave no single OS that fits them all.
 */
public final class ContainerOsMismatchRule implements Rule {
  private static final Info INFO = new Info("container-os-mismatch", Severity.ERROR,
      "A container's OS differs from the kernel it runs on",
      "A container with a known `os` family runs on a kernel whose declared family differs: its host's or "
          + "VM's. For a pod's container, any node of its cluster can be the kernel, and one finding lists every "
          + "such node.",
      "the container's `os`, with notes at the machines' `os`");

  @Override
  public Info info() {
    return INFO;
  }

  /** The container's os statement, and the one family of the kernels it may run on, described as {@code kernels}. */
  private record KernelFamily(Entity container, Property<OsSpec> os, OsFamily family, String kernels)
      implements Finding.Data {}

  @Override
  public void check(Program program, Acceptor acceptor) {
    for (Entity container : program.entities(EntityKind.CONTAINER)) {
      Optional<OsFamily> family = container.properties().osFamily();
      if (family.isEmpty()) {
        continue;
      }
      Property<OsSpec> os = container.properties().os().get();
      Optional<Entity> kernel = program.kernel(container);
      if (kernel.isPresent()) {
        Optional<OsFamily> kernelFamily = kernel.get().properties().osFamily();
        if (kernelFamily.isPresent() && kernelFamily.get() != family.get()) {
          acceptor.report(os,
              container.describe() + " runs " + family.get().word() + " but its " + kernel.get().describe()
                  + " runs a " + kernelFamily.get().word() + " kernel",
              List.of(related(kernel.get(), kernelFamily.get())),
              new KernelFamily(container, os, kernelFamily.get(), kernel.get().describe()));
        }
        continue;
      }
      Optional<Entity> cluster = program.cluster(container);
      if (cluster.isEmpty()) {
        continue;
      }
      List<Related> mismatched = new ArrayList<>();
      List<String> names = new ArrayList<>();
      Set<OsFamily> nodeFamilies = new LinkedHashSet<>();
      for (Entity node : program.nodesOf(cluster.get())) {
        Optional<OsFamily> nodeFamily = node.properties().osFamily();
        nodeFamily.ifPresent(nodeFamilies::add);
        if (nodeFamily.isPresent() && nodeFamily.get() != family.get()) {
          mismatched.add(related(node, nodeFamily.get()));
          names.add(node.describe() + " (" + nodeFamily.get().word() + ")");
        }
      }
      if (!mismatched.isEmpty()) {
        Finding.Data data = nodeFamilies.size() == 1
            ? new KernelFamily(container, os, nodeFamilies.iterator().next(), "the nodes of " + cluster.get().describe())
            : Finding.Data.NONE;
        acceptor.report(os,
            container.describe() + " runs " + family.get().word() + " but " + cluster.get().describe()
                + " may schedule it on " + Words.and(names) + ", whose kernel differs",
            mismatched, data);
      }
    }
  }

  private static Related related(Entity machine, OsFamily family) {
    return Acceptor.related(machine.properties().os().map(o -> (Located) o).orElse(machine.name()),
        machine.describe() + " runs " + family.word());
  }

  @Override
  public List<Fix> fixes(FixContext context, Finding finding) {
    if (!(finding.data() instanceof KernelFamily kernel)) {
      return List.of();
    }
    String family = kernel.family().word();
    // The release named the old family's distribution ("rhel 7"), so it goes with it.
    return List.of(Fix.repair("Set the OS of " + kernel.container().describe() + " to " + family + ", the kernel of "
        + kernel.kernels(), finding, List.of(new SourceEdit(kernel.os().valueSpan(), family))));
  }
}
