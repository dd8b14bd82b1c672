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
import dev.topo.model.Name;
import dev.topo.model.Property;
import dev.topo.workspace.Program;
import java.util.List;
import java.util.Optional;

/**
 * Containers need a container runtime on the host or VM that runs them: the one that
 * encloses them, or every node of the cluster that may schedule their pod (those its
 * selectors match). The repair adds one to that machine.
 */
public final class MissingRuntimeRule implements Rule {
  /** The runtime the repair gives a host or VM that holds a container. */
  public static final String RUNTIME_FOR_CONTAINERS = "docker";
  /** The runtime the repair gives a cluster's node. */
  public static final String RUNTIME_FOR_NODES = "containerd";

  private static final Info INFO = new Info("missing-runtime", Severity.ERROR,
      "A container is placed where no container runtime is declared",
      "A container directly in a host or VM whose host or VM has no `runtime`. Also: a `nodes` entry naming"
          + " a host or VM without `runtime`, when at least one pod with at least one container may run on it (its"
          + " `select`s match the node).",
      "the container's name, or the `nodes` entry");

  @Override
  public Scope scope() {
    return Scope.BLOCK;
  }

  @Override
  public Info info() {
    return INFO;
  }

  /** The machine that needs a runtime, and the one to give it. */
  private record NoRuntime(Entity machine, String runtime) implements Finding.Data {
    @Override
    public Finding.Data moved(Moves moves) {
      return new NoRuntime(moves.entity(machine), runtime);
    }
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    for (Entity container : program.checked(EntityKind.CONTAINER)) {
      Optional<Entity> machine = program.kernel(container);
      if (machine.isPresent() && machine.get().properties().runtime().isEmpty()) {
        acceptor.report(container.name(), Message.of("missing-runtime.placed", container.described(),
                machine.get().described()),
            List.of(Acceptor.related(program, machine.get().name(), Message.of("missing-runtime.note", machine.get().described()))),
            new NoRuntime(machine.get(), RUNTIME_FOR_CONTAINERS));
      }
    }
    for (Entity cluster : program.entities(EntityKind.CLUSTER)) {
      List<Entity> podsWithContainers = cluster.children(EntityKind.POD).stream()
          .filter(pod -> !pod.children(EntityKind.CONTAINER).isEmpty()).toList();
      for (Name ref : cluster.properties().nodes().flatMap(Property::known).orElse(List.of())) {
        program.node(ref.text()).filter(node -> node.properties().runtime().isEmpty()).ifPresent(node -> {
          List<Message> pods = podsWithContainers.stream().filter(pod -> program.eligibleNodes(pod).contains(node))
              .map(Entity::described).toList();
          if (!pods.isEmpty()) {
            acceptor.report(ref, Message.of("missing-runtime.node", cluster.described(), Message.and(pods),
                    node.described()),
                List.of(Acceptor.related(program, node.name(), Message.of("missing-runtime.note", node.described()))),
                new NoRuntime(node, RUNTIME_FOR_NODES));
          }
        });
      }
    }
  }

  @Override
  public List<Fix> fixes(FixContext context, Finding finding) {
    if (!(finding.data() instanceof NoRuntime missing)) {
      return List.of();
    }
    String statement = "runtime " + missing.runtime();
    return context.addStatements(finding, missing.machine(), List.of(statement),
        Message.of("fix.add", statement, missing.machine().described()));
  }
}
