package dev.topo.workspace;

import dev.topo.model.Entity;
import dev.topo.model.FileModel;
import dev.topo.model.Import;
import dev.topo.model.Library;
import dev.topo.model.Located;
import dev.topo.model.Name;
import dev.topo.model.Property;
import dev.topo.model.Requirement;
import dev.topo.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** Finds what stands at an offset of a file: a declaration, a reference, a keyword... */
public final class Locator {
  private Locator() {}

  /** The target whose word contains the offset (a cursor just after a word still counts). */
  public static Optional<Target> at(FileModel file, int offset) {
    for (Import anImport : file.imports()) {
      if (anImport.pathSpan().contains(offset)) {
        return Optional.of(new Target.ImportPath(anImport));
      }
      if (keywordSpan(file, anImport.span()).contains(offset)) {
        return Optional.of(new Target.Keyword(dev.topo.model.Keyword.IMPORT.word(), keywordSpan(file, anImport.span()), null));
      }
    }
    for (Entity declaration : file.declarations()) {
      if (file.span(declaration).contains(offset)) {
        return in(file, declaration, offset);
      }
    }
    return Optional.empty();
  }

  /** The innermost block that contains the offset. */
  public static Optional<Entity> enclosing(FileModel file, int offset) {
    Entity found = null;
    List<Entity> level = file.declarations();
    boolean deeper = true;
    while (deeper) {
      deeper = false;
      for (Entity e : level) {
        if (file.span(e).contains(offset)) {
          found = e;
          level = e.children();
          deeper = true;
          break;
        }
      }
    }
    return Optional.ofNullable(found);
  }

  private static Optional<Target> in(FileModel file, Entity entity, int offset) {
    Span name = file.span(entity.name());
    if (name.contains(offset) && !entity.name().text().isEmpty()) {
      return Optional.of(new Target.Declaration(entity, name));
    }
    Span keyword = keywordSpan(file, file.span(entity));
    if (keyword.contains(offset)) {
      return Optional.of(new Target.Keyword(entity.kind().keyword(), keyword, entity));
    }
    for (Entity child : entity.children()) {
      if (file.span(child).contains(offset)) {
        return in(file, child, offset);
      }
    }
    for (Library library : entity.libraries()) {
      if (file.span(library).contains(offset)) {
        return named(file, library, library.name(), offset, entity, at -> new Target.LibraryName(entity, library, at));
      }
    }
    for (Requirement requirement : entity.requirements()) {
      if (file.span(requirement).contains(offset)) {
        return named(file, requirement, requirement.library(), offset, entity,
            at -> new Target.RequirementName(entity, requirement, at));
      }
    }
    Optional<Property<List<Name>>> nodes = entity.properties().nodes();
    if (nodes.isPresent() && file.span(nodes.get()).contains(offset)) {
      for (Name ref : nodes.get().known().orElse(List.of())) {
        Span at = file.span(ref);
        if (at.contains(offset)) {
          return Optional.of(new Target.NodeReference(entity, ref, at));
        }
      }
    }
    Optional<Property<List<Name>>> share = entity.properties().share();
    if (share.isPresent() && file.span(share.get()).contains(offset)) {
      for (Name namespace : share.get().known().orElse(List.of())) {
        Span at = file.span(namespace);
        if (at.contains(offset)) {
          return Optional.of(new Target.Keyword(namespace.text(), at, entity));
        }
      }
    }
    return properties(entity).map(file::span).filter(p -> p.contains(offset)).findFirst()
        .flatMap(p -> keywordAt(file, p, offset, entity));
  }

  /** In a statement that names a library: that name, else the statement's keyword. */
  private static Optional<Target> named(FileModel file, Located statement, Name name, int offset, Entity owner,
      Function<Span, Target> target) {
    Span at = file.span(name);
    return at.contains(offset) ? Optional.of(target.apply(at)) : keywordAt(file, file.span(statement), offset, owner);
  }

  private static Optional<Target> keywordAt(FileModel file, Span statement, int offset, Entity owner) {
    Span keyword = keywordSpan(file, statement);
    if (!keyword.contains(offset)) {
      return Optional.empty();
    }
    return Optional.of(new Target.Keyword(file.text().substring(keyword.start(), keyword.end()), keyword, owner));
  }

  /** The first word of a statement, which is its keyword. */
  public static Span keywordSpan(FileModel file, Span statement) {
    String text = file.text();
    int end = statement.start();
    while (end < statement.end() && end < text.length() && Character.isLetter(text.charAt(end))) {
      end++;
    }
    return new Span(statement.source(), statement.start(), end);
  }

  /** Every single-valued property an entity has, in no particular order. */
  public static Stream<Property<?>> properties(Entity entity) {
    var p = entity.properties();
    List<Optional<? extends Property<?>>> all = new ArrayList<>(List.of(p.os(), p.cpu(), p.memory(), p.hypervisor(),
        p.runtime(), p.image(), p.privileged(), p.share(), p.nodes(), p.replicas(), p.language(), p.load()));
    return all.stream().flatMap(Optional::stream).map(x -> (Property<?>) x);
  }
}
