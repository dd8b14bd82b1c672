package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Located;
import dev.topo.model.Message;
import dev.topo.model.Name;
import dev.topo.model.OsFamily;
import dev.topo.model.Property;
import dev.topo.model.Related;
import dev.topo.model.Tool;
import dev.topo.model.Version;
import dev.topo.workspace.Platform;
import dev.topo.workspace.Platform.Fact;
import dev.topo.workspace.Program;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Containers are made of kernel features, namespaces and cgroups, and container runtimes need
 * those of Linux 3.10 and later. So a host or VM that runs a runtime, or that a cluster
 * schedules pods on, must have such a kernel: as declared, else as its release ships
 * ({@link Platform}). A machine whose kernel is not known is not checked.
 *
 * <p>No repair: a newer kernel is a new OS install, which only the designer can describe.
 */
public final class KernelTooOldRule implements Rule {
  /** The oldest kernel container runtimes support; only the numbers count, not a distribution's build suffix. */
  private static final Version OLDEST = Version.floor(List.of(3L, 10L));

  private static final Info INFO = new Info("kernel-too-old", Severity.ERROR,
      "A container runtime or cluster node on a Linux kernel older than 3.10",
      "A host or VM that has a `runtime`, or that a cluster's `nodes` name, runs a Linux kernel older than 3.10: "
          + "its `kernel`, else the kernel its `os linux` release ships (CentOS 6: 2.6.32). A machine whose kernel "
          + "is not known, or whose OS is not Linux, is not checked.",
      "the `kernel` statement, else the `os`, with notes at the `runtime` and the `nodes` entries");

  @Override
  public Info info() {
    return INFO;
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    Map<Entity, List<NodeEntry>> entriesOf = new LinkedHashMap<>();
    for (Entity cluster : program.entities(EntityKind.CLUSTER)) {
      for (Name entry : cluster.properties().nodes().flatMap(Property::known).orElse(List.of())) {
        program.node(entry.text()).ifPresent(node ->
            entriesOf.computeIfAbsent(node, n -> new ArrayList<>()).add(new NodeEntry(cluster, entry)));
      }
    }
    for (EntityKind kind : List.of(EntityKind.HOST, EntityKind.VM)) {
      for (Entity machine : program.checked(kind)) {
        check(program, machine, entriesOf.getOrDefault(machine, List.of()), acceptor);
      }
    }
  }

  /** A {@code nodes} entry that names a machine, and its cluster. */
  private record NodeEntry(Entity cluster, Name entry) {}

  private static void check(Program program, Entity machine, List<NodeEntry> entries, Acceptor acceptor) {
    Optional<Property<Tool>> runtime = machine.properties().runtime();
    if (runtime.isEmpty() && entries.isEmpty()
        || machine.properties().osFamily().filter(f -> f != OsFamily.LINUX).isPresent()) {
      return;
    }
    Optional<Fact<Version>> kernel = program.platform(machine).kernel()
        .filter(k -> k.value().compareNumbers(OLDEST) < 0);
    if (kernel.isEmpty()) {
      return;
    }
    List<Message> roles = new ArrayList<>();
    List<Related> notes = new ArrayList<>();
    runtime.ifPresent(r -> {
      roles.add(Message.of("kernel-too-old.runtime"));
      notes.add(Acceptor.related(program, r, Message.of("kernel-too-old.runtime.note", machine.described())));
    });
    if (!entries.isEmpty()) {
      roles.add(Message.of("kernel-too-old.node",
          Message.and(entries.stream().map(e -> e.cluster().described()).distinct().toList())));
      entries.forEach(e -> notes.add(Acceptor.related(program, e.entry(),
          Message.of("kernel-too-old.node.note", e.cluster().described(), machine.described()))));
    }
    Fact<Version> version = kernel.get();
    boolean declared = machine.properties().kernel().flatMap(Property::known).isPresent();
    Message source = declared ? Message.of("kernel-too-old.declared")
        : Message.of("kernel-too-old.ships", version.said(), version.value());
    Located at = declared ? machine.properties().kernel().get() : machine.properties().os().get();
    acceptor.report(at, Message.of("kernel-too-old.message", machine.described(),
        roles.size() == 1 ? roles.get(0) : Message.of("kernel-too-old.roles", roles.get(0), roles.get(1)),
        version.value(), source, OLDEST), notes);
  }
}
