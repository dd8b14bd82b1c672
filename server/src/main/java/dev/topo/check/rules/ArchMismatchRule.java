package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Finding;
import dev.topo.check.Moves;
import dev.topo.check.Fix;
import dev.topo.check.FixContext;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.model.Arch;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Keyword;
import dev.topo.model.Message;
import dev.topo.model.Property;
import dev.topo.model.Related;
import dev.topo.workspace.Program;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Machine code runs only on the CPU it was compiled for. A container brings its binaries
 * but uses the kernel, and so the CPU, of the machine that runs it: one of the architectures
 * its image is built for must be that kernel's (or one the kernel also runs: 32-bit x86 on
 * amd64, 32-bit arm on arm64). A VM's guest runs on the host's CPU too, unless the hypervisor
 * emulates another one ({@code qemu}). A machine whose architecture is not known is not
 * checked against.
 *
 * <p>The only honest repair is for a pod: to select nodes of an architecture its images are
 * built for. Changing an {@code arch} list would describe an image that does not exist, and
 * a VM's architecture is that of the guest system installed in it.
 */
public final class ArchMismatchRule implements Rule {
  /** The hypervisor that emulates a CPU instead of lending the host's. */
  private static final String EMULATOR = "qemu";

  private static final Info INFO = new Info("arch-mismatch", Severity.ERROR,
      "A container or VM is built for another CPU architecture than the one it runs on",
      "A container's `arch` list has no architecture that the kernel it runs on executes: its host's or VM's "
          + "(a VM without `arch` has its host's), or for a pod's container, that of any node it may run on (the "
          + "nodes of its cluster that match its `select`s), one finding listing every such node. A kernel also "
          + "runs `386` on `amd64` and `arm` on `arm64`. Also a VM whose `arch` differs from its host's, unless "
          + "the host's hypervisor is `qemu` (emulation). A container without `arch` and a host without `arch` "
          + "are not checked.",
      "the container's or VM's `arch`, with notes at the machines' `arch`");

  @Override
  public Scope scope() {
    return Scope.BLOCK;
  }

  @Override
  public Info info() {
    return INFO;
  }

  /** The pod whose nodes a repair narrows to those of one architecture. */
  private record SelectArch(Entity pod, Arch arch) implements Finding.Data {
    @Override
    public Finding.Data moved(Moves moves) {
      return new SelectArch(moves.entity(pod), arch);
    }
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    for (Entity vm : program.checked(EntityKind.VM)) {
      checkVm(program, vm, acceptor);
    }
    for (Entity container : program.checked(EntityKind.CONTAINER)) {
      archs(container).ifPresent(built -> checkContainer(program, container, built, acceptor));
    }
  }

  private static void checkVm(Program program, Entity vm, Acceptor acceptor) {
    Optional<Property<List<Arch>>> own = vm.properties().arch();
    Optional<Arch> guest = archs(vm).map(a -> a.get(0));
    Optional<Entity> host = program.parent(vm).filter(p -> p.kind() == EntityKind.HOST);
    if (guest.isEmpty() || host.isEmpty() || emulates(host.get())) {
      return;
    }
    program.arch(host.get()).filter(h -> h != guest.get()).ifPresent(h -> acceptor.report(own.get(),
        Message.of("arch-mismatch.vm", vm.described(), guest.get().word(), host.get().described(), h.word(), EMULATOR),
        List.of(related(program, host.get(), h))));
  }

  private static boolean emulates(Entity host) {
    return host.properties().hypervisor().flatMap(Property::known)
        .filter(t -> t.name().equalsIgnoreCase(EMULATOR)).isPresent();
  }

  private static void checkContainer(Program program, Entity container, List<Arch> built, Acceptor acceptor) {
    ContainerKernels kernels = ContainerKernels.of(program, container);
    record Mismatch(Entity machine, Arch arch) {}
    List<Mismatch> mismatched = kernels.machines().stream()
        .flatMap(m -> program.arch(m).filter(k -> !runsAny(k, built)).map(k -> new Mismatch(m, k)).stream())
        .toList();
    if (mismatched.isEmpty()) {
      return;
    }
    Finding.Data data = Finding.Data.NONE;
    if (kernels.cluster().isPresent()) {
      Entity pod = program.pod(container).orElseThrow();
      data = fitting(program, pod, kernels.machines()).<Finding.Data>map(a -> new SelectArch(pod, a))
          .orElse(Finding.Data.NONE);
    }
    acceptor.report(container.properties().arch().get(),
        Message.of("arch-mismatch.container", container.described(), Message.and(built.stream().map(Arch::word).toList()),
            kernels.where(mismatched, Mismatch::machine, m -> Message.of("arch-mismatch.runs", m.arch().word()),
                m -> m.arch().word())),
        mismatched.stream().map(m -> related(program, m.machine(), m.arch())).toList(), data);
  }

  /** A machine's or image's architectures, when written and valid. */
  private static Optional<List<Arch>> archs(Entity entity) {
    return entity.properties().arch().flatMap(Property::known).filter(a -> !a.isEmpty());
  }

  private static boolean runsAny(Arch kernel, List<Arch> built) {
    return built.stream().anyMatch(kernel::runs);
  }

  /**
   * The first architecture of the pod's nodes that runs every container of the pod that
   * lists its own: selecting it leaves nodes that run them all.
   */
  private static Optional<Arch> fitting(Program program, Entity pod, List<Entity> nodes) {
    List<List<Arch>> images = new ArrayList<>();
    pod.forEachInTree(e -> {
      if (e.kind() == EntityKind.CONTAINER) {
        archs(e).ifPresent(images::add);
      }
    });
    Set<Arch> candidates = new LinkedHashSet<>();
    nodes.forEach(node -> program.arch(node).ifPresent(candidates::add));
    return candidates.stream().filter(k -> images.stream().allMatch(built -> runsAny(k, built))).findFirst();
  }

  /** A note at the statement that gives a machine its architecture: its own, or its host's for a VM. */
  private static Related related(Program program, Entity machine, Arch arch) {
    Optional<Property<List<Arch>>> own = machine.properties().arch().filter(p -> p.known().isPresent());
    if (own.isPresent()) {
      return Acceptor.related(program, own.get(), Message.of("arch-mismatch.note", machine.described(), arch.word()));
    }
    Entity host = program.parent(machine).orElseThrow();
    return Acceptor.related(program, host.properties().arch().get(),
        Message.of("arch-mismatch.note.host", machine.described(), arch.word(), host.described()));
  }

  @Override
  public List<Fix> fixes(FixContext context, Finding finding) {
    if (!(finding.data() instanceof SelectArch select)) {
      return List.of();
    }
    String word = select.arch().word();
    String statement = Keyword.SELECT.word() + " arch \"" + word + "\"";
    return context.addStatements(finding, select.pod(), List.of(statement),
        Message.of("arch-mismatch.fix", select.pod().described(), word, statement));
  }
}
