package dev.topo.diagram;

import dev.topo.check.Finding;
import dev.topo.diagram.Diagram.Box;
import dev.topo.diagram.Diagram.Edge;
import dev.topo.diagram.Diagram.Mark;
import dev.topo.diagram.Diagram.Source;
import dev.topo.model.Arch;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.FileModel;
import dev.topo.model.Image;
import dev.topo.model.LineMap;
import dev.topo.model.OsSpec;
import dev.topo.model.ProblemCode;
import dev.topo.model.Span;
import dev.topo.workspace.Capacity;
import dev.topo.workspace.Program;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A program and its findings as an unlaid {@link Diagram}: a box for every entity, nested
 * as the entities are; an edge from each cluster to its nodes and from each pod to the nodes
 * it may run on; each finding counted on the innermost box whose block holds it.
 */
public final class DiagramBuilder {
  /** Between the parts of a fact line, as the editor's lenses write it. */
  static final String SEPARATOR = " · ";
  /** A pod's edges are drawn when its selectors leave it this many nodes or fewer. */
  static final int MAX_RUN_ON_PER_POD = 6;
  /** Past this many pod edges in one diagram, none is drawn. */
  static final int MAX_RUN_ON_EDGES = 200;
  private static final Comparator<Mark> MOST_SERIOUS_FIRST = Comparator.comparing(Mark::severity);

  private final Program program;
  private final Map<Entity, String> ids = new IdentityHashMap<>();
  private final Set<String> usedIds = new HashSet<>();
  private final Map<Entity, List<Mark>> marks = new IdentityHashMap<>();
  /** Each file's lines, looked up once rather than for every box. */
  private final Map<URI, LineMap> lines;

  private DiagramBuilder(Program program) {
    this.program = program;
    this.lines = program.files().stream().collect(Collectors.toMap(FileModel::uri, FileModel::lines, (a, b) -> a));
  }

  /** The program's diagram with those of the findings that lie in its files. */
  public static Diagram build(Program program, List<Finding> findings) {
    return new DiagramBuilder(program).diagram(findings);
  }

  private Diagram diagram(List<Finding> findings) {
    program.forEachEntity(e -> ids.put(e, uniqueId(e)));
    int unplaced = 0;
    for (Finding finding : findings) {
      if (!lines.containsKey(finding.span().source())) {
        continue; // another program's, or the configuration's
      }
      Optional<Entity> on = innermost(program.declarations(), finding);
      if (on.isPresent()) {
        marks.computeIfAbsent(on.get(), e -> new ArrayList<>())
            .add(new Mark(finding.severity(), finding.rule().id(), finding.message()));
      } else {
        unplaced++;
      }
    }
    List<Box> boxes = program.declarations().stream().map(this::box).toList();
    return new Diagram(boxes, edges(), 0, 0, partial(), unplaced, 0);
  }

  private boolean partial() {
    return program.files().stream().map(FileModel::problems).flatMap(List::stream)
        .anyMatch(p -> p.code() == ProblemCode.SYNTAX);
  }

  /** The path of kinds and names from the top ({@code host:edge-01/container:ingress}), made unique by a count. */
  private String uniqueId(Entity entity) {
    String own = entity.kind().keyword() + ":" + entity.name().text();
    String path = program.parent(entity).map(p -> ids.get(p) + "/" + own).orElse(own);
    String id = path;
    for (int n = 2; !usedIds.add(id); n++) {
      id = path + "#" + n;
    }
    return id;
  }

  private Optional<Entity> innermost(List<Entity> entities, Finding finding) {
    for (Entity entity : entities) {
      if (program.span(entity).contains(finding.span())) {
        return innermost(entity.children(), finding).or(() -> Optional.of(entity));
      }
    }
    return Optional.empty();
  }

  private Box box(Entity entity) {
    String name = entity.name().text().isEmpty() ? "(unnamed)" : entity.name().text();
    List<Mark> findings = marks.getOrDefault(entity, List.of()).stream().sorted(MOST_SERIOUS_FIRST).toList();
    Span span = program.span(entity);
    return new Box(ids.get(entity), entity.kind(), name, span, source(span), facts(entity), findings,
        0, 0, 0, 0, entity.children().stream().map(this::box).toList());
  }

  private Source source(Span span) {
    LineMap map = lines.get(span.source());
    return new Source(span.source(), map.line(span.start()), map.column(span.start()), map.line(span.end()),
        map.column(span.end()));
  }

