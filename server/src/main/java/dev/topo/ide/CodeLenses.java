package dev.topo.ide;

import dev.topo.check.Cancellation;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Message;
import dev.topo.model.Span;
import dev.topo.workspace.Capacity;
import dev.topo.workspace.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Above each host, VM and cluster, how much of its cpu and memory is handed out
 * ({@code cpu 12/16 · memory 40/64 GiB}; for a cluster, what its pods request of what its
 * nodes have, {@code requests cpu 6/28 free} when the nodes run guests of their own). A
 * resource whose capacity is not declared is left out, and an entity with neither gets no lens.
 */
public final class CodeLenses {
  private CodeLenses() {}

  /**
   * A label above an entity.
   *
   * @param span the entity's name, which the lens stands on
   */
  public record Lens(Span span, Message text) {
    /** The title in English. */
    public String title() {
      return text.english();
    }
  }

  /** The lenses of the snapshot's document, in the order of its text. */
  public static List<Lens> of(Snapshot snapshot, Cancellation cancel) {
    List<Lens> lenses = new ArrayList<>();
    for (Entity declaration : snapshot.file().declarations()) {
      cancel.check();
      lenses.addAll(in(snapshot, declaration));
    }
    return lenses;
  }

  /**
   * The lenses of one top-level block. Only a cluster's depend on other blocks (its nodes);
   * a host's and its VMs' follow from the block alone.
   */
  public static List<Lens> in(Snapshot snapshot, Entity declaration) {
    Program program = snapshot.analysis().program();
    List<Lens> lenses = new ArrayList<>();
    declaration.forEachInTree(entity -> {
      if (entity.kind() == EntityKind.HOST || entity.kind() == EntityKind.VM || entity.kind() == EntityKind.CLUSTER) {
        title(program, entity).ifPresent(title -> lenses.add(new Lens(program.span(entity.name()), title)));
      }
    });
    return lenses;
  }

  /** The label of an entity's lens, if any of its capacity is known. */
  private static Optional<Message> title(Program program, Entity entity) {
    Optional<Usage> capacity = Usage.of(program, entity);
    if (capacity.isEmpty()) {
      return Optional.empty();
    }
    Usage c = capacity.get();
    boolean free = c.lessGuests();
    List<Message> parts = new ArrayList<>();
    c.cpu().ifPresent(cpu -> parts.add(Message.of(free ? "lens.cpu.free" : "lens.cpu", Capacity.cores(c.cpuUsed()),
        Capacity.cores(cpu))));
    c.memory().ifPresent(memory -> parts.add(Message.of(free ? "lens.memory.free" : "lens.memory",
        Capacity.bytes(c.memoryUsed(), memory))));
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    Message both = parts.size() == 1 ? parts.get(0) : Message.of("lens.both", parts.get(0), parts.get(1));
    return Optional.of(entity.kind() == EntityKind.CLUSTER ? Message.of("lens.requests", both) : both);
  }
}
