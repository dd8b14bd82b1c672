package dev.topo.workspace;

import dev.topo.model.Arch;
import dev.topo.model.Entity;
import dev.topo.model.Extent;
import dev.topo.model.EntityKind;
import dev.topo.model.FileModel;
import dev.topo.model.Import;
import dev.topo.model.Keyword;
import dev.topo.model.Label;
import dev.topo.model.LinuxReleases;
import dev.topo.model.Located;
import dev.topo.model.Problem;
import dev.topo.model.Properties;
import dev.topo.model.Property;
import dev.topo.model.Span;
import dev.topo.model.Toleration;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * A file together with everything it imports, linked: entities know their parent, names
 * resolve, and every place that runs something knows its kernel.
 *
 * <p>Files are kept imports first and the root last, so that where a name is declared twice
 * the declaration in the importing file is the one that counts as the second.
 */
public final class Program {
  private final FileModel root;
  private final List<FileModel> files;
  private final List<Problem> importProblems;
  private final Supplier<Map<URI, Import>> reachedThroughSource;
  private volatile Map<URI, Import> reachedThrough;
  private final List<URI> companions;
  /** Each file's index, in the order of {@link #files}. */
  private final List<FileFacts> facts;
  private final FileFacts rootFacts;
  /** Whether manifests' clusters were joined, so that an entity may sit under a block of another file. */
  private final boolean joined;
  /** Whether the rules may look only at the root's entities ({@link #checked}); tests turn it off. */
  private final boolean rootOnly;
  private volatile Map<URI, FileFacts> factsBySource;
  private volatile Map<String, List<Entity>> globalNames;
  private final Set<EntityKind> kinds;
  private final List<FileModel> rootImports;
  private final ToIntFunction<String> filesDeclaring;
  /** The root's top-level blocks whose entities are {@link #checked}, or null for all ({@link #checkingOnly}). */
  private final List<Entity> checkedBlocks;
  // What is worked out on first use; a view of the program shares them.
  private final Map<EntityKind, List<Entity>> byKind;
  private final Map<Entity, List<Entity>> clusterNodes;
  private final Map<Entity, List<Entity>> eligibleNodes;
  private final Map<Entity, Boolean> untainted;
  private final Map<Entity, Platform> platforms;
  private final Map<String, Platform.ReleaseFacts> linuxReleases;

  /**
   * What the loader found: the files, imports first and the root last; each one's index (the
   * loader keeps one per parsed file, so that the programs of a run share them); the kinds of
   * entity they declare; and whether a manifest's clusters may need joining.
   */
  record Contents(List<FileModel> files, List<FileFacts> facts, Set<EntityKind> kinds, boolean fragments) {
    static Contents of(List<FileModel> files, List<FileFacts> facts) {
      Set<EntityKind> kinds = EnumSet.noneOf(EntityKind.class);
      facts.forEach(f -> kinds.addAll(f.kinds()));
      return new Contents(files, facts, kinds, facts.stream().anyMatch(f -> f.hasClusterFragments));
    }
  }

  /**
   * @param reachedThrough the root's import through which each other file came, asked of the
   *     loader only when a rule first needs it (it walks the program again)
   * @param filesDeclaring how many files of the run declare a global name: one that only the
   *     root declares needs no search of the other files
   */
  Program(FileModel root, Contents contents, List<FileModel> rootImports, List<Problem> importProblems,
      Supplier<Map<URI, Import>> reachedThrough, List<URI> companions, ToIntFunction<String> filesDeclaring) {
    this(root, contents, rootImports, importProblems, reachedThrough, companions, filesDeclaring, true);
  }

  /**
   * This program with the rules looking at every entity and searching every file for a name,
   * for tests that hold the shortcuts ({@link #checked}, {@link #firstNamed}) to the long way.
   */
  Program lookingEverywhere() {
    return new Program(root, new Contents(files, facts, kinds, false), rootImports, importProblems, reachedThroughSource,
        companions, name -> Integer.MAX_VALUE, false);
  }

