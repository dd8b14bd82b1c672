package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Finding;
import dev.topo.check.Moves;
import dev.topo.check.Fix;
import dev.topo.check.FixContext;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.check.edit.SourceEdit;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Message;
import dev.topo.model.Name;
import dev.topo.model.Property;
import dev.topo.workspace.Program;
import java.util.List;

/**
 * A privileged container, or one that joins the host's namespaces, is no longer walled off
 * from the host OS: whoever takes it over reaches the host and every container on it.
 * Only {@code privileged true} has an obvious repair; which namespaces a container may share
 * is a design choice.
 */
public final class WeakIsolationRule implements Rule {
  private static final Info INFO = new Info("weak-isolation", Severity.WARNING,
      "A container is privileged or shares a host namespace",
      "A container has `privileged true`, or a `share` with at least one valid namespace. These are two "
          + "separate findings.",
      "the `privileged` or `share` statement");

  @Override
  public Scope scope() {
    return Scope.CONTAINED;
  }

  @Override
  public Info info() {
    return INFO;
  }

  /** The {@code privileged true} statement to turn off. */
  private record Privileged(Property<Boolean> statement) implements Finding.Data {
    @Override
    public Finding.Data moved(Moves moves) {
      return new Privileged(moves.property(statement));
    }
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    for (Entity container : program.checked(EntityKind.CONTAINER)) {
      container.properties().privileged().filter(p -> Boolean.TRUE.equals(p.value())).ifPresent(p ->
          acceptor.report(p, Message.of("weak-isolation.privileged", container.described()), List.of(), new Privileged(p)));
      container.properties().share().ifPresent(share -> {
        List<String> namespaces = share.known().orElse(List.of()).stream().map(Name::text).toList();
        if (!namespaces.isEmpty()) {
          acceptor.report(share, Message.of(namespaces.size() == 1 ? "weak-isolation.share.one" : "weak-isolation.share.many",
              container.described(), Message.and(namespaces)));
        }
      });
    }
  }

  @Override
  public List<Fix> fixes(FixContext context, Finding finding) {
    if (!(finding.data() instanceof Privileged privileged)) {
      return List.of();
    }
    return List.of(Fix.repair(Message.of("weak-isolation.fix"), finding,
        List.of(new SourceEdit(context.program().span(privileged.statement().valueSpan()), "false"))));
  }
}
