package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.workspace.Capacity;
import dev.topo.workspace.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A replica of a pod runs whole on one node, so some node must have both the cpu and the
 * memory its containers' limits add up to. A node whose capacity is not declared is
 * assumed to fit.
 */
public final class UnschedulablePodRule implements Rule {
  private static final int NODES_NAMED = 3;

  private static final Info INFO = new Info("unschedulable-pod", Severity.ERROR,
      "One replica of a pod fits on no node of its cluster",
      "In a cluster with at least one known node, a pod whose containers declare some cpu or memory fits on"
          + " no single node: **no node has both** enough cpu **and** enough memory for one replica. A node that "
          + "does not declare an amount has enough of it.",
      "the pod's name");

  @Override
  public Info info() {
    return INFO;
  }

  @Override
  public void check(Program program, Acceptor acceptor) {
    for (Entity cluster : program.entities(EntityKind.CLUSTER)) {
      List<Entity> nodes = program.nodesOf(cluster);
      if (nodes.isEmpty()) {
        continue;
      }
      for (Entity pod : cluster.children(EntityKind.POD)) {
        Capacity need = Capacity.perReplica(pod);
        if (need.cpu() == 0 && need.memory() == 0) {
          continue;
        }
        if (nodes.stream().noneMatch(node -> fits(need, node))) {
          List<String> described = new ArrayList<>();
          for (Entity node : nodes.subList(0, Math.min(NODES_NAMED, nodes.size()))) {
            described.add(node.describe() + " has "
                + node.properties().cpuValue().map(c -> Capacity.cores(c) + " cpu").orElse("no declared cpu") + " and "
                + node.properties().memoryValue().map(m -> Capacity.bytes(m.bytes())).orElse("no declared memory"));
          }
          acceptor.report(pod.name(), pod.describe() + " needs " + Capacity.cores(need.cpu()) + " cpu and "
              + Capacity.bytes(need.memory()) + " per replica, but no node of " + cluster.describe()
              + " has both: " + String.join("; ", described) + (nodes.size() > NODES_NAMED ? "; ..." : ""));
        }
      }
    }
  }

  private static boolean fits(Capacity need, Entity node) {
    Optional<Double> cpu = node.properties().cpuValue();
    Optional<Long> memory = node.properties().memoryValue().map(q -> q.bytes());
    return cpu.map(c -> c + 1e-9 >= need.cpu()).orElse(true) && memory.map(m -> m >= need.memory()).orElse(true);
  }
}