  private Program(FileModel root, Contents contents, List<FileModel> rootImports, List<Problem> importProblems,
      Supplier<Map<URI, Import>> reachedThrough, List<URI> companions, ToIntFunction<String> filesDeclaring,
      boolean rootOnly) {
    this.rootOnly = rootOnly;
    List<FileModel> files = contents.files();
    List<FileModel> joinedFiles = contents.fragments() ? ClusterFragments.joined(files) : files;
    List<FileFacts> own = contents.facts();
    boolean anyJoined = false;
    for (int i = 0; joinedFiles != files && i < files.size(); i++) {
      if (joinedFiles.get(i) != files.get(i)) {
        own = anyJoined ? own : new ArrayList<>(own);
        own.set(i, new FileFacts(joinedFiles.get(i)));
        anyJoined = true;
      }
    }
    this.joined = anyJoined;
    this.files = Collections.unmodifiableList(joinedFiles);
    this.facts = Collections.unmodifiableList(own);
    this.kinds = contents.kinds();
    int rootAt = rootIndex(this.files, root.uri());
    this.root = rootAt < 0 ? root : this.files.get(rootAt);
    this.rootFacts = rootAt < 0 ? new FileFacts(root) : this.facts.get(rootAt);
    this.importProblems = List.copyOf(importProblems);
    this.reachedThroughSource = reachedThrough;
    this.companions = List.copyOf(companions);
    this.filesDeclaring = filesDeclaring;
    this.rootImports = List.copyOf(rootImports);
    this.checkedBlocks = null;
    this.byKind = new ConcurrentHashMap<>();
    this.clusterNodes = new ConcurrentHashMap<>();
    this.eligibleNodes = new ConcurrentHashMap<>();
    this.untainted = new ConcurrentHashMap<>();
    this.platforms = new ConcurrentHashMap<>();
    this.linuxReleases = new ConcurrentHashMap<>();
  }

  private Program(Program whole, List<Entity> checkedBlocks) {
    this.root = whole.root;
    this.files = whole.files;
    this.importProblems = whole.importProblems;
    this.reachedThroughSource = whole.reachedThroughSource;
    this.reachedThrough = whole.reachedThrough;
    this.companions = whole.companions;
    this.facts = whole.facts;
    this.rootFacts = whole.rootFacts;
    this.joined = whole.joined;
    this.rootOnly = whole.rootOnly;
    this.factsBySource = whole.factsBySource;
    this.globalNames = whole.globalNames;
    this.kinds = whole.kinds;
    this.rootImports = whole.rootImports;
    this.filesDeclaring = whole.filesDeclaring;
    this.checkedBlocks = List.copyOf(checkedBlocks);
    this.byKind = whole.byKind;
    this.clusterNodes = whole.clusterNodes;
    this.eligibleNodes = whole.eligibleNodes;
    this.untainted = whole.untainted;
    this.platforms = whole.platforms;
    this.linuxReleases = whole.linuxReleases;
  }

  /**
   * This program with only the entities of some of the root's top-level blocks {@link
   * #checked}, for a check that keeps the other blocks' findings from before an edit: the
   * rules still see the whole program. Only where the root's entities alone are checked.
   */
  public Program checkingOnly(List<Entity> blocks) {
    if (!onlyRootChecked()) {
      throw new IllegalStateException("a program whose checks reach beyond its root checks every entity");
    }
    return new Program(this, blocks);
  }

  /** Whether a check of this program looks only at the root's entities, so that some of its blocks may be left out. */
  public boolean checksOnlyTheRoot() {
    return onlyRootChecked();
  }

  /** Where the root is among the files: last, as the loader orders them, so looked for from the end. */
  private static int rootIndex(List<FileModel> files, URI root) {
    for (int i = files.size() - 1; i >= 0; i--) {
      if (files.get(i).uri().equals(root)) {
        return i;
      }
    }
    return -1;
  }

  /** A program of one file with no imports followed, for tests and snippets. */
  public static Program single(FileModel file) {
    return new Program(file, Contents.of(List.of(file), List.of(new FileFacts(file))), List.of(), List.of(), Map::of,
        List.of(), name -> 1);
  }

  public FileModel root() {
    return root;
  }

  /** Every file of the program, imports before the files that import them, the root last. */
  public List<FileModel> files() {
    return files;
  }

  /**
   * The Kubernetes manifests of the root's folder, when the root is one: they make one cluster
   * with it, so checking the root checks them too (see {@link ProgramLoader}).
   */
  public List<URI> companions() {
    return companions;
  }

