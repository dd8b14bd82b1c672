package dev.topo.ide;

import dev.topo.check.Cancellation;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Message;
import dev.topo.model.Property;
import dev.topo.model.Span;
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
  public record Hint(int offset, Message text, Message tip) {
    /** The label in English. */
    public String label() {
      return text.english();
    }

    /** The tooltip in English. */
    public String tooltip() {
      return tip.english();
    }
  }

  /** The hints that stand between two offsets (both included); clusters outside them are not looked at. */
  public static List<Hint> between(Snapshot snapshot, int from, int to, Cancellation cancel) {
    List<Hint> hints = new ArrayList<>();
    for (Entity declaration : snapshot.file().declarations()) {
      cancel.check();
      if (declaration.kind() != EntityKind.CLUSTER) {
        continue;
      }
      Span span = snapshot.file().span(declaration);
      if (span.end() < from || span.start() > to) {
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
    Optional<Message> label = label(demand);
    if (label.isEmpty()) {
      return Optional.empty();
    }
    int at = replicas.map(r -> program.span(r).end()).orElse(program.span(pod.name()).end());
    return Optional.of(new Hint(at, label.get(), tooltip(pod, demand)));
  }

  /** {@code = 6 cpu · 3 GiB in all}, leaving out what no container declares. */
  private static Optional<Message> label(Usage.Demand demand) {
    List<Message> parts = amounts(demand.cpuDeclared(), demand.totalCpu(), demand.memoryDeclared(), demand.totalMemory());
    return parts.isEmpty() ? Optional.empty() : Optional.of(Message.of("hint.label",
        parts.size() == 1 ? parts.get(0) : Message.of("lens.both", parts.get(0), parts.get(1))));
  }

  private static Message tooltip(Entity pod, Usage.Demand demand) {
    List<Message> parts = amounts(demand.cpuDeclared(), demand.cpu(), demand.memoryDeclared(), demand.memory());
    return Message.of("hint.tooltip", Message.count("hint.replicas", demand.replicas()), pod.described(),
        parts.size() == 1 ? parts.get(0) : Message.of("hint.and", parts.get(0), parts.get(1)));
  }

  /** "6 cpu", "3 GiB": what is declared of each. */
  private static List<Message> amounts(boolean cpuDeclared, double cpu, boolean memoryDeclared, long memory) {
    List<Message> parts = new ArrayList<>();
    if (cpuDeclared) {
      parts.add(Message.of("hint.cpu", Capacity.cores(cpu)));
    }
    if (memoryDeclared) {
      parts.add(Message.of("hint.memory", Capacity.bytes(memory)));
    }
    return parts;
  }
}
