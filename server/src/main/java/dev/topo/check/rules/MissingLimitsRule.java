package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Finding;
import dev.topo.check.Moves;
import dev.topo.check.Fix;
import dev.topo.check.FixContext;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Message;
import dev.topo.workspace.Program;
import java.util.ArrayList;
import java.util.List;

/**
 * Without a cgroup limit a container may take all the cpu or memory of its machine. The
 * repair adds the missing limits, with values meant to be looked at.
 */
public final class MissingLimitsRule implements Rule {
  /** The limits the repair adds. */
  public static final String CPU_LIMIT = "cpu 1";
  public static final String MEMORY_LIMIT = "memory 512Mi";

  private static final Info INFO = new Info("missing-limits", Severity.WARNING,
      "A container has no cpu or no memory limit",
      "A container has no `cpu` or no `memory` statement.",
      "the container's name");

  @Override
  public Scope scope() {
    return Scope.CONTAINED;
  }

  @Override
  public Info info() {
    return INFO;
  }

  /** The container and the limits it lacks, as statements to add. */
  private record NoLimits(Entity container, List<String> limits) implements Finding.Data {
    @Override
    public Finding.Data moved(Moves moves) {
      return new NoLimits(moves.entity(container), limits);
    }
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    for (Entity container : program.checked(EntityKind.CONTAINER)) {
      boolean cpu = container.properties().cpu().isPresent();
      boolean memory = container.properties().memory().isPresent();
      if (!cpu || !memory) {
        String missing = !cpu && !memory ? "missing-limits.both" : !cpu ? "missing-limits.cpu" : "missing-limits.memory";
        List<String> limits = new ArrayList<>();
        if (!cpu) {
          limits.add(CPU_LIMIT);
        }
        if (!memory) {
          limits.add(MEMORY_LIMIT);
        }
        acceptor.report(container.name(), Message.of(missing, container.described()), List.of(),
            new NoLimits(container, limits));
      }
    }
  }

  @Override
  public List<Fix> fixes(FixContext context, Finding finding) {
    if (!(finding.data() instanceof NoLimits missing)) {
      return List.of();
    }
    List<String> quoted = missing.limits().stream().map(l -> "'" + l + "'").toList();
    return context.addStatements(finding, missing.container(), missing.limits(), quoted.size() == 1
        ? Message.of("missing-limits.fix.one", quoted.get(0), missing.container().described())
        : Message.of("missing-limits.fix.both", quoted.get(0), quoted.get(1), missing.container().described()));
  }
}
