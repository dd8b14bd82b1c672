package dev.topo.workspace;

import dev.topo.model.Arch;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.FileModel;
import dev.topo.model.Import;
import dev.topo.model.Keyword;
import dev.topo.model.Label;
import dev.topo.model.LinuxRelease;
import dev.topo.model.LinuxReleases;
import dev.topo.model.Problem;
import dev.topo.model.Toleration;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

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
  private final Map<URI, Import> reachedThrough;
  private final List<URI> companions;
  private final Map<Entity, Entity> parents = new HashMap<>();
  private final Map<String, List<Entity>> globalNames = new LinkedHashMap<>();
  private final Map<Entity, List<Entity>> clusterNodes = new ConcurrentHashMap<>();
  private final Map<Entity, List<Entity>> eligibleNodes = new ConcurrentHashMap<>();
  private final Map<Entity, Platform> platforms = new ConcurrentHashMap<>();
  private final Map<String, Optional<LinuxRelease>> linuxReleases = new ConcurrentHashMap<>();

  Program(FileModel root, List<FileModel> files, List<Problem> importProblems, Map<URI, Import> reachedThrough,
      List<URI> companions) {
    this.files = ClusterFragments.joined(files);
    this.root = this.files.stream().filter(f -> f.uri().equals(root.uri())).findFirst().orElse(root);
    this.importProblems = List.copyOf(importProblems);
    this.reachedThrough = Map.copyOf(reachedThrough);
    this.companions = List.copyOf(companions);
    for (FileModel file : this.files) {
      for (Entity declaration : file.declarations()) {
        index(declaration, null);
      }
    }
  }

  /** A program of one file with no imports followed, for tests and snippets. */
  public static Program single(FileModel file) {
    return new Program(file, List.of(file), List.of(), Map.of(), List.of());
  }

  private void index(Entity entity, Entity parent) {
    if (parent != null) {
      parents.put(entity, parent);
    }
    if (entity.kind().isGloballyNamed()) {
      globalNames.computeIfAbsent(entity.name().text(), k -> new ArrayList<>(1)).add(entity);
    }
    for (Entity child : entity.children()) {
      index(child, entity);
    }
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

  /** Problems with the root file's imports (missing, cyclic, outside the workspace). */
  public List<Problem> importProblems() {
    return importProblems;
  }

  /**
   * The root's import through which an imported file came into the program, so that what
   * is wrong between two imported files can be reported where the root can show it.
   */
  public Optional<Import> rootImportOf(URI file) {
    return Optional.ofNullable(reachedThrough.get(file));
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

  public List<Entity> entities(EntityKind kind) {
    List<Entity> result = new ArrayList<>();
    forEachEntity(e -> {
      if (e.kind() == kind) {
        result.add(e);
      }
    });
    return result;
  }

  public Optional<Entity> parent(Entity entity) {
    return Optional.ofNullable(parents.get(entity));
  }

  /** Hosts, VMs, clusters and pods with this name, in program order. */
  public List<Entity> globallyNamed(String name) {
    return globalNames.getOrDefault(name, Collections.emptyList());
  }

  /** All globally named entities, grouped by name, for the duplicate check. */
  public Map<String, List<Entity>> globalNames() {
    return Collections.unmodifiableMap(globalNames);
  }

  /** The host or VM a cluster's {@code nodes} entry names, if any (the first, if declared twice). */
  public Optional<Entity> node(String name) {
    return globallyNamed(name).stream()
        .filter(e -> e.kind() == EntityKind.HOST || e.kind() == EntityKind.VM)
        .findFirst();
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
      current = parents.get(current);
    }
    return Optional.empty();
  }

  /** The cluster an entity belongs to (a pod, or a pod's container or module), if any. */
  public Optional<Entity> cluster(Entity entity) {
    Entity current = parents.get(entity);
    while (current != null && current.kind() != EntityKind.CLUSTER) {
      current = parents.get(current);
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
    return eligibleNodes.computeIfAbsent(pod, p -> selectedNodes(p).stream().filter(node -> tolerates(p, node)).toList());
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
    if (node.properties().all(Keyword.TAINT).isEmpty()) {
      return true; // most nodes: asked for every pod, so without building the pod's tolerations
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
      current = parents.get(current);
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
  Optional<LinuxRelease> linuxRelease(String release) {
    return linuxReleases.computeIfAbsent(release, LinuxReleases::lookup);
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
