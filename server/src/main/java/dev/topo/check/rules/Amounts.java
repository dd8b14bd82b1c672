package dev.topo.check.rules;

import dev.topo.model.Entity;
import dev.topo.model.Quantity;
import java.util.List;
import java.util.Locale;

/** Cpu and memory added up over entities, and spelt for messages. */
record Amounts(double cpu, long memory) {
  static final Amounts ZERO = new Amounts(0, 0);

  /** The limits an entity declares (unknown ones count as nothing). */
  static Amounts of(Entity entity) {
    return new Amounts(entity.properties().cpuValue().orElse(0.0),
        entity.properties().memoryValue().map(Quantity::bytes).orElse(0L));
  }

  static Amounts sum(List<Entity> entities) {
    Amounts total = ZERO;
    for (Entity e : entities) {
      total = total.plus(of(e));
    }
    return total;
  }

  /** What one replica of a pod needs: the sum of its containers' limits. */
  static Amounts perReplica(Entity pod) {
    return sum(pod.children(dev.topo.model.EntityKind.CONTAINER));
  }

  Amounts plus(Amounts other) {
    return new Amounts(cpu + other.cpu, memory + other.memory);
  }

  Amounts times(int factor) {
    return new Amounts(cpu * factor, memory * factor);
  }

  static String cores(double cpu) {
    return cpu == Math.rint(cpu) ? String.valueOf((long) cpu) : String.format(Locale.ROOT, "%.2f", cpu).replaceAll("0+$", "");
  }

  static String bytes(long memory) {
    return Quantity.format(memory);
  }
}
