package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Finding;
import dev.topo.check.Fix;
import dev.topo.check.FixContext;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.check.edit.SourceEdit;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Located;
import dev.topo.model.Message;
import dev.topo.model.OsFamily;
import dev.topo.model.OsSpec;
import dev.topo.model.Property;
import dev.topo.model.Related;
import dev.topo.workspace.Program;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A container shares the kernel of the machine it runs on, so its OS family must be that
 * machine's: its host's or VM's, or for a pod's container, that of every node the cluster
 * may schedule it on (those its pod's selectors match). No runtime runs macOS containers, so
 * one of those is a mismatch wherever it is. The repair sets the container's OS to the
 * kernel's family when there is one family: nodes of different families leave no single OS
 * that fits them all.
 */
public final class ContainerOsMismatchRule implements Rule {
  private static final Info INFO = new Info("container-os-mismatch", Severity.ERROR,
      "A container's OS differs from the kernel it runs on",
      "A container with a known `os` family runs on a kernel whose declared family differs: its host's or "
          + "VM's. For a pod's container, any node of its cluster that the pod's `select`s match can be the kernel, "
          + "and one finding lists every such node. A container with `os macos` is a mismatch anywhere: no "
          + "container runtime runs macOS containers.",
      "the container's `os`, with notes at the machines' `os`");

  @Override
  public Info info() {
    return INFO;
  }

  /** The container's os statement, and the one family of the kernels it may run on, described as {@code kernels}. */
  private record KernelFamily(Entity container, Property<OsSpec> os, OsFamily family, Message kernels)
      implements Finding.Data {}

  /** The machines whose kernel a container may run on, and how messages name them. */
  private record Kernels(List<Entity> machines, Message named) {}

  @Override
  public void check(Program program, Acceptor acceptor) {
    for (Entity container : program.entities(EntityKind.CONTAINER)) {
      Optional<OsFamily> family = container.properties().osFamily();
      if (family.isEmpty()) {
        continue;
      }
      Property<OsSpec> os = container.properties().os().get();
      Kernels kernels = kernels(program, container);
      List<Entity> mismatched = kernels.machines().stream()
          .filter(k -> k.properties().osFamily().filter(f -> f != family.get()).isPresent()).toList();
      List<Related> notes = mismatched.stream().map(k -> related(k, k.properties().osFamily().get())).toList();
      if (family.get() == OsFamily.MACOS) {
        acceptor.report(os, Message.of("container-os-mismatch.macos", container.described()),
            notes, repair(container, os, kernels));
      } else if (!mismatched.isEmpty()) {
        acceptor.report(os, Message.of("container-os-mismatch.message", container.described(), family.get().named(),
            mismatch(program, container, mismatched)), notes, repair(container, os, kernels));
      }
    }
  }

  /** Its host or VM; else, in a pod, the nodes its pod may run on; else none. */
  private static Kernels kernels(Program program, Entity container) {
    Optional<Entity> kernel = program.kernel(container);
    if (kernel.isPresent()) {
      return new Kernels(List.of(kernel.get()), kernel.get().described());
    }
    Optional<Entity> cluster = program.cluster(container);
    if (cluster.isEmpty()) {
      return new Kernels(List.of(), Message.literal(""));
    }
    return new Kernels(program.nodesFor(container),
        selects(program, container) ? Message.of("container-os-mismatch.selected")
            : Message.of("container-os-mismatch.nodes", cluster.get().described()));
  }

  private static boolean selects(Program program, Entity container) {
    return program.parent(container).filter(pod -> !pod.properties().selectors().isEmpty()).isPresent();
  }

  /** What the message says after the container's family: where the kernel of another family is. */
  private static Message mismatch(Program program, Entity container, List<Entity> mismatched) {
    Optional<Entity> kernel = program.kernel(container);
    if (kernel.isPresent()) {
      return Message.of("container-os-mismatch.held", kernel.get().described(),
          kernel.get().properties().osFamily().get().named());
    }
    Message cluster = program.cluster(container).orElseThrow().described();
    Message nodes = Message.and(mismatched.stream()
        .map(n -> Message.of("kernels.node", n.described(), n.properties().osFamily().get().named())).toList());
    return Message.of(selects(program, container) ? "container-os-mismatch.selects" : "container-os-mismatch.scheduled",
        cluster, nodes);
  }

  /** The repair's data when the kernels have one family, another than the container's, that containers can have. */
  private static Finding.Data repair(Entity container, Property<OsSpec> os, Kernels kernels) {
    Set<OsFamily> families = new LinkedHashSet<>();
    kernels.machines().forEach(k -> k.properties().osFamily().ifPresent(families::add));
    OsFamily own = container.properties().osFamily().orElseThrow();
    if (families.size() != 1 || families.contains(own) || families.contains(OsFamily.MACOS)) {
      return Finding.Data.NONE;
    }
    return new KernelFamily(container, os, families.iterator().next(), kernels.named());
  }

  private static Related related(Entity machine, OsFamily family) {
    return Acceptor.related(machine.properties().os().map(o -> (Located) o).orElse(machine.name()),
        Message.of("container-os-mismatch.note", machine.described(), family.named()));
  }

  @Override
  public List<Fix> fixes(FixContext context, Finding finding) {
    if (!(finding.data() instanceof KernelFamily kernel)) {
      return List.of();
    }
    String family = kernel.family().word();
    // The release named the old family's distribution ("rhel 7"), so it goes with it.
    return List.of(Fix.repair(Message.of("container-os-mismatch.fix", kernel.container().described(),
        kernel.family().named(), kernel.kernels()), finding, List.of(new SourceEdit(kernel.os().valueSpan(), family))));
  }
}
