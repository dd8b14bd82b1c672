package dev.topo.ide;

import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Quantity;
import dev.topo.workspace.Capacity;
import dev.topo.workspace.Program;
import java.util.List;
import java.util.Optional;

/**
 * How much of a machine's or a cluster's cpu and memory is handed out, for editors to show,
 * counted with {@link Capacity} as the overcommit rule counts it: a host gives to its VMs and containers, a VM to its
 * containers, a cluster to its pods times their replicas out of the sum of its nodes. Only
 * declared amounts count; a capacity is unknown (empty) when it, or one node's, is not given.
 *
 * @param cpuUsed cores given out
 * @param cpu cores available
 * @param memoryUsed bytes given out
 * @param memory bytes available
 */
public record Usage(double cpuUsed, Optional<Double> cpu, long memoryUsed, Optional<Long> memory) {
  /** What one pod needs: its containers' limits, per replica and for all its replicas. */
  public record Demand(int replicas, double cpu, long memory, boolean cpuDeclared, boolean memoryDeclared) {
    public double totalCpu() {
      return cpu * replicas;
    }

    public long totalMemory() {
      return Capacity.saturated(memory, replicas);
    }
  }

  /** The usage of a host, VM or cluster; empty for other kinds of entity. */
  public static Optional<Usage> of(Program program, Entity entity) {
    switch (entity.kind()) {
      case HOST, VM -> {
        Capacity given = Capacity.sum(Capacity.guests(entity));
        return Optional.of(new Usage(given.cpu(), entity.properties().cpuValue(), given.memory(),
            entity.properties().memoryValue().map(Quantity::bytes)));
      }
      case CLUSTER -> {
        Capacity needed = Capacity.needed(entity);
        List<Entity> nodes = program.nodesOf(entity);
        Capacity has = Capacity.sum(nodes);
        boolean cpuKnown = !nodes.isEmpty() && nodes.stream().allMatch(n -> n.properties().cpuValue().isPresent());
        boolean memoryKnown = !nodes.isEmpty()
            && nodes.stream().allMatch(n -> n.properties().memoryValue().isPresent());
        return Optional.of(new Usage(needed.cpu(), cpuKnown ? Optional.of(has.cpu()) : Optional.empty(),
            needed.memory(), memoryKnown ? Optional.of(has.memory()) : Optional.empty()));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  /** What a pod needs; an invalid replica count counts as one, as the rules count it. */
  public static Demand demand(Entity pod) {
    Capacity one = Capacity.perReplica(pod);
    List<Entity> containers = pod.children(EntityKind.CONTAINER);
    return new Demand(pod.properties().replicaCount(), one.cpu(), one.memory(),
        containers.stream().anyMatch(c -> c.properties().cpuValue().isPresent()),
        containers.stream().anyMatch(c -> c.properties().memoryValue().isPresent()));
  }
}
