package dev.topo.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A block of the topology: a host, VM, container, cluster, pod or module, with what it
 * declares and the blocks it holds.
 *
 * <p>Records compare by value, and an entity's value includes its span, so two entities are
 * equal only when they are the same declaration; the hash is taken from the span alone so
 * that keying a map by an entity does not walk its whole subtree.
 *
 * @param span the whole block, keyword to closing brace
 * @param properties the single-valued properties (only those allowed in this kind of block)
 * @param libraries {@code library} statements (hosts, VMs, containers)
 * @param requirements {@code requires} statements (modules)
 * @param children nested blocks, in source order
 */
public record Entity(
    EntityKind kind,
    Name name,
    Extent span,
    Properties properties,
    List<Library> libraries,
    List<Requirement> requirements,
    List<Entity> children) implements Located {

  @Override
  public int hashCode() {
    return span.hashCode();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Entity e && span.equals(e.span) && kind == e.kind && name.equals(e.name)
        && properties.equals(e.properties) && libraries.equals(e.libraries)
        && requirements.equals(e.requirements) && children.equals(e.children);
  }

  /** The children of one kind, in order. A loop, not a stream: rules and features ask it of every entity, often. */
  public List<Entity> children(EntityKind childKind) {
    List<Entity> result = null;
    for (int i = 0; i < children.size(); i++) { // by index: no iterator on a path every keystroke walks
      Entity c = children.get(i);
      if (c.kind == childKind) {
        if (result == null) {
          result = new ArrayList<>();
        }
        result.add(c);
      }
    }
    return result == null ? Collections.emptyList() : Collections.unmodifiableList(result);
  }

  /** How messages name it, in the user's language: {@code container 'web'}, {@code 'web' 컨테이너}. */
  public Message described() {
    return described(kind, name.text());
  }

  /** How messages name an entity of a kind and a name, before there is one ({@link EntityDraft}). */
  public static Message described(EntityKind kind, String name) {
    return Message.of("entity." + kind.keyword(), name.isEmpty() ? Message.of("entity.unnamed") : "'" + name + "'");
  }

  /** How messages name it: {@code container 'web'}, or {@code host (unnamed)} when the name is missing. */
  public String describe() {
    return kind.keyword() + (name.text().isEmpty() ? " (unnamed)" : " '" + name.text() + "'");
  }

  public Optional<Library> library(String libraryName) {
    for (Library l : libraries) {
      if (l.name().text().equals(libraryName)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  /** This entity and everything below it, parents before children. */
  public void forEachInTree(Consumer<Entity> action) {
    action.accept(this);
    for (int i = 0; i < children.size(); i++) {
      children.get(i).forEachInTree(action);
    }
  }
}
