package dev.topo.ide;

import dev.topo.check.Cancellation;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Property;
import dev.topo.workspace.Capacity;
import dev.topo.workspace.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * After a pod's {@code replicas N}, or after the pod's name when it has no replicas line, what
 * all its replicas need together ({@code = 6 cpu · 3 GiB in all}).
 */
public final class InlayHints {
  private InlayHints() {}

  /**
   * A label shown inside the text.
   *
   * @param offset where it stands, just after the word it follows
   * @param tooltip what it sums up, as Markdown
   */
  public record Hint(int offset, String label, String tooltip) {}

  /** The hints that stand between two offsets (both included); clusters outside them are not looked at. */
  public static List<Hint> between(Snapshot snapshot, int from, int to, Cancellation cancel) {
    List<Hint> hints = new ArrayList<>();
    for (Entity declaration : snapshot.file().declarations()) {
      cancel.check();
      if (declaration.kind() != EntityKind.CLUSTER || declaration.span().end() < from || declaration.span().start() > to) {
        continue;
      }
      for (Entity pod : declaration.children(EntityKind.POD)) {
        hint(snapshot.analysis().program(), pod).filter(h -> from <= h.offset() && h.offset() <= to).ifPresent(hints::add);
      }
    }
    return hints;
  }

  private static Optional<Hint> hint(Program program, Entity pod) {
    Optional<Property<Integer>> replicas = pod.properties().replicas();
    if (replicas.isPresent() && replicas.get().known().isEmpty()) {
      return Optional.empty(); // an invalid count: its finding says so, a total would mislead
    }
    Usage.Demand demand = Usage.demand(program, pod);
    Optional<String> label = label(demand);
    if (label.isEmpty()) {
      return Optional.empty();
    }
    int at = replicas.map(r -> r.span().end()).orElse(pod.name().span().end());
    return Optional.of(new Hint(at, label.get(), tooltip(pod, demand)));
  }

  /** {@code = 6 cpu · 3 GiB in all}, leaving out what no container declares. */
  private static Optional<String> label(Usage.Demand demand) {
    List<String> parts = new ArrayList<>();
    if (demand.cpuDeclared()) {
      parts.add(Capacity.cores(demand.totalCpu()) + " cpu");
    }
    if (demand.memoryDeclared()) {
      parts.add(Capacity.bytes(demand.totalMemory()));
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of("= " + String.join(CodeLenses.SEPARATOR, parts) + " in all");
  }

  private static String tooltip(Entity pod, Usage.Demand demand) {
    List<String> parts = new ArrayList<>();
    if (demand.cpuDeclared()) {
      parts.add(Capacity.cores(demand.cpu()) + " cpu");
    }
    if (demand.memoryDeclared()) {
      parts.add(Capacity.bytes(demand.memory()));
    }
    return demand.replicas() + (demand.replicas() == 1 ? " replica" : " replicas") + " of " + pod.describe()
        + ", each requesting " + String.join(" and ", parts) + " (the sum of its containers' requests)";
  }
}
