package dev.topo.lsp;

import dev.topo.ide.Snapshot;
import dev.topo.check.Cancellation;
import dev.topo.check.Usage;
import dev.topo.workspace.Capacity;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.workspace.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;

/**
 * {@code textDocument/codeLens}: above each host, VM and cluster, how much of its cpu and
 * memory is handed out ({@code cpu 12/16 · memory 40/64 GiB}). A resource whose capacity is
 * not declared is left out, and an entity with neither gets no lens.
 *
 * <p>A lens is only a label: its command has an empty id, which clients show as text that
 * does nothing when clicked (a lens needs a command to carry its title).
 */
public final class CodeLensFeature {
  static final String SEPARATOR = " · ";

  private CodeLensFeature() {}

  public static List<CodeLens> codeLenses(Snapshot snapshot, Cancellation cancel) {
    Program program = snapshot.analysis().program();
    List<CodeLens> lenses = new ArrayList<>();
    for (Entity declaration : snapshot.file().declarations()) {
      cancel.check();
      declaration.forEachInTree(entity -> {
        if (entity.kind() == EntityKind.HOST || entity.kind() == EntityKind.VM || entity.kind() == EntityKind.CLUSTER) {
          title(program, entity).ifPresent(title -> lenses.add(
              new CodeLens(Positions.range(snapshot.lines(), entity.name().span()), new Command(title, ""), null)));
        }
      });
    }
    return lenses;
  }

  /** The label of an entity's lens, if any of its capacity is known. */
  static Optional<String> title(Program program, Entity entity) {
    Optional<Usage> capacity = Usage.of(program, entity);
    if (capacity.isEmpty()) {
      return Optional.empty();
    }
    Usage c = capacity.get();
    List<String> parts = new ArrayList<>();
    c.cpu().ifPresent(cpu -> parts.add("cpu " + Capacity.cores(c.cpuUsed()) + "/" + Capacity.cores(cpu)));
    c.memory().ifPresent(memory -> parts.add("memory " + Capacity.bytes(c.memoryUsed(), memory)));
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(SEPARATOR, parts));
  }
}
