package dev.topo.workspace;

import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.FileModel;
import dev.topo.model.Keyword;
import dev.topo.model.Name;
import dev.topo.model.Properties;
import dev.topo.model.Property;
import dev.topo.yaml.Manifests;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kubernetes manifests split one cluster over files (nodes in one, each team's workloads in
 * others); each file read alone declares its part as a cluster of the folder's name. Here the
 * parts of one name become one cluster, declared where the first part with nodes is: its nodes
 * all the parts' nodes, its pods all their pods. A {@code .topo} cluster is never joined: declaring
 * one twice stays a duplicate.
 */
final class ClusterFragments {
  /**
   * Where the joined cluster is declared, whichever file is checked: the first part that names
   * nodes, by file name, so that what is said of the cluster is said in the same file each time.
   */
  private static final Comparator<Entity> HOME_FIRST = Comparator
      .comparing((Entity part) -> part.properties().nodes().isEmpty())
      .thenComparing(part -> part.span().source().toString());

  private ClusterFragments() {}

  /** The files, with the clusters of one name that manifests declare joined into the first of them. */
  static List<FileModel> joined(List<FileModel> files) {
    Map<String, List<Entity>> byName = new LinkedHashMap<>();
    for (FileModel file : files) {
      for (Entity fragment : fragments(file)) {
        byName.computeIfAbsent(fragment.name().text(), k -> new ArrayList<>()).add(fragment);
      }
    }
    Map<Entity, Optional<Entity>> replaced = new HashMap<>();
    byName.values().stream().filter(parts -> parts.size() > 1).forEach(parts -> {
      List<Entity> ordered = parts.stream().sorted(HOME_FIRST).toList();
      replaced.put(ordered.get(0), Optional.of(join(ordered)));
      ordered.subList(1, ordered.size()).forEach(part -> replaced.put(part, Optional.empty()));
    });
    if (replaced.isEmpty()) {
      return List.copyOf(files);
    }
    return files.stream().map(file -> without(file, replaced)).toList();
  }

  private static List<Entity> fragments(FileModel file) {
    if (!Manifests.isYaml(file.uri())) {
      return List.of();
    }
    return file.declarations().stream().filter(d -> d.kind() == EntityKind.CLUSTER).toList();
  }

  private static Entity join(List<Entity> parts) {
    Entity first = parts.get(0);
    List<Name> nodes = new ArrayList<>();
    List<Entity> pods = new ArrayList<>();
    Property<List<Name>> firstNodes = null;
    for (Entity part : parts) {
      Optional<Property<List<Name>>> partNodes = part.properties().nodes();
      if (partNodes.isPresent()) {
        firstNodes = firstNodes == null ? partNodes.get() : firstNodes;
        partNodes.get().known().ifPresent(nodes::addAll);
      }
      pods.addAll(part.children());
    }
    Map<Keyword, Property<?>> single = new HashMap<>(first.properties().single());
    if (firstNodes != null) {
      single.put(Keyword.NODES, new Property<>(firstNodes.span(), firstNodes.valueSpan(), List.copyOf(nodes)));
    }
    return new Entity(first.kind(), first.name(), first.span(), new Properties(single, first.properties().repeated()),
        first.libraries(), first.requirements(), List.copyOf(pods));
  }

  private static FileModel without(FileModel file, Map<Entity, Optional<Entity>> replaced) {
    if (!Manifests.isYaml(file.uri())) {
      return file;
    }
    List<Entity> declarations = new ArrayList<>();
    for (Entity declaration : file.declarations()) {
      replaced.getOrDefault(declaration, Optional.of(declaration)).ifPresent(declarations::add);
    }
    return new FileModel(file.uri(), file.text(), file.lines(), file.imports(), List.copyOf(declarations),
        file.problems(), file.suppressions());
  }
}
