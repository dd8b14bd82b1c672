package dev.topo.workspace;

import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cpu and memory added up: what a machine declares, what it hands out to its guests, what a
 * pod needs. The rules and the editor features count with it alike. Only declared amounts
 * count; a missing amount is not guessed.
 */
public record Capacity(double cpu, long memory) {
  public static final Capacity ZERO = new Capacity(0, 0);

  /** The cpu and memory an entity declares (its limits, for a container). */
  public static Capacity declared(Entity entity) {
    return new Capacity(entity.properties().cpuValue().orElse(0.0),
        entity.properties().memoryValue().map(Quantity::bytes).orElse(0L));
  }

  public static Capacity sum(List<Entity> entities) {
    Capacity total = ZERO;
    for (Entity e : entities) {
      total = total.plus(declared(e));
    }
    return total;
  }

  /** What takes a share of a machine: a host's VMs and containers, a VM's containers. */
  public static List<Entity> guests(Entity machine) {
    List<Entity> guests = new ArrayList<>();
    if (machine.kind() == EntityKind.HOST) {
      guests.addAll(machine.children(EntityKind.VM));
    }
    if (machine.kind() == EntityKind.HOST || machine.kind() == EntityKind.VM) {
      guests.addAll(machine.children(EntityKind.CONTAINER));
    }
    return guests;
  }

  /** What one replica of a pod needs: the sum of its containers' limits. */
  public static Capacity perReplica(Entity pod) {
    return sum(pod.children(EntityKind.CONTAINER));
  }

  /** What all replicas of a pod need. */
  public static Capacity allReplicas(Entity pod) {
    return perReplica(pod).times(pod.properties().replicaCount());
  }

  /** What a cluster's pods need, times their replicas. */
  public static Capacity needed(Entity cluster) {
    Capacity total = ZERO;
    for (Entity pod : cluster.children(EntityKind.POD)) {
      total = total.plus(allReplicas(pod));
    }
    return total;
  }

  public Capacity plus(Capacity other) {
    long sum = memory + other.memory;
    boolean overflow = ((memory ^ sum) & (other.memory ^ sum)) < 0;
    return new Capacity(cpu + other.cpu, overflow ? Long.MAX_VALUE : sum);
  }

  public Capacity times(int factor) {
    return new Capacity(cpu * factor, saturated(memory, factor));
  }

  /** A product of bytes that stops at the largest amount instead of wrapping round on absurd input. */
  public static long saturated(long bytes, int factor) {
    return factor > 0 && bytes > Long.MAX_VALUE / factor ? Long.MAX_VALUE : bytes * factor;
  }

  /** Cores as people write them: 4, 0.5, 1.25. */
  public static String cores(double cpu) {
    return cpu == Math.rint(cpu) ? String.valueOf((long) cpu)
        : String.format(Locale.ROOT, "%.2f", cpu).replaceAll("0+$", "");
  }

  public static String bytes(long memory) {
    return Quantity.format(memory);
  }

  /** A whole percentage of a part of a total, or empty text when the total is zero. */
  public static String percent(double part, double total) {
    return total <= 0 ? "" : Math.round(part * 100 / total) + "%";
  }
}
