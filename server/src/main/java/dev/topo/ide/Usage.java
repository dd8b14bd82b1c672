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
 * containers (their limits), a cluster to its pods times their replicas (their requests) out of
 * what its nodes have free. Only declared amounts count; a capacity is unknown (empty) when it,
 * or one node's, is not given.
 *
 * @param cpuUsed cores given out
 * @param cpu cores available
 * @param memoryUsed bytes given out
 * @param memory bytes available
 * @param lessGuests whether what is available is less than declared: a cluster's nodes run guests of their own
 */
public record Usage(double cpuUsed, Optional<Double> cpu, long memoryUsed, Optional<Long> memory, boolean lessGuests) {
  /** What one pod needs: its containers' requests, per replica and for all its replicas. */
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
        Capacity given = Capacity.used(entity);
        return Optional.of(new Usage(given.cpu(), entity.properties().cpuValue(), given.memory(),
            entity.properties().memoryValue().map(Quantity::bytes), false));
      }
      case CLUSTER -> {
        Capacity needed = Capacity.needed(program, entity);
        List<Entity> nodes = program.nodesOf(entity);
        Capacity free = Capacity.free(nodes);
        boolean cpuKnown = !nodes.isEmpty() && nodes.stream().allMatch(n -> n.properties().cpuValue().isPresent());
        boolean memoryKnown = !nodes.isEmpty()
            && nodes.stream().allMatch(n -> n.properties().memoryValue().isPresent());
        return Optional.of(new Usage(needed.cpu(), cpuKnown ? Optional.of(free.cpu()) : Optional.empty(),
            needed.memory(), memoryKnown ? Optional.of(free.memory()) : Optional.empty(),
            !free.equals(Capacity.sum(nodes))));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  /** What a pod requests; an invalid replica count ({@code replicas 0}) counts none, as the rules count it. */
  public static Demand demand(Program program, Entity pod) {
    Capacity one = Capacity.perReplica(pod);
    List<Entity> containers = pod.children(EntityKind.CONTAINER);
    return new Demand(program.replicas(pod), one.cpu(), one.memory(),
        containers.stream().anyMatch(c -> c.properties().cpuValue().isPresent() || c.properties().cpuRequest().isPresent()),
        containers.stream().anyMatch(c -> c.properties().memoryValue().isPresent()
            || c.properties().memoryRequest().isPresent()));
  }
}