  /** The files the root's imports name, as they resolved, in the order written. */
  public List<FileModel> rootImports() {
    return rootImports;
  }

  /** Problems with the root file's imports (missing, cyclic, outside the workspace). */
  public List<Problem> importProblems() {
    return importProblems;
  }

  /**
   * The root's import through which an imported file came into the program, so that what
   * is wrong between two imported files can be reported where the root can show it.
   */
  public Optional<Import> rootImportOf(URI file) {
    Map<URI, Import> through = reachedThrough;
    if (through == null) {
      through = Collections.unmodifiableMap(reachedThroughSource.get());
      reachedThrough = through;
    }
    return Optional.ofNullable(through.get(file));
  }

  /** Every top-level declaration, in program order. */
  public List<Entity> declarations() {
    List<Entity> all = new ArrayList<>();
    for (FileModel file : files) {
      all.addAll(file.declarations());
    }
    return all;
  }

  public List<Entity> declarations(EntityKind kind) {
    return declarations().stream().filter(e -> e.kind() == kind).toList();
  }

  /** Every entity of the program, parents before children, in program order. */
  public void forEachEntity(Consumer<Entity> action) {
    for (FileModel file : files) {
      for (Entity declaration : file.declarations()) {
        declaration.forEachInTree(action);
      }
    }
  }

  /** Every entity of a kind in the program, parents before children, in program order. */
  public List<Entity> entities(EntityKind kind) {
    if (!kinds.contains(kind)) {
      return List.of(); // most programs have no cluster, and every rule of clusters asks
    }
    return byKind.computeIfAbsent(kind, k -> {
      List<Entity> result = new ArrayList<>();
      for (FileFacts f : facts) {
        result.addAll(f.entities(k));
      }
      return Collections.unmodifiableList(result);
    });
  }

  /**
   * The entities of a kind whose findings a check keeps: the root's (and its companions').
   * A rule whose findings lie in the entity it looks at visits only these, so that checking
   * each file of an import chain as a root costs that file, not the chain. Where manifests
   * make one cluster of several files, a pod may sit in a cluster of another file, so there
   * every entity counts.
   */
  public List<Entity> checked(EntityKind kind) {
    if (checkedBlocks != null) {
      List<Entity> chosen = new ArrayList<>();
      checkedBlocks.forEach(block -> block.forEachInTree(e -> {
        if (e.kind() == kind) {
          chosen.add(e);
        }
      }));
      return chosen;
    }
    return onlyRootChecked() ? rootFacts.entities(kind) : entities(kind);
  }

  /** As {@link #forEachEntity}, over the entities whose findings a check keeps ({@link #checked}). */
  public void forEachChecked(Consumer<Entity> action) {
    if (checkedBlocks != null) {
      checkedBlocks.forEach(d -> d.forEachInTree(action));
    } else if (onlyRootChecked()) {
      root.declarations().forEach(d -> d.forEachInTree(action));
    } else {
      forEachEntity(action);
    }
  }

  private boolean onlyRootChecked() {
    return rootOnly && !joined && companions.isEmpty();
  }

  public Optional<Entity> parent(Entity entity) {
    if (joined) {
      // A manifest's pod sits in the cluster its fragment was joined into, in another file.
      return facts.stream().map(f -> f.parent(entity)).filter(Objects::nonNull).findFirst();
    }
    FileFacts in = factsOf(entity.span().source());
    return in == null ? Optional.empty() : Optional.ofNullable(in.parent(entity));
  }

  /** Where an element of one of this program's files is in that file's text. */
  public Span span(Located element) {
    return span(element.span());
  }

  /** Where an extent of an element of one of this program's files is in that file's text ({@link Property#valueSpan}). */
  public Span span(Extent extent) {
    if (extent instanceof Span span) {
      return span;
    }
    FileFacts in = factsOf(extent.source());
    if (in == null) {
      throw new IllegalArgumentException("not an element of this program: " + extent);
    }
    return in.file.placement().span(extent);
  }

  /** A file's index by its URI; the map is made when an entity of another file than the root is first asked of. */
  private FileFacts factsOf(URI source) {
    if (source == root.uri() || source.equals(root.uri())) { // the root's own elements hold its very URI
      return rootFacts;
    }
    Map<URI, FileFacts> bySource = factsBySource;
    if (bySource == null) {
      bySource = new HashMap<>();
      for (int i = 0; i < files.size(); i++) {
        bySource.put(files.get(i).uri(), facts.get(i));
      }
      factsBySource = bySource;
    }
    return bySource.get(source);
  }

