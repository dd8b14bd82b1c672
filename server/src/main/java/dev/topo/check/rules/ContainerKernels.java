package dev.topo.check.rules;

import dev.topo.model.Entity;
import dev.topo.model.Message;
import dev.topo.workspace.Program;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The hosts or VMs whose kernel a container may run on, for the rules that check a container
 * against that kernel: the host or VM that holds it, or the nodes its pod may be scheduled on
 * (those of its cluster that match the pod's {@code select}s). A rule reports once for a
 * container, naming every machine that fails it.
 *
 * @param cluster the cluster that schedules the container, when it is in a pod
 */
record ContainerKernels(List<Entity> machines, Optional<Entity> cluster) {
  /**
   * How many nodes a finding names and points at: a pod may be scheduled on hundreds, and a
   * message (or a list of notes) of hundreds of names is not read.
   */
  private static final int NODES_NAMED = 5;

  /** The first of the machines found, those a finding names and has notes at. */
  static <T> List<T> named(List<T> found) {
    return found.subList(0, Math.min(NODES_NAMED, found.size()));
  }

  static ContainerKernels of(Program program, Entity container) {
    Optional<Entity> kernel = program.kernel(container);
    if (kernel.isPresent()) {
      return new ContainerKernels(List.of(kernel.get()), Optional.empty());
    }
    return new ContainerKernels(program.nodesFor(container), program.cluster(container));
  }

  /**
   * Where the machines found are, for a message: "its host 'a' runs X" for the machine that holds
   * the container, "cluster 'c' may schedule it on host 'a' (x) and vm 'b' (y)" for nodes.
   *
   * @param machine the machine of one thing found
   * @param runs what that machine does, after its name, when it holds the container
   * @param brief what that node is, in parentheses after its name
   */
  <T> Message where(List<T> found, Function<T, Entity> machine, Function<T, Message> runs, Function<T, ?> brief) {
    if (cluster.isEmpty()) {
      return Message.of("kernels.held", machine.apply(found.get(0)).described(), runs.apply(found.get(0)));
    }
    List<Message> named = found.stream().limit(NODES_NAMED)
        .map(f -> Message.of("kernels.node", machine.apply(f).described(), brief.apply(f))).collect(Collectors.toList());
    if (found.size() > NODES_NAMED) {
      named.add(Message.of("kernels.others", found.size() - NODES_NAMED));
    }
    return Message.of("kernels.scheduled", cluster.get().described(), Message.and(named));
  }
}
