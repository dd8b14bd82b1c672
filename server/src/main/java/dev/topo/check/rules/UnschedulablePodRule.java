package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Keyword;
import dev.topo.model.Label;
import dev.topo.model.Message;
import dev.topo.model.Taint;
import dev.topo.workspace.Capacity;
import dev.topo.workspace.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A replica of a pod runs whole on one node that its selectors allow, and the scheduler
 * places it by its requests against what that node has left after running its own guests,
 * so one such node must have both the cpu and the memory of a replica. A node whose capacity
 * is not declared is assumed to fit. A pod with {@code replicas 0} runs nowhere and is left out.
 */
public final class UnschedulablePodRule implements Rule {
  private static final int NODES_NAMED = 3;

  private static final Info INFO = new Info("unschedulable-pod", Severity.ERROR,
      "One replica of a pod fits on no node of its cluster",
      "In a cluster with at least one known node, a pod's `select`s match no node, or every node they match has a "
          + "`taint` the pod does not `tolerate`. Or a pod whose containers "
          + "request some cpu or memory fits on no node it may run on: **no such node has both** enough free cpu "
          + "**and** enough free memory for one replica (its containers' requests; free is what the node declares "
          + "less what it runs itself). A node that does not declare an amount has enough of it.",
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
        if (pod.properties().replicaCount() == 0) {
          continue;
        }
        List<Entity> eligible = program.eligibleNodes(pod);
        if (eligible.isEmpty()) {
          List<Entity> selected = program.selectedNodes(pod);
          if (selected.isEmpty()) {
            reportNoMatch(program, cluster, pod, nodes, acceptor);
          } else {
            reportTainted(cluster, pod, selected, acceptor);
          }
          continue;
        }
        Capacity need = Capacity.perReplica(pod);
        if ((need.cpu() > 0 || need.memory() > 0) && eligible.stream().noneMatch(node -> fits(need, node))) {
          acceptor.report(pod.name(), Message.of(pod.properties().selectors().isEmpty() ? "unschedulable-pod.fits"
                  : "unschedulable-pod.fits.selected", pod.described(), Capacity.cores(need.cpu()),
              Capacity.bytes(need.memory()), cluster.described(), named(eligible, UnschedulablePodRule::free)));
        }
      }
    }
  }

  /** The nodes exist, but none carries every label the pod selects. */
  private static void reportNoMatch(Program program, Entity cluster, Entity pod, List<Entity> nodes, Acceptor acceptor) {
    List<Label> selectors = pod.properties().selectors();
    List<String> wanted = selectors.stream().map(s -> s.key().text() + "=" + s.value().text()).toList();
    acceptor.report(pod.name(), Message.of(selectors.size() == 1 ? "unschedulable-pod.label" : "unschedulable-pod.labels",
        pod.described(), String.join(", ", wanted), cluster.described(), named(nodes, node -> {
          List<String> labels = program.labels(node);
          return labels.isEmpty() ? Message.of("unschedulable-pod.no-labels")
              : Message.of("unschedulable-pod.has", String.join(", ", labels));
        })));
  }

  /** Nodes it selects exist, but each has a taint the pod does not tolerate. */
  private static void reportTainted(Entity cluster, Entity pod, List<Entity> selected, Acceptor acceptor) {
    acceptor.report(pod.name(), Message.of(pod.properties().selectors().isEmpty() ? "unschedulable-pod.taints"
        : "unschedulable-pod.taints.selected", pod.described(), cluster.described(),
        named(selected, node -> Message.of("unschedulable-pod.taint", node.properties().taints().stream()
            .filter(t -> pod.properties().tolerations().stream().noneMatch(o -> o.tolerates(t)))
            .map(Taint::describe).findFirst().orElse("")))));
  }

  /** The first few nodes, each with what is said of it. */
  private static Message named(List<Entity> nodes, Function<Entity, Message> what) {
    Message named = null;
    for (Entity node : nodes.subList(0, Math.min(NODES_NAMED, nodes.size()))) {
      Message one = Message.of("unschedulable-pod.node", node.described(), what.apply(node));
      named = named == null ? one : Message.of("unschedulable-pod.next", named, one);
    }
    return nodes.size() > NODES_NAMED ? Message.of("unschedulable-pod.more", named) : named;
  }

  /** What a node has for a replica: {@code 8 cpu and 4 GiB}, said to be what is left when it runs guests. */
  private static Message free(Entity node) {
    Capacity free = Capacity.free(node);
    Capacity used = Capacity.used(node);
    Message cpu = node.properties().cpuValue().isPresent() ? Message.of("unschedulable-pod.cpu", Capacity.cores(free.cpu()))
        : Message.of("unschedulable-pod.no-cpu");
    Message memory = node.properties().memoryValue().isPresent()
        ? Message.of("unschedulable-pod.memory", Capacity.bytes(free.memory())) : Message.of("unschedulable-pod.no-memory");
    return Message.of(used.cpu() > 0 || used.memory() > 0 ? "unschedulable-pod.free.left" : "unschedulable-pod.free",
        cpu, memory);
  }

  private static boolean fits(Capacity need, Entity node) {
    Capacity free = Capacity.free(node);
    boolean cpu = node.properties().valueOf(Keyword.CPU) == null || free.cpu() + 1e-9 >= need.cpu();
    boolean memory = node.properties().valueOf(Keyword.MEMORY) == null || free.memory() >= need.memory();
    return cpu && memory;
  }
}
