package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Message;
import dev.topo.model.Name;
import dev.topo.model.Property;
import dev.topo.workspace.Program;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A machine's node agent (the kubelet) registers with one control plane, and that cluster's
 * scheduler counts the whole machine as its own: a machine listed as a node of two clusters
 * is promised twice. The first cluster in program order that lists it keeps it; every later
 * listing is reported. There is no obvious repair: which cluster should own the machine is
 * a design choice.
 */
public final class SharedNodeRule implements Rule {
  private static final Info INFO = new Info("shared-node", Severity.ERROR,
      "A host or VM is a node of more than one cluster",
      "A host or VM is named in the `nodes` of two or more clusters. The first cluster that lists it, in "
          + "program order, keeps it; each later `nodes` entry that names it is one finding.",
      "the later `nodes` entry, with a note at the first");

  @Override
  public Info info() {
    return INFO;
  }

  /** Where a machine was first listed as a node. */
  private record Owner(Entity cluster, Name entry) {}

  @Override
  public void check(Program program, Acceptor acceptor) {
    Map<Entity, Owner> owners = new HashMap<>();
    for (Entity cluster : program.entities(EntityKind.CLUSTER)) {
      Set<Entity> listedHere = new HashSet<>();
      for (Name entry : cluster.properties().nodes().flatMap(Property::known).orElse(List.of())) {
        Optional<Entity> node = program.node(entry.text());
        if (node.isEmpty() || !listedHere.add(node.get())) {
          continue;
        }
        Owner owner = owners.putIfAbsent(node.get(), new Owner(cluster, entry));
        if (owner != null) {
          acceptor.report(entry, Message.of("shared-node.message", cluster.described(), node.get().described(),
                  owner.cluster().described()),
              List.of(Acceptor.related(program, owner.entry(), Message.of("shared-node.note", node.get().described(),
                  owner.cluster().described()))));
        }
      }
    }
  }
}