  /** Hosts, VMs, clusters and pods with this name, in program order. */
  public List<Entity> globallyNamed(String name) {
    return globalNames().getOrDefault(name, Collections.emptyList());
  }

  /** All globally named entities, grouped by name, in program order; gathered when first asked. */
  public Map<String, List<Entity>> globalNames() {
    Map<String, List<Entity>> names = globalNames;
    if (names == null) {
      Map<String, List<Entity>> all = new LinkedHashMap<>();
      for (FileFacts f : facts) {
        f.globalNames().forEach((name, same) -> all.computeIfAbsent(name, k -> new ArrayList<>(1)).addAll(same));
      }
      names = Collections.unmodifiableMap(all);
      globalNames = names;
    }
    return names;
  }

  /**
   * The first host, VM, cluster or pod of this name in program order, found file by file
   * without gathering the program's names ({@link #globalNames}), which a root with one name
   * of its own need not pay for.
   */
  public Optional<Entity> firstNamed(String name) {
    List<Entity> own = rootFacts.globalNames().get(name);
    if (own != null && filesDeclaring.applyAsInt(name) <= 1) {
      return Optional.of(own.get(0));
    }
    for (FileFacts f : facts) {
      List<Entity> named = f.globalNames().get(name);
      if (named != null) {
        return Optional.of(named.get(0));
      }
    }
    return Optional.empty();
  }

  /** The hosts, VMs, clusters and pods of one of the program's files by name, in the order written. */
  public Map<String, List<Entity>> globalNamesIn(FileModel file) {
    FileFacts in = factsOf(file.uri());
    return in == null ? Map.of() : in.globalNames();
  }

