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
import dev.topo.model.Load;
import dev.topo.model.Located;
import dev.topo.model.Message;
import dev.topo.model.Property;
import dev.topo.workspace.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A busy module in a pod of one replica has nothing to share its load with and nothing to
 * take over when its node fails. A pod without {@code replicas} has one, so it is reported
 * too, at its name. The repair runs two.
 */
public final class SingleReplicaRule implements Rule {
  /** What the repair writes: the least number of replicas that survives the loss of one. */
  public static final int REPLICAS = 2;

  private static final Info INFO = new Info("single-replica", Severity.INFO,
      "A pod with a busy module runs one replica",
      "A pod runs a module with `load high` and has one replica: `replicas 1`, or no `replicas` (one by "
          + "default).",
      "the pod's `replicas`, or its name when it has none");

  @Override
  public Scope scope() {
    return Scope.CONTAINED;
  }

  @Override
  public Info info() {
    return INFO;
  }

  /** The pod, and its {@code replicas} statement if it has one. */
  private record OneReplica(Entity pod, Optional<Property<Integer>> replicas) implements Finding.Data {
    @Override
    public Finding.Data moved(Moves moves) {
      return new OneReplica(moves.entity(pod), replicas.map(moves::property));
    }
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    for (Entity pod : program.checked(EntityKind.POD)) {
      if (pod.properties().replicaCount() != 1 || pod.properties().isDaemon()) {
        continue;
      }
      List<Message> busy = new ArrayList<>();
      pod.forEachInTree(e -> {
        if (e.kind() == EntityKind.MODULE && e.properties().load().flatMap(Property::known).orElse(null) == Load.HIGH) {
          busy.add(e.described());
        }
      });
      if (busy.isEmpty()) {
        continue;
      }
      Optional<Property<Integer>> replicas = pod.properties().replicas();
      Located at = replicas.<Located>map(r -> r).orElse(pod.name());
      acceptor.report(at, Message.of(busy.size() == 1 ? "single-replica.one" : "single-replica.many", pod.described(),
              Message.of(replicas.isPresent() ? "single-replica.replicas" : "single-replica.none"), Message.and(busy)),
          List.of(), new OneReplica(pod, replicas));
    }
  }

  @Override
  public List<Fix> fixes(FixContext context, Finding finding) {
    if (!(finding.data() instanceof OneReplica one)) {
      return List.of();
    }
    Message title = Message.of("single-replica.fix", REPLICAS, one.pod().described());
    if (one.replicas().isPresent()) {
      return List.of(Fix.repair(title, finding,
          List.of(new SourceEdit(context.program().span(one.replicas().get().valueSpan()), String.valueOf(REPLICAS)))));
    }
    return context.addStatements(finding, one.pod(), List.of("replicas " + REPLICAS), title);
  }
}
