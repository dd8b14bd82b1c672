package dev.topo.check.rules;

import dev.topo.check.Acceptor;
import dev.topo.check.ClosestNames;
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
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cluster's {@code nodes} entry must name a host or VM of the program. When one has a
 * name close to the entry's, the repair changes the entry to it.
 */
public final class UnknownReferenceRule implements Rule {
  private static final Info INFO = new Info("unknown-reference", Severity.ERROR,
      "A cluster's nodes entry names no host or VM",
      "A `nodes` entry names no host or VM of the program. The message says so when the name belongs to a "
          + "cluster or pod, and otherwise suggests a close name.",
      "the entry");

  @Override
  public Info info() {
    return INFO;
  }

  /** The entry and the name of a host or VM that is probably meant. */
  private record ClosestNode(Name reference, String name) implements Finding.Data {
    @Override
    public Finding.Data moved(Moves moves) {
      return new ClosestNode(moves.name(reference), name);
    }
  }

  /**
   * How many unknown entries of a file get a "did you mean": each suggestion is a look at every
   * name of the program, and a file with more unknown entries than this is one a generator or a
   * rename broke, where suggestions help nobody (20,000 among 20,000 hosts took 80 s).
   */
  private static final int SUGGESTED_PER_FILE = 100;

  @Override
  public void check(Program program, Acceptor acceptor) {
    List<Entity> clusters = program.entities(EntityKind.CLUSTER);
    if (clusters.isEmpty()) {
      return; // no entry to resolve: the names of every host are not worth gathering
    }
    List<String> nodeNames = new ArrayList<>();
    program.forEachEntity(e -> {
      if (e.kind() == EntityKind.HOST || e.kind() == EntityKind.VM) {
        nodeNames.add(e.name().text());
      }
    });
    Map<URI, Integer> unknown = new HashMap<>();
    for (Entity cluster : clusters) {
      for (Name ref : cluster.properties().nodes().flatMap(Property::known).orElse(List.of())) {
        if (program.node(ref.text()).isPresent()) {
          continue;
        }
        int unknownHere = unknown.merge(ref.span().source(), 1, Integer::sum);
        Optional<String> closest = unknownHere > SUGGESTED_PER_FILE ? Optional.empty()
            : ClosestNames.closest(ref.text(), nodeNames);
        Finding.Data data = closest.<Finding.Data>map(name -> new ClosestNode(ref, name)).orElse(Finding.Data.NONE);
        List<Entity> other = program.globallyNamed(ref.text());
        if (!other.isEmpty()) {
          acceptor.report(ref, Message.of("unknown-reference.kind", cluster.described(), "'" + ref.text() + "'",
                  Message.of("kind." + other.get(0).kind().keyword())),
              List.of(Acceptor.related(program, other.get(0).name(), Message.of("duplicate-name.here", other.get(0).described()))),
              data);
        } else {
          String node = "'" + ref.text() + "'";
          acceptor.report(ref, closest.map(s -> Message.of("unknown-reference.node.closest", cluster.described(), node,
                  "'" + s + "'")).orElse(Message.of("unknown-reference.node", cluster.described(), node)), List.of(), data);
        }
      }
    }
  }

  @Override
  public List<Fix> fixes(FixContext context, Finding finding) {
    if (!(finding.data() instanceof ClosestNode closest)) {
      return List.of();
    }
    return List.of(Fix.repair(Message.of("fix.change", closest.reference().text(), closest.name()), finding,
        List.of(new SourceEdit(context.program().span(closest.reference()), Name.written(closest.name())))));
  }
}