  /** The host or VM a cluster's {@code nodes} entry names, if any (the first, if declared twice). */
  public Optional<Entity> node(String name) {
    List<Entity> named = globallyNamed(name);
    for (int i = 0; i < named.size(); i++) { // a loop: the cluster rules ask it of every node a keystroke
      Entity e = named.get(i);
      if (e.kind() == EntityKind.HOST || e.kind() == EntityKind.VM) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /**
   * The host or VM whose kernel an entity runs on: itself for hosts and VMs, the enclosing
   * host or VM for a container or module (a module in a container runs on the container's
   * OS view, whose kernel is the container's host's). Empty for a pod's containers, whose
   * kernels are those of the cluster's nodes: see {@link #nodesOf}.
   */
  public Optional<Entity> kernel(Entity entity) {
    Entity current = entity;
    while (current != null) {
      if (current.kind() == EntityKind.HOST || current.kind() == EntityKind.VM) {
        return Optional.of(current);
      }
      if (current.kind() == EntityKind.POD || current.kind() == EntityKind.CLUSTER) {
        return Optional.empty();
      }
      current = parent(current).orElse(null);
    }
    return Optional.empty();
  }

  /** The cluster an entity belongs to (a pod, or a pod's container or module), if any. */
  public Optional<Entity> cluster(Entity entity) {
    Entity current = parent(entity).orElse(null);
    while (current != null && current.kind() != EntityKind.CLUSTER) {
      current = parent(current).orElse(null);
    }
    return Optional.ofNullable(current);
  }

  /**
   * The hosts and VMs a cluster's {@code nodes} name, resolved, in the order written.
   * Rules ask this for every pod and container, so it is resolved once per cluster.
   */
  public List<Entity> nodesOf(Entity cluster) {
    return clusterNodes.computeIfAbsent(cluster, c -> {
      Set<Entity> nodes = new LinkedHashSet<>();
      c.properties().nodes().flatMap(p -> p.known()).ifPresent(refs -> refs.forEach(
          ref -> node(ref.text()).ifPresent(nodes::add)));
      return List.copyOf(nodes);
    });
  }

  /**
   * The nodes of a pod's cluster it may run on: those whose labels match every {@code select}
   * of the pod (all of them when it selects nothing) and whose taints it tolerates. Empty for an
   * entity outside a cluster.
   */
  public List<Entity> eligibleNodes(Entity pod) {
    return eligibleNodes.computeIfAbsent(pod, p -> {
      List<Entity> selected = selectedNodes(p);
      // Most pods may run on every node they select: then the very list, so that what rules
      // work out per list of nodes (container-os-mismatch) is shared by those pods. Most
      // clusters taint no node, which is asked once a cluster rather than for each pod and node.
      if (selected.isEmpty() || untainted(cluster(p).orElseThrow()) || selected.stream().allMatch(node -> tolerates(p, node))) {
        return selected;
      }
      return selected.stream().filter(node -> tolerates(p, node)).toList();
    });
  }

  /** Whether no node of a cluster has a taint, so that every pod tolerates all its nodes. */
  private boolean untainted(Entity cluster) {
    return untainted.computeIfAbsent(cluster, c -> nodesOf(c).stream().allMatch(node -> untainted(node.properties())));
  }

  private static boolean untainted(Properties node) {
    return node.all(Keyword.TAINT).isEmpty();
  }

  /** The nodes of a pod's cluster whose labels match every {@code select} of the pod, taints aside. */
  public List<Entity> selectedNodes(Entity pod) {
    Optional<Entity> cluster = cluster(pod);
    if (cluster.isEmpty()) {
      return List.of();
    }
    List<Label> selectors = pod.properties().selectors();
    if (selectors.isEmpty()) {
      return nodesOf(cluster.get());
    }
    return nodesOf(cluster.get()).stream()
        .filter(node -> selectors.stream().allMatch(s -> NodeLabels.matches(this, node, s)))
        .toList();
  }

  /** Whether a pod tolerates every taint of a node, as the scheduler requires before placing it there. */
  public static boolean tolerates(Entity pod, Entity node) {
    if (untainted(node.properties())) {
      return true; // most nodes: without building the pod's tolerations
    }
    List<Toleration> tolerations = pod.properties().tolerations();
    return node.properties().taints().stream().allMatch(t -> tolerations.stream().anyMatch(o -> o.tolerates(t)));
  }

  /**
   * How many replicas of a pod run: one on each node it may run on for a {@code daemon}, else
   * its {@code replicas} (one when left out, none when invalid).
   */
  public int replicas(Entity pod) {
    return pod.properties().isDaemon() ? eligibleNodes(pod).size() : pod.properties().replicaCount();
  }

  /** The nodes a container or module of a pod may run on ({@link #eligibleNodes} of its pod); empty outside pods. */
  public List<Entity> nodesFor(Entity entity) {
    return pod(entity).map(this::eligibleNodes).orElse(List.of());
  }

  /** The pod an entity is, or is in (a pod's container or module), if any. */
  public Optional<Entity> pod(Entity entity) {
    Entity current = entity;
    while (current != null && current.kind() != EntityKind.POD) {
      current = parent(current).orElse(null);
    }
    return Optional.ofNullable(current);
  }

  /** Whether a node has the label a selector asks for, the built-in {@code os} and {@code arch} included. */
  public boolean hasLabel(Entity node, Label selector) {
    return NodeLabels.matches(this, node, selector);
  }

  /** A node's labels as {@code key=value}, the built-in {@code os} and {@code arch} first. */
  public List<String> labels(Entity node) {
    return NodeLabels.describe(this, node);
  }

  /**
   * What a host's or VM's kernel is ({@link Platform}), worked out once: the rules ask it of every
   * node for every container of every pod.
   */
  public Platform platform(Entity machine) {
    return platforms.computeIfAbsent(machine, m -> Platform.of(this, m));
  }

  /** What the release table says of a Linux release, looked up once per spelling: most machines share a few. */
  Platform.ReleaseFacts linuxRelease(String release) {
    return linuxReleases.computeIfAbsent(release, r -> Platform.ReleaseFacts.of(LinuxReleases.lookup(r)));
  }

  /** The architecture of a host or VM: its own {@code arch}, else (a VM) its host's. */
  public Optional<Arch> arch(Entity machine) {
    Optional<Arch> own = machine.properties().arch().flatMap(p -> p.known()).filter(a -> !a.isEmpty()).map(a -> a.get(0));
    if (own.isPresent() || machine.kind() != EntityKind.VM) {
      return own;
    }
    return parent(machine).filter(p -> p.kind() == EntityKind.HOST).flatMap(this::arch);
  }
}
