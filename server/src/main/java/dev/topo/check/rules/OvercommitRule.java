package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Located;
import dev.topo.model.Message;
import dev.topo.model.Related;
import dev.topo.workspace.Capacity;
import dev.topo.workspace.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a machine hands out must fit in what it has: the limits of a host's VMs and containers
 * within the host, a VM's containers within the VM, and the requests of a cluster's pods,
 * times their replicas, within what its nodes have left after running their own guests. Only
 * declared amounts count; a missing one is not guessed.
 */
public final class OvercommitRule implements Rule {
  private static final Info INFO = new Info("overcommit", Severity.WARNING,
      "More cpu or memory is given out than the host, VM or cluster has",
      "The direct VMs and containers of a host are given more cpu or memory than the host declares. Or the "
          + "containers of a VM are given more than the VM declares. Or a cluster's pods × replicas request more "
          + "than its nodes have free: what they declare less what they run themselves, their own containers' "
          + "limits and their VMs (see [effective resources](#effective-resources)). Figures that would read the "
          + "same once rounded are shown exactly.",
      "the host's or VM's `cpu` or `memory`, with notes at each guest; the cluster's name");

  @Override
  public Scope scope() {
    return Scope.BLOCK;
  }

  @Override
  public Info info() {
    return INFO;
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    for (Entity host : program.checked(EntityKind.HOST)) {
      List<Entity> guests = new ArrayList<>(host.children(EntityKind.VM));
      guests.addAll(host.children(EntityKind.CONTAINER));
      checkMachine(program, host, guests, Message.of("overcommit.guests"), acceptor);
    }
    for (Entity vm : program.checked(EntityKind.VM)) {
      checkMachine(program, vm, vm.children(EntityKind.CONTAINER), Message.of("overcommit.containers"), acceptor);
    }
    // A cluster counts pods against nodes that other files may declare: every cluster is looked at.
    for (Entity cluster : program.entities(EntityKind.CLUSTER)) {
      checkCluster(program, cluster, acceptor);
    }
  }

  private static void checkMachine(Program program, Entity machine, List<Entity> guests, Message what, Acceptor acceptor) {
    if (guests.isEmpty()) {
      return;
    }
    Capacity given = Capacity.sum(guests);
    Optional<Double> cpu = machine.properties().cpuValue();
    if (cpu.isPresent() && given.cpu() > cpu.get() + 1e-9) {
      acceptor.report(machine.properties().cpu().get(), Message.of("overcommit.cpu", machine.described(),
          Capacity.coresBeside(cpu.get(), given.cpu()), what, Capacity.coresBeside(given.cpu(), cpu.get())),
          givers(program, guests, true));
    }
    Optional<Long> memory = machine.properties().memoryValue().map(q -> q.bytes());
    if (memory.isPresent() && given.memory() > memory.get()) {
      acceptor.report(machine.properties().memory().get(), Message.of("overcommit.memory", machine.described(),
          Capacity.bytesBeside(memory.get(), given.memory()), what, Capacity.bytesBeside(given.memory(), memory.get())),
          givers(program, guests, false));
    }
  }

  private static List<Related> givers(Program program, List<Entity> guests, boolean cpu) {
    List<Related> related = new ArrayList<>();
    for (Entity guest : guests) {
      Optional<? extends Located> amount = cpu ? guest.properties().cpu() : guest.properties().memory();
      amount.ifPresent(a -> related.add(Acceptor.related(program, a, cpu
          ? Message.of("overcommit.given.cpu", guest.described(), Capacity.cores(Capacity.declared(guest).cpu()))
          : Message.of("overcommit.given.memory", guest.described(), Capacity.bytes(Capacity.declared(guest).memory())))));
    }
    return related;
  }

  /**
   * A cluster's pods reserve their requests on nodes that keep what they run themselves, so
   * the sum of requests is held against the sum of the nodes' free capacity. An amount is
   * compared only when every node declares it.
   */
  private static void checkCluster(Program program, Entity cluster, Acceptor acceptor) {
    List<Entity> nodes = program.nodesOf(cluster);
    if (nodes.isEmpty() || cluster.children(EntityKind.POD).isEmpty()) {
      return;
    }
    Capacity needed = Capacity.needed(program, cluster);
    Capacity declared = Capacity.sum(nodes);
    Capacity free = Capacity.free(nodes);
    boolean cpuKnown = nodes.stream().allMatch(n -> n.properties().cpuValue().isPresent());
    boolean memoryKnown = nodes.stream().allMatch(n -> n.properties().memoryValue().isPresent());
    List<Message> over = new ArrayList<>();
    if (cpuKnown && needed.cpu() > free.cpu() + 1e-9) {
      String need = Capacity.coresBeside(needed.cpu(), free.cpu());
      String have = Capacity.coresBeside(free.cpu(), needed.cpu());
      over.add(free.cpu() < declared.cpu() - 1e-9
          ? Message.of("overcommit.cluster.cpu.free", need, have, Capacity.cores(declared.cpu()))
          : Message.of("overcommit.cluster.cpu", need, have));
    }
    if (memoryKnown && needed.memory() > free.memory()) {
      String need = Capacity.bytesBeside(needed.memory(), free.memory());
      String have = Capacity.bytesBeside(free.memory(), needed.memory());
      over.add(free.memory() < declared.memory()
          ? Message.of("overcommit.cluster.memory.free", need, have, Capacity.bytes(declared.memory()))
          : Message.of("overcommit.cluster.memory", need, have));
    }
    if (!over.isEmpty()) {
      acceptor.report(cluster.name(), Message.of("overcommit.cluster", cluster.described(),
          over.size() == 1 ? over.get(0) : Message.of("overcommit.cluster.both", over.get(0), over.get(1))));
    }
  }
}
