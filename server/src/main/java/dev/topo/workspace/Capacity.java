package dev.topo.workspace;

import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Keyword;
import dev.topo.model.Properties;
import dev.topo.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
  private static final List<EntityKind> HOST_GUESTS = List.of(EntityKind.VM, EntityKind.CONTAINER);
  private static final List<EntityKind> VM_GUESTS = List.of(EntityKind.CONTAINER);
  private static final String[] BINARY_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

  /** The cpu and memory an entity declares (its limits, for a container). */
  public static Capacity declared(Entity entity) {
    Properties properties = entity.properties();
    return new Capacity(cpu(properties, Keyword.CPU, 0), memory(properties, Keyword.MEMORY, 0));
  }

  /** A cpu amount's value, or {@code otherwise} when it is absent or invalid. */
  private static double cpu(Properties properties, Keyword keyword, double otherwise) {
    Double cpu = properties.valueOf(keyword);
    return cpu == null ? otherwise : cpu;
  }

  /** A memory amount's bytes, or {@code otherwise} when it is absent or invalid. */
  private static long memory(Properties properties, Keyword keyword, long otherwise) {
    Quantity memory = properties.valueOf(keyword);
    return memory == null ? otherwise : memory.bytes();
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
    for (EntityKind kind : guestKinds(machine)) {
      guests.addAll(machine.children(kind));
    }
    return guests;
  }

  /** The kinds of a machine's guests, in the order they are counted: a host's VMs, then its containers. */
  private static List<EntityKind> guestKinds(Entity machine) {
    return switch (machine.kind()) {
      case HOST -> HOST_GUESTS;
      case VM -> VM_GUESTS;
      default -> List.of();
    };
  }

  /** What the scheduler reserves for a container: its requests, each defaulting to its limit. */
  public static Capacity requested(Entity container) {
    Properties properties = container.properties();
    return new Capacity(cpu(properties, Keyword.CPU_REQUEST, cpu(properties, Keyword.CPU, 0)),
        memory(properties, Keyword.MEMORY_REQUEST, memory(properties, Keyword.MEMORY, 0)));
  }

  /**
   * What one replica of a pod asks of a node: the sum of its containers' requests, or for each
   * resource the largest {@code init} container's request when that is more (init containers
   * run one at a time, before the others start, so the scheduler counts them so).
   */
  public static Capacity perReplica(Entity pod) {
    Capacity running = ZERO;
    double initCpu = 0;
    long initMemory = 0;
    for (Entity container : pod.children(EntityKind.CONTAINER)) {
      Capacity request = requested(container);
      if (container.properties().isInit()) {
        initCpu = Math.max(initCpu, request.cpu());
        initMemory = Math.max(initMemory, request.memory());
      } else {
        running = running.plus(request);
      }
    }
    return new Capacity(Math.max(running.cpu(), initCpu), Math.max(running.memory(), initMemory));
  }

  /** What a machine runs itself and so cannot give to a cluster's pods: its guests' cpu and memory. */
  public static Capacity used(Entity machine) {
    // As sum(guests(machine)), in its order, without the lists or a Capacity a guest: every
    // node of a cluster comes here for each of its pods a keystroke.
    double cpu = 0;
    long memory = 0;
    List<EntityKind> kinds = guestKinds(machine);
    List<Entity> children = machine.children();
    for (int k = 0; k < kinds.size(); k++) {
      for (int i = 0; i < children.size(); i++) {
        Entity guest = children.get(i);
        if (guest.kind() == kinds.get(k)) {
          cpu += cpu(guest.properties(), Keyword.CPU, 0);
          memory = plusBytes(memory, memory(guest.properties(), Keyword.MEMORY, 0));
        }
      }
    }
    return new Capacity(cpu, memory);
  }

  /** What a node has left for a cluster's pods: what it declares less what it runs itself. */
  public static Capacity free(Entity node) {
    return declared(node).minus(used(node));
  }

  /** What a cluster's nodes have left for its pods, together. */
  public static Capacity free(List<Entity> nodes) {
    Capacity total = ZERO;
    for (Entity node : nodes) {
      total = total.plus(free(node));
    }
    return total;
  }

  /** What all replicas of a pod need; none for a pod whose replicas are invalid ({@code replicas 0}). */
  public static Capacity allReplicas(Program program, Entity pod) {
    return perReplica(pod).times(program.replicas(pod));
  }

  /** What a cluster's pods need, times their replicas. */
  public static Capacity needed(Program program, Entity cluster) {
    Capacity total = ZERO;
    for (Entity pod : cluster.children(EntityKind.POD)) {
      total = total.plus(allReplicas(program, pod));
    }
    return total;
  }

  public Capacity plus(Capacity other) {
    return new Capacity(cpu + other.cpu, plusBytes(memory, other.memory));
  }

  /** A sum of bytes that stops at the largest amount instead of wrapping round on absurd input. */
  private static long plusBytes(long bytes, long more) {
    long sum = bytes + more;
    boolean overflow = ((bytes ^ sum) & (more ^ sum)) < 0;
    return overflow ? Long.MAX_VALUE : sum;
  }

  /** What is left of this after taking the other away, never below zero. */
  public Capacity minus(Capacity other) {
    return new Capacity(Math.max(0, cpu - other.cpu), Math.max(0, memory - other.memory));
  }

  public Capacity times(int factor) {
    return new Capacity(cpu * factor, saturated(memory, factor));
  }

  /** A product of bytes that stops at the largest amount instead of wrapping round on absurd input. */
  public static long saturated(long bytes, int factor) {
    return factor > 0 && bytes > Long.MAX_VALUE / factor ? Long.MAX_VALUE : bytes * factor;
  }

  /** Cores as people write them, to the millicore: 4, 0.5, 0.125. */
  public static String cores(double cpu) {
    return decimal(BigDecimal.valueOf(cpu).setScale(3, RoundingMode.HALF_UP));
  }

  /**
   * Cores beside the amount they are compared with: as {@link #cores} spells them, unless
   * that rounds the difference away, when they are spelt in full ({@code 4.0001} beside 4).
   */
  public static String coresBeside(double cpu, double other) {
    return cores(cpu).equals(cores(other)) && Math.abs(cpu - other) > 1e-9
        ? decimal(BigDecimal.valueOf(cpu).setScale(9, RoundingMode.HALF_UP)) : cores(cpu);
  }

  private static String decimal(BigDecimal amount) {
    BigDecimal stripped = amount.stripTrailingZeros();
    return stripped.scale() <= 0 ? stripped.toBigInteger().toString() : stripped.toPlainString();
  }

  /**
   * An amount of memory as people read it, the one spelling of every message, hover, lens
   * and hint: in the largest binary unit it reaches, with at most two decimals and a space
   * before the unit ({@code 512 MiB}, {@code 1.5 GiB}, {@code 0 B}). Not the language's
   * spelling ({@code 8GiB}), which is what the user wrote and is shown only as written.
   */
  public static String bytes(long memory) {
    int unit = binaryUnit(memory);
    return inUnit(memory, unit) + " " + BINARY_UNITS[unit];
  }

  /**
   * An amount of memory beside the amount it is compared with, so that a difference always
   * shows: as {@link #bytes(long)} spells it, unless both would read the same, when the larger
   * is the smaller plus the exact excess ({@code 4 GiB + 1 byte} beside {@code 4 GiB}), or,
   * if the smaller has no exact short spelling either, a count of bytes.
   */
  public static String bytesBeside(long memory, long other) {
    if (memory == other || !bytes(memory).equals(bytes(other))) {
      return bytes(memory);
    }
    long smaller = Math.min(memory, other);
    if (!isExact(smaller)) {
      return byteCount(memory);
    }
    return memory == smaller ? bytes(memory) : bytes(smaller) + " + " + exactly(memory - smaller);
  }

  /** An amount spelt without rounding: in its unit when that is exact ({@code 2 KiB}), else in bytes. */
  private static String exactly(long memory) {
    return isExact(memory) && memory >= 1024 ? bytes(memory) : byteCount(memory);
  }

  private static boolean isExact(long memory) {
    BigDecimal inUnit = BigDecimal.valueOf(memory).divide(BigDecimal.valueOf(1L << (10 * binaryUnit(memory))));
    return inUnit.stripTrailingZeros().scale() <= 2;
  }

  private static String byteCount(long memory) {
    return String.format(Locale.ROOT, "%,d", memory) + (memory == 1 ? " byte" : " bytes");
  }

  /** A part of an amount, both in the unit of the whole: {@code 40/64 GiB}, {@code 0.5/2 GiB}. */
  public static String bytes(long part, long whole) {
    int unit = binaryUnit(whole);
    return inUnit(part, unit) + "/" + inUnit(whole, unit) + " " + BINARY_UNITS[unit];
  }

  private static int binaryUnit(long bytes) {
    int unit = 0;
    while (unit + 1 < BINARY_UNITS.length && bytes >= 1L << (10 * (unit + 1))) {
      unit++;
    }
    return unit;
  }

  private static String inUnit(long bytes, int unit) {
    return decimal(BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1L << (10 * unit)), 2, RoundingMode.HALF_UP));
  }

  /** A whole percentage of a part of a total, or empty text when the total is zero. */
  public static String percent(double part, double total) {
    return total <= 0 ? "" : Math.round(part * 100 / total) + "%";
  }
}
