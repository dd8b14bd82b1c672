package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Load;
import dev.topo.model.Message;
import dev.topo.workspace.Program;
import java.util.List;

/**
 * Modules installed together on a host or VM scale together: giving the busy one more room
 * means copying the whole machine with everything else on it. The same holds for modules
 * sharing one container, whose image and replicas they share. A container of its own, in a
 * pod of its own, scales alone (one module per container).
 */
public final class ScalingGranularityRule implements Rule {
  private static final Info INFO = new Info("scaling-granularity", Severity.INFO,
      "A busy module shares its machine with other modules",
      "A host, VM or container has two or more modules directly inside it. Each of them that has `load high` "
          + "is reported.",
      "the module's `load`");

  @Override
  public Scope scope() {
    return Scope.CONTAINED;
  }

  @Override
  public Info info() {
    return INFO;
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    program.forEachChecked(machine -> {
      if (!machine.kind().isMachine()) {
        return;
      }
      List<Entity> modules = machine.children(EntityKind.MODULE);
      if (modules.size() < 2) {
        return;
      }
      for (Entity module : modules) {
        module.properties().load().filter(l -> l.value() == Load.HIGH).ifPresent(load ->
            acceptor.report(load, Message.of("scaling-granularity.message", module.described(), machine.described(),
                Message.count("scaling-granularity.others", modules.size() - 1),
                Message.of("kind." + machine.kind().keyword()))));
      }
    });
  }
}
