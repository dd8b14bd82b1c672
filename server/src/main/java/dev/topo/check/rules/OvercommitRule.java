package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Located;
import dev.topo.model.Related;
import dev.topo.workspace.Capacity;
import dev.topo.workspace.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a machine hands out must fit in what it has: a host's VMs and containers within the
 * host, a VM's containers within the VM, and a cluster's pods, times their replicas, within
 * the sum of its nodes. Only declared amounts count; a missing one is not guessed.
 */
public final class OvercommitRule implements Rule {
  private static final Info INFO = new Info("overcommit", Severity.WARNING,
      "More cpu or memory is given out than the host, VM or cluster has",
      "The direct VMs and containers of a host are given more cpu or memory than the host declares. Or the "
          + "containers of a VM are given more than the VM declares. Or a cluster's pods × replicas need more "
          + "than the sum of its nodes (see [effective resources](#effective-resources)).",
      "the host's or VM's `cpu` or `memory`, with notes at each guest; the cluster's name");

  @Override
  public Info info() {
    return INFO;
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    program.forEachEntity(e -> {
      if (e.kind() == EntityKind.HOST) {
        List<Entity> guests = new ArrayList<>(e.children(EntityKind.VM));
        guests.addAll(e.children(EntityKind.CONTAINER));
        checkMachine(e, guests, "its VMs and containers", acceptor);
      } else if (e.kind() == EntityKind.VM) {
        checkMachine(e, e.children(EntityKind.CONTAINER), "its containers", acceptor);
      } else if (e.kind() == EntityKind.CLUSTER) {
        checkCluster(program, e, acceptor);
      }
    });
  }

  private static void checkMachine(Entity machine, List<Entity> guests, String what, Acceptor acceptor) {
    if (guests.isEmpty()) {
      return;
    }
    Capacity given = Capacity.sum(guests);
    Optional<Double> cpu = machine.properties().cpuValue();
    if (cpu.isPresent() && given.cpu() > cpu.get() + 1e-9) {
      acceptor.report(machine.properties().cpu().get(), machine.describe() + " has " + Capacity.cores(cpu.get())
          + " cpu but " + what + " are given " + Capacity.cores(given.cpu()), givers(guests, true));
    }
    Optional<Long> memory = machine.properties().memoryValue().map(q -> q.bytes());
    if (memory.isPresent() && given.memory() > memory.get()) {
      acceptor.report(machine.properties().memory().get(), machine.describe() + " has " + Capacity.bytes(memory.get())
          + " of memory but " + what + " are given " + Capacity.bytes(given.memory()), givers(guests, false));
    }
  }

  private static List<Related> givers(List<Entity> guests, boolean cpu) {
    List<Related> related = new ArrayList<>();
    for (Entity guest : guests) {
      Optional<? extends Located> amount = cpu ? guest.properties().cpu() : guest.properties().memory();
      amount.ifPresent(a -> related.add(Acceptor.related(a, guest.describe() + " is given "
          + (cpu ? Capacity.cores(Capacity.declared(guest).cpu()) + " cpu" : Capacity.bytes(Capacity.declared(guest).memory())))));
    }
    return related;
  }

  private static void checkCluster(Program program, Entity cluster, Acceptor acceptor) {
    List<Entity> nodes = program.nodesOf(cluster);
    List<Entity> pods = cluster.children(EntityKind.POD);
    if (nodes.isEmpty() || pods.isEmpty()) {
      return;
    }
    Capacity needed = Capacity.ZERO;
    for (Entity pod : pods) {
      needed = needed.plus(Capacity.perReplica(pod).times(pod.properties().replicaCount()));
    }
    boolean cpuKnown = nodes.stream().allMatch(n -> n.properties().cpuValue().isPresent());
    boolean memoryKnown = nodes.stream().allMatch(n -> n.properties().memoryValue().isPresent());
    Capacity capacity = Capacity.sum(nodes);
    List<String> over = new ArrayList<>();
    if (cpuKnown && needed.cpu() > capacity.cpu() + 1e-9) {
      over.add(Capacity.cores(needed.cpu()) + " cpu where its nodes have " + Capacity.cores(capacity.cpu()));
    }
    if (memoryKnown && needed.memory() > capacity.memory()) {
      over.add(Capacity.bytes(needed.memory()) + " of memory where its nodes have " + Capacity.bytes(capacity.memory()));
    }
    if (!over.isEmpty()) {
      acceptor.report(cluster.name(), "the pods of " + cluster.describe() + ", times their replicas, need "
          + String.join(" and ", over));
    }
  }
}
