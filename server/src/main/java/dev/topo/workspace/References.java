package dev.topo.workspace;

import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Library;
import dev.topo.model.Name;
import dev.topo.model.Property;
import dev.topo.model.Requirement;
import dev.topo.model.Span;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a name stands for and where it is used, as navigation and rename need it: a node
 * reference resolves to a host or VM exactly as the checker resolves it ({@link Program#node}),
 * and a {@code requires} to the library of the module's enclosing block, as
 * library-unsatisfied sees it. Plain offsets; no editor types.
 */
public final class References {
  private References() {}

  /** A library statement and the block that declares it. */
  public record Provided(Entity owner, Library library) {}

  /**
   * Two spans are the same place: same offsets in the same document. Programs loaded from
   * different roots parse a shared file from the same text, so its entities have equal spans
   * in all of them; URIs are compared normalised ("a/./b" is "a/b").
   */
  public static boolean samePlace(Span a, Span b) {
    return a.start() == b.start() && a.end() == b.end() && inDocument(a, b.source());
  }

  /** Whether a span lies in a document (URIs compared normalised). */
  public static boolean inDocument(Span span, URI document) {
    return inDocument(span.source(), document);
  }

  /** Whether an element's source is a document (URIs compared normalised). */
  public static boolean inDocument(URI source, URI document) {
    return source.normalize().equals(document.normalize());
  }

  /** The block a target declares, or the host or VM a node reference resolves to. */
  public static Optional<Entity> entity(Program program, Target target) {
    if (target instanceof Target.Declaration d) {
      return Optional.of(d.entity());
    }
    if (target instanceof Target.NodeReference r) {
      return program.node(r.ref().text());
    }
    return Optional.empty();
  }

  /**
   * The library statement a target stands for: a library's own name, or the library that
   * satisfies a {@code requires} (its module's enclosing block's first library of that name).
   */
  public static Optional<Provided> library(Program program, Target target) {
    if (target instanceof Target.LibraryName l) {
      return Optional.of(new Provided(l.owner(), l.library()));
    }
    if (target instanceof Target.RequirementName r) {
      return provider(program, r.module(), r.requirement());
    }
    return Optional.empty();
  }

  /** The library of a module's enclosing block that a requirement names, if it has one. */
  public static Optional<Provided> provider(Program program, Entity module, Requirement requirement) {
    return program.parent(module).flatMap(owner ->
        owner.library(requirement.library().text()).map(library -> new Provided(owner, library)));
  }

  /**
   * The {@code nodes} entries of the program's root file that resolve to this declaration.
   * Only the root's: each file is searched as the root of its own program, which is how its
   * references resolve when it is checked.
   */
  public static List<Name> nodeReferences(Program program, Entity declaration) {
    return nodeReferences(program, declaration, program.span(declaration));
  }

  /**
   * As {@link #nodeReferences(Program, Entity)}, for a declaration of another program (another
   * file's, which may hold its own parse of the declaration's file): where it is, as its own
   * program places it.
   */
  public static List<Name> nodeReferences(Program program, Entity declaration, Span declared) {
    List<Name> found = new ArrayList<>();
    if (declaration.kind() != EntityKind.HOST && declaration.kind() != EntityKind.VM) {
      return found;
    }
    String name = declaration.name().text();
    // Every entry of that name resolves alike: to the declaration, or to another node of the name.
    if (program.node(name).filter(n -> samePlace(program.span(n), declared)).isEmpty()) {
      return found;
    }
    for (Entity top : program.root().declarations()) {
      top.forEachInTree(e -> {
        for (Name ref : e.properties().nodes().flatMap(Property::known).orElse(List.of())) {
          if (ref.text().equals(name)) {
            found.add(ref);
          }
        }
      });
    }
    return found;
  }

  /**
   * The library names of the {@code requires} that a library satisfies: those of the modules
   * directly inside its block, provided it is the block's first library of that name (a
   * repeated one is a duplicate that satisfies nothing).
   */
  public static List<Name> requirements(Provided provided) {
    String name = provided.library().name().text();
    boolean effective = provided.owner().library(name)
        .filter(first -> first == provided.library()).isPresent();
    return effective ? requiring(provided.owner(), name) : List.of();
  }

  /** The library names of every {@code requires NAME} of the modules directly inside a block. */
  public static List<Name> requiring(Entity owner, String libraryName) {
    List<Name> found = new ArrayList<>();
    for (Entity module : owner.children(EntityKind.MODULE)) {
      for (Requirement requirement : module.requirements()) {
        if (requirement.library().text().equals(libraryName)) {
          found.add(requirement.library());
        }
      }
    }
    return found;
  }
}
