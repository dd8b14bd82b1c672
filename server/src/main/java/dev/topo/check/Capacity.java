package dev.topo.check;

import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Quantity;
import dev.topo.workspace.Program;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How much of a machine's or a cluster's cpu and memory is handed out, counted as the
 * overcommit rule counts it: a host gives to its VMs and containers, a VM to its
 * containers, a cluster to its pods times their replicas out of the sum of its nodes. Only
 * declared amounts count; a capacity is unknown (empty) when it, or one node's, is not given.
 *
 * @param cpuUsed cores given out
 * @param cpu cores available
 * @param memoryUsed bytes given out
 * @param memory bytes available
 */
public record Capacity(double cpuUsed, Optional<Double> cpu, long memoryUsed, Optional<Long> memory) {
  private static final String[] BINARY_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

  /** What one pod needs: its containers' limits, per replica and for all its replicas. */
  public record Demand(int replicas, double cpu, long memory, boolean cpuDeclared, boolean memoryDeclared) {
    public double totalCpu() {
      return cpu * replicas;
    }

    public long totalMemory() {
      return times(memory, replicas);
    }
  }

  /** The capacity of a host, VM or cluster; empty for other kinds of entity. */
  public static Optional<Capacity> of(Program program, Entity entity) {
    switch (entity.kind()) {
      case HOST, VM -> {
        List<Entity> guests = new ArrayList<>(entity.kind() == EntityKind.HOST
            ? entity.children(EntityKind.VM) : List.of());
        guests.addAll(entity.children(EntityKind.CONTAINER));
        double cpu = 0;
        long memory = 0;
        for (Entity guest : guests) {
          cpu += guest.properties().cpuValue().orElse(0.0);
          memory = plus(memory, guest.properties().memoryValue().map(Quantity::bytes).orElse(0L));
        }
        return Optional.of(new Capacity(cpu, entity.properties().cpuValue(), memory,
            entity.properties().memoryValue().map(Quantity::bytes)));
      }
      case CLUSTER -> {
        double cpu = 0;
        long memory = 0;
        for (Entity pod : entity.children(EntityKind.POD)) {
          Demand demand = demand(pod);
          cpu += demand.totalCpu();
          memory = plus(memory, demand.totalMemory());
        }
        List<Entity> nodes = program.nodesOf(entity);
        boolean cpuKnown = !nodes.isEmpty() && nodes.stream().allMatch(n -> n.properties().cpuValue().isPresent());
        boolean memoryKnown = !nodes.isEmpty()
            && nodes.stream().allMatch(n -> n.properties().memoryValue().isPresent());
        double cpuCapacity = nodes.stream().mapToDouble(n -> n.properties().cpuValue().orElse(0.0)).sum();
        long memoryCapacity = 0;
        for (Entity node : nodes) {
          memoryCapacity = plus(memoryCapacity, node.properties().memoryValue().map(Quantity::bytes).orElse(0L));
        }
        return Optional.of(new Capacity(cpu, cpuKnown ? Optional.of(cpuCapacity) : Optional.empty(), memory,
            memoryKnown ? Optional.of(memoryCapacity) : Optional.empty()));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  /** What a pod needs; an invalid replica count counts as one, as the rules count it. */
  public static Demand demand(Entity pod) {
    double cpu = 0;
    long memory = 0;
    boolean cpuDeclared = false;
    boolean memoryDeclared = false;
    for (Entity container : pod.children(EntityKind.CONTAINER)) {
      Optional<Double> c = container.properties().cpuValue();
      Optional<Quantity> m = container.properties().memoryValue();
      cpu += c.orElse(0.0);
      memory = plus(memory, m.map(Quantity::bytes).orElse(0L));
      cpuDeclared |= c.isPresent();
      memoryDeclared |= m.isPresent();
    }
    return new Demand(pod.properties().replicaCount(), cpu, memory, cpuDeclared, memoryDeclared);
  }

  /** Sums that stop at the largest amount instead of wrapping round on absurd input. */
  private static long plus(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  private static long times(long a, int factor) {
    return factor != 0 && a > Long.MAX_VALUE / factor ? Long.MAX_VALUE : a * factor;
  }

  /** Cores as people write them: 16, 0.5, 1.25. */
  public static String cores(double cpu) {
    return decimal(cpu);
  }

  /** An amount of memory in the largest binary unit it reaches: 512 MiB, 1.5 GiB. */
  public static String memory(long bytes) {
    int unit = unitOf(bytes);
    return inUnit(bytes, unit) + " " + BINARY_UNITS[unit];
  }

  /** Used against available, both in the unit of the available amount: {@code 40/64 GiB}. */
  public static String memory(long used, long available) {
    int unit = unitOf(available);
    return inUnit(used, unit) + "/" + inUnit(available, unit) + " " + BINARY_UNITS[unit];
  }

  private static int unitOf(long bytes) {
    int unit = 0;
    while (unit + 1 < BINARY_UNITS.length && bytes >= (1L << (10 * (unit + 1)))) {
      unit++;
    }
    return unit;
  }

  private static String inUnit(long bytes, int unit) {
    return decimal(BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1L << (10 * unit)), 2, RoundingMode.HALF_UP)
        .doubleValue());
  }

  private static String decimal(double value) {
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    return rounded.scale() <= 0 ? rounded.toBigInteger().toString() : rounded.toPlainString();
  }
}
