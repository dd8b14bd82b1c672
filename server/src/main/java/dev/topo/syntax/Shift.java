package dev.topo.syntax;

import dev.topo.model.Entity;
import dev.topo.model.Extent;
import dev.topo.model.Import;
import dev.topo.model.Label;
import dev.topo.model.Library;
import dev.topo.model.Name;
import dev.topo.model.Placement;
import dev.topo.model.Problem;
import dev.topo.model.Properties;
import dev.topo.model.Property;
import dev.topo.model.Related;
import dev.topo.model.Requirement;
import dev.topo.model.Span;
import dev.topo.model.Suppression;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Moves model elements by a number of characters, for splicing a re-parsed block into a file. */
final class Shift {
  private final int delta;

  Shift(int delta) {
    this.delta = delta;
  }

  Span span(Extent e) {
    Span s = Placement.ABSOLUTE.span(e);
    return new Span(s.source(), s.start() + delta, s.end() + delta);
  }

  Name name(Name n) {
    return new Name(n.text(), span(n.span()));
  }

  /** An entity moved; its lists made straight into immutable ones, and its empty ones kept: half a file's entities come here a keystroke. */
  Entity entity(Entity e) {
    List<Entity> children = e.children();
    Entity[] movedChildren = new Entity[children.size()];
    for (int i = 0; i < movedChildren.length; i++) {
      movedChildren[i] = entity(children.get(i));
    }
    List<Library> libraries = e.libraries();
    Library[] movedLibraries = new Library[libraries.size()];
    for (int i = 0; i < movedLibraries.length; i++) {
      Library l = libraries.get(i);
      movedLibraries[i] = new Library(span(l.span()), name(l.name()), l.versionText(), span(l.versionSpan()), l.version());
    }
    List<Requirement> requirements = e.requirements();
    Requirement[] movedRequirements = new Requirement[requirements.size()];
    for (int i = 0; i < movedRequirements.length; i++) {
      Requirement r = requirements.get(i);
      movedRequirements[i] = new Requirement(span(r.span()), name(r.library()), r.rangeText(), span(r.rangeSpan()),
          r.range());
    }
    return new Entity(e.kind(), name(e.name()), span(e.span()), properties(e.properties()),
        libraries.isEmpty() ? libraries : List.of(movedLibraries),
        requirements.isEmpty() ? requirements : List.of(movedRequirements),
        children.isEmpty() ? children : List.of(movedChildren));
  }

  private Properties properties(Properties p) {
    return p.map(this::property);
  }

  /** A property, with the spans its value holds (names, lists of names, labels) moved too. */
  private Property<?> property(Property<?> p) {
    return new Property<>(span(p.span()), span(p.valueSpan()), value(p.value()));
  }

  private Object value(Object value) {
    if (value instanceof Name n) {
      return name(n);
    }
    if (value instanceof Label l) {
      return new Label(name(l.key()), name(l.value()));
    }
    if (value instanceof List<?> list) {
      List<Object> moved = new ArrayList<>(list.size()); // a loop: every list property after an edit comes here
      for (Object item : list) {
        moved.add(value(item));
      }
      return Collections.unmodifiableList(moved);
    }
    return value;
  }

  Import anImport(Import i) {
    return new Import(span(i.span()), i.path(), span(i.pathSpan()));
  }

  Problem problem(Problem p) {
    List<Related> related = p.related().stream().map(r -> new Related(span(r.span()), r.text())).toList();
    return new Problem(p.code(), span(p.span()), p.text(), related);
  }

  Suppression suppression(Suppression s) {
    return new Suppression(span(s.comment()), s.ruleIds(), span(s.target()), s.reason());
  }
}
