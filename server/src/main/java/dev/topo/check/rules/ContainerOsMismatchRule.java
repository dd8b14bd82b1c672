package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Finding;
import dev.topo.check.Moves;
import dev.topo.check.Fix;
import dev.topo.check.FixContext;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.check.edit.SourceEdit;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Keyword;
import dev.topo.model.Located;
import dev.topo.model.Message;
import dev.topo.model.OsFamily;
import dev.topo.model.OsSpec;
import dev.topo.model.Property;
import dev.topo.model.Related;
import dev.topo.workspace.Program;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A container shares the kernel of the machine it runs on, so its OS family must be that
 * machine's: its host's or VM's, or for a pod's container, that of every node the cluster
 * may schedule it on (those its pod's selectors match). No runtime runs macOS containers, so
 * one of those is a mismatch wherever it is.
 *
 * <p>Its fixes change where the container runs, not what it says it is: a container on a
 * host or VM moves into a new VM of its own family on that host (declaring the host's
 * hypervisor if it has none); a pod's container keeps its pod on the nodes of its family
 * with a selector. Setting the container's OS to the kernel's is offered too, for a
 * container mislabelled in the design, but never preferred: for a real Linux image it
 * silences the error and fixes nothing.
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
  public Scope scope() {
    return Scope.BLOCK;
  }

  @Override
  public Info info() {
    return INFO;
  }

  /**
   * A mismatched container: its os statement, the one family of the kernels it may run on
   * (if they share one that containers can have), described as {@code kernels}.
   */
  private record Mismatch(Entity container, Property<OsSpec> os, Optional<OsFamily> kernelFamily, Message kernels)
      implements Finding.Data {
    @Override
    public Finding.Data moved(Moves moves) {
      return new Mismatch(moves.entity(container), moves.property(os), kernelFamily, kernels);
    }
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    // The machines of another family, per list of kernels (a pod's nodes, the same list for
    // each of its containers) and family: worked out once, not per container and node.
    Map<List<Entity>, Map<OsFamily, List<Entity>>> others = new IdentityHashMap<>();
    for (Entity container : program.checked(EntityKind.CONTAINER)) {
      Optional<OsFamily> family = container.properties().osFamily();
      if (family.isEmpty()) {
        continue;
      }
      Property<OsSpec> os = container.properties().os().get();
      List<Entity> kernels = kernels(program, container);
      List<Entity> mismatched = others.computeIfAbsent(kernels, k -> new EnumMap<>(OsFamily.class))
          .computeIfAbsent(family.get(), own -> kernels.stream()
              .filter(k -> k.properties().osFamily().filter(f -> f != own).isPresent()).toList());
      List<Related> notes = mismatched.stream().map(k -> related(program, k, k.properties().osFamily().get())).toList();
      if (family.get() == OsFamily.MACOS) {
        acceptor.report(os, Message.of("container-os-mismatch.macos", container.described()),
            notes, repair(program, container, os, kernels));
      } else if (!mismatched.isEmpty()) {
        acceptor.report(os, Message.of("container-os-mismatch.message", container.described(), family.get().named(),
            mismatch(program, container, mismatched)), notes, repair(program, container, os, kernels));
      }
    }
  }

  /** Its host or VM; else, in a pod, the nodes its pod may run on; else none. */
  private static List<Entity> kernels(Program program, Entity container) {
    Optional<Entity> kernel = program.kernel(container);
    if (kernel.isPresent()) {
      return List.of(kernel.get());
    }
    return program.cluster(container).isEmpty() ? List.of() : program.nodesFor(container);
  }

  /** How messages name the kernels (asked only for a finding: most containers have none). */
  private static Message kernelsNamed(Program program, Entity container) {
    Optional<Entity> kernel = program.kernel(container);
    if (kernel.isPresent()) {
      return kernel.get().described();
    }
    Optional<Entity> cluster = program.cluster(container);
    if (cluster.isEmpty()) {
      return Message.literal("");
    }
    return selects(program, container) ? Message.of("container-os-mismatch.selected")
        : Message.of("container-os-mismatch.nodes", cluster.get().described());
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

  /** What the fixes need: the kernels' one family, when they have one, another than the container's, that containers can have. */
  private static Finding.Data repair(Program program, Entity container, Property<OsSpec> os, List<Entity> kernels) {
    Set<OsFamily> families = new LinkedHashSet<>();
    kernels.forEach(k -> k.properties().osFamily().ifPresent(families::add));
    OsFamily own = container.properties().osFamily().orElseThrow();
    boolean one = families.size() == 1 && !families.contains(own) && !families.contains(OsFamily.MACOS);
    return new Mismatch(container, os, one ? Optional.of(families.iterator().next()) : Optional.empty(),
        kernelsNamed(program, container));
  }

  private static Related related(Program program, Entity machine, OsFamily family) {
    return Acceptor.related(program, machine.properties().os().map(o -> (Located) o).orElse(machine.name()),
        Message.of("container-os-mismatch.note", machine.described(), family.named()));
  }

  @Override
  public List<Fix> fixes(FixContext context, Finding finding) {
    if (!(finding.data() instanceof Mismatch mismatch)) {
      return List.of();
    }
    List<Fix> fixes = new ArrayList<>();
    ContainerMove.intoNewVm(context, finding, mismatch.container()).ifPresent(fixes::add);
    selectOwnFamily(context, finding, mismatch.container()).ifPresent(fixes::add);
    mismatch.kernelFamily().ifPresent(family -> {
      // The release named the old family's distribution ("rhel 7"), so it goes with it.
      fixes.add(new Fix(Message.of("container-os-mismatch.fix", mismatch.container().described(), family.named(),
          mismatch.kernels()), Optional.of(finding), false, List.of(new SourceEdit(context.program().span(mismatch.os().valueSpan()), family.word()))));
    });
    return fixes;
  }

  /**
   * For a pod's container, {@code select os "FAMILY"} on its pod, when some node it may run
   * on now has the container's family: the scheduler then places it only there.
   */
  private static Optional<Fix> selectOwnFamily(FixContext context, Finding finding, Entity container) {
    Program program = context.program();
    Optional<Entity> pod = program.pod(container);
    OsFamily own = container.properties().osFamily().orElseThrow();
    if (pod.isEmpty() || own == OsFamily.MACOS || program.nodesFor(container).stream()
        .noneMatch(n -> n.properties().osFamily().filter(f -> f == own).isPresent())) {
      return Optional.empty();
    }
    String statement = Keyword.SELECT.word() + " os \"" + own.word() + "\"";
    return context.addStatements(finding, pod.get(), List.of(statement),
        Message.of("arch-mismatch.fix", pod.get().described(), own.word(), statement)).stream().findFirst();
  }
}
