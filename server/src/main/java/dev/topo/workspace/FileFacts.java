package dev.topo.workspace;

import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.FileModel;
import dev.topo.yaml.Manifests;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a program indexes of one of its files (each entity's parent, the entities of each kind,
 * the globally named ones), worked out once per parsed file and shared by every program that
 * holds the file: each file of an import chain is in the program of every file before it, so
 * indexing per program would be quadratic in the chain.
 */
final class FileFacts {
  /**
   * By identity: every entity asked of is one of this file's own (a finding kept from an older
   * version is moved onto the new version's entity first), and hashing an entity hashes its span,
   * for each of the file's entities a keystroke.
   */
  private final Map<Entity, Entity> parents = new IdentityHashMap<>();
  private final Map<EntityKind, List<Entity>> byKind = new EnumMap<>(EntityKind.class);
  private final Map<String, List<Entity>> globalNames = new LinkedHashMap<>();
  /** Whether a manifest's clusters may join those of another file ({@link ClusterFragments}). */
  final boolean hasClusterFragments;
  /** The file indexed: its version places its elements. */
  final FileModel file;

  FileFacts(FileModel file) {
    this.file = file;
    boolean clusters = false;
    for (Entity declaration : file.declarations()) {
      index(declaration, null);
      clusters |= declaration.kind() == EntityKind.CLUSTER;
    }
    hasClusterFragments = clusters && Manifests.isYaml(file.uri());
    byKind.replaceAll((kind, entities) -> Collections.unmodifiableList(entities));
  }

  private void index(Entity entity, Entity parent) {
    if (parent != null) {
      parents.put(entity, parent);
    }
    byKind.computeIfAbsent(entity.kind(), k -> new ArrayList<>()).add(entity);
    if (entity.kind().isGloballyNamed()) {
      globalNames.computeIfAbsent(entity.name().text(), k -> new ArrayList<>(1)).add(entity);
    }
    List<Entity> children = entity.children();
    for (int i = 0; i < children.size(); i++) { // by index: an iterator for each of the file's entities a keystroke
      index(children.get(i), entity);
    }
  }

  /** The block an entity of this file is in; null for a top-level one or an entity of another file. */
  Entity parent(Entity entity) {
    return parents.get(entity);
  }

  /** This file's entities of a kind, parents before children. */
  List<Entity> entities(EntityKind kind) {
    return byKind.getOrDefault(kind, List.of());
  }

  /** The kinds of entity this file declares. */
  Set<EntityKind> kinds() {
    return byKind.keySet();
  }

  /** This file's hosts, VMs, clusters and pods by name, in the order written. */
  Map<String, List<Entity>> globalNames() {
    return Collections.unmodifiableMap(globalNames);
  }
}