  /**
   * A cluster's edges to its nodes; a pod's to the nodes it may run on only where its
   * selectors narrow them to a few (the cluster's own edges already say "any node"), and
   * none at all past {@link #MAX_RUN_ON_EDGES}: thousands of lines say nothing to a reader,
   * and they are what makes a large layout slow. The pod's facts say the rest in words.
   */
  private List<Edge> edges() {
    List<Edge> edges = new ArrayList<>();
    List<Edge> runOn = new ArrayList<>();
    for (Entity cluster : program.entities(EntityKind.CLUSTER)) {
      List<Entity> nodes = program.nodesOf(cluster);
      for (Entity node : nodes) {
        edges.add(edge(cluster, node, Edge.Kind.NODE, edges.size()));
      }
      for (Entity pod : cluster.children(EntityKind.POD)) {
        List<Entity> eligible = program.eligibleNodes(pod);
        if (eligible.size() < nodes.size() && eligible.size() <= MAX_RUN_ON_PER_POD) {
          eligible.forEach(node -> runOn.add(edge(pod, node, Edge.Kind.MAY_RUN_ON, 0)));
        }
      }
    }
    if (runOn.size() <= MAX_RUN_ON_EDGES) {
      runOn.forEach(e -> edges.add(new Edge("e" + edges.size(), e.from(), e.to(), e.kind(), List.of())));
    }
    return edges;
  }

  private Edge edge(Entity from, Entity to, Edge.Kind kind, int index) {
    return new Edge("e" + index, ids.get(from), ids.get(to), kind, List.of());
  }

  /** The facts an architect reads first, by kind: OS, arch, capacity given of what there is, image, replicas. */
  private List<String> facts(Entity entity) {
    List<String> facts = new ArrayList<>();
    entity.properties().os().flatMap(p -> p.known()).map(DiagramBuilder::os).ifPresent(facts::add);
    switch (entity.kind()) {
      case HOST, VM -> {
        program.arch(entity).map(Arch::word).ifPresent(facts::add);
        capacity(Capacity.used(entity), entity).ifPresent(facts::add);
      }
      case CONTAINER -> {
        entity.properties().image().flatMap(p -> p.known()).map(Image::reference).ifPresent(facts::add);
        amounts(entity).ifPresent(facts::add);
      }
      case CLUSTER -> {
        Capacity free = Capacity.free(program.nodesOf(entity));
        Capacity needed = Capacity.needed(program, entity);
        facts.add("requests cpu " + Capacity.cores(needed.cpu()) + "/" + Capacity.cores(free.cpu())
            + SEPARATOR + "memory " + Capacity.bytes(needed.memory(), free.memory()));
      }
      case POD -> {
        if (entity.properties().isDaemon()) {
          facts.add("daemon: one replica on each of " + program.replicas(entity) + " nodes");
        } else {
          entity.properties().replicas().flatMap(p -> p.known()).ifPresent(r -> facts.add("replicas " + r));
        }
        placement(entity).ifPresent(facts::add);
      }
      case MODULE -> entity.properties().language().flatMap(p -> p.known()).ifPresent(facts::add);
    }
    return facts;
  }

  /** {@code may run on 2 of 4 nodes}: where the pod's selectors let it go, in words, since not every edge is drawn. */
  private Optional<String> placement(Entity pod) {
    return program.cluster(pod).map(program::nodesOf).filter(nodes -> !nodes.isEmpty()).map(nodes -> {
      int eligible = program.eligibleNodes(pod).size();
      return eligible == nodes.size() ? "may run on any of " + nodes.size() + " nodes"
          : "may run on " + eligible + " of " + nodes.size() + " nodes";
    });
  }

  /** {@code linux ubuntu 22.04}: the family as written and the release. */
  private static String os(OsSpec os) {
    return os.familyWord() + os.release().map(r -> " " + r).orElse("");
  }

  /** {@code cpu 2/16 · memory 2/64 GiB}: what a machine gives its guests of what it declares, as far as declared. */
  private static Optional<String> capacity(Capacity given, Entity machine) {
    List<String> parts = new ArrayList<>();
    machine.properties().cpuValue().ifPresent(cpu -> parts.add("cpu " + Capacity.cores(given.cpu()) + "/" + Capacity.cores(cpu)));
    machine.properties().memoryValue().ifPresent(
        memory -> parts.add("memory " + Capacity.bytes(given.memory(), memory.bytes())));
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(SEPARATOR, parts));
  }

  /** {@code cpu 1 · memory 1 GiB}: what a container declares. */
  private static Optional<String> amounts(Entity container) {
    List<String> parts = new ArrayList<>();
    container.properties().cpuValue().ifPresent(cpu -> parts.add("cpu " + Capacity.cores(cpu)));
    container.properties().memoryValue().ifPresent(memory -> parts.add("memory " + Capacity.bytes(memory.bytes())));
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(SEPARATOR, parts));
  }

}
