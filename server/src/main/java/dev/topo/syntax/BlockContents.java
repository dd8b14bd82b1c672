package dev.topo.syntax;

import dev.topo.grammar.TopologyParser.PropertyContext;
import dev.topo.grammar.TopologyParser.StatementContext;
import dev.topo.model.Consistency;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.InvalidValueException;
import dev.topo.model.Keyword;
import dev.topo.model.Library;
import dev.topo.model.Name;
import dev.topo.model.Problem;
import dev.topo.model.ProblemCode;
import dev.topo.model.Properties;
import dev.topo.model.Property;
import dev.topo.model.Related;
import dev.topo.model.Requirement;
import dev.topo.model.Span;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one block says, gathered statement by statement. Which statements a block allows,
 * which may repeat and what their values mean all come from the vocabulary ({@link Keyword}).
 */
final class BlockContents {
  private final ModelBuilder builder;
  private final EntityKind kind;
  private final String owner;
  private final Map<Keyword, Property<?>> single = new EnumMap<>(Keyword.class);
  private final Map<Keyword, List<Property<?>>> repeated = new EnumMap<>(Keyword.class);
  private final List<Library> libraries = new ArrayList<>();
  private final List<Requirement> requirements = new ArrayList<>();
  private final List<Entity> children = new ArrayList<>();

  BlockContents(ModelBuilder builder, EntityKind kind, String owner) {
    this.builder = builder;
    this.kind = kind;
    this.owner = owner;
  }

  String owner() {
    return owner;
  }

  void addChild(Entity child) {
    children.add(child);
  }

  void add(StatementContext statement) {
    Span span = builder.record(statement);
    if (span == null) {
      return;
    }
    if (statement.block() != null) {
      builder.block(statement.block(), kind, this);
      return;
    }
    String word = statement.getStart().getText();
    Keyword keyword = Keyword.of(word).orElse(null);
    if (keyword == null || !keyword.allowedIn(kind)) {
      String where = keyword == null ? "" : ": it belongs " + keyword.whereAllowed();
      builder.problem(ProblemCode.MISPLACED_PROPERTY, span, "'" + word + "' is not allowed in " + owner + where);
      return;
    }
    Property<?> first = single.get(keyword);
    if (first != null) {
      builder.problem(new Problem(ProblemCode.MISPLACED_PROPERTY, span,
          "'" + word + "' is given twice in " + owner + "; only the first counts",
          List.of(new Related(first.span(), "first given here"))));
      return;
    }
    PropertyContext property = statement.property();
    Span valueSpan = builder.valueSpan(property);
    PropertyValues values = new PropertyValues(builder, builder.shape(property), span, valueSpan);
    // A repeatable statement counts even when its values are incomplete (a library without
    // its version is still provided); a single one then has no known value.
    Object value = values.readable() || keyword.repeatable() ? read(keyword, values, valueSpan) : null;
    if (value instanceof Library library) {
      libraries.add(library);
    } else if (value instanceof Requirement requirement) {
      requirements.add(requirement);
    } else if (keyword.repeatable()) {
      repeated.computeIfAbsent(keyword, k -> new ArrayList<>()).add(new Property<>(span, valueSpan, value));
    } else {
      single.put(keyword, new Property<>(span, valueSpan, value));
    }
  }

  /** The meaning of a statement's values, or null when they have none (after saying why). */
  private Object read(Keyword keyword, PropertyValues values, Span valueSpan) {
    try {
      return keyword.reader().read(values);
    } catch (InvalidValueException e) {
      builder.problem(ProblemCode.INVALID_VALUE, valueSpan, e.getMessage());
      return null;
    }
  }

  Entity toEntity(Name name, Span span) {
    Properties properties = single.isEmpty() && repeated.isEmpty() ? Properties.NONE : new Properties(single, repeated);
    Consistency.problems(kind, properties).forEach(builder::problem);
    return new Entity(kind, name, span, properties, List.copyOf(libraries), List.copyOf(requirements),
        List.copyOf(children));
  }
}
