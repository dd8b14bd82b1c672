package dev.topo.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One block's statements gathered into an {@link Entity}, whatever they were written in: the
 * {@code .topo} parser and the readers of Kubernetes and Compose files both say what a block
 * holds statement by statement, and this applies the vocabulary's rules (where a statement is
 * allowed, whether it may repeat, what its values mean) the same way for both.
 */
public final class EntityDraft {
  private final EntityKind kind;
  private final Message owner;
  private final Consumer<Problem> problems;
  private final Function<Extent, Span> at;
  private final Map<Keyword, Property<?>> single = new EnumMap<>(Keyword.class);
  private final Map<Keyword, List<Property<?>>> repeated = new EnumMap<>(Keyword.class);
  private final List<Library> libraries = new ArrayList<>();
  private final List<Requirement> requirements = new ArrayList<>();
  private final List<Entity> children = new ArrayList<>();

  /**
   * @param owner how messages name the block ({@code host 'a'})
   * @param problems where the problems of its statements go
   * @param at where an element of the block is in the text, for a problem that points at it
   */
  public EntityDraft(EntityKind kind, Message owner, Consumer<Problem> problems, Function<Extent, Span> at) {
    this.kind = kind;
    this.owner = owner;
    this.problems = problems;
    this.at = at;
  }

  /** A block of a model whose elements hold spans of its text (YAML's). */
  public EntityDraft(EntityKind kind, Message owner, Consumer<Problem> problems) {
    this(kind, owner, problems, Placement.ABSOLUTE::span);
  }

  public EntityKind kind() {
    return kind;
  }

  public Message owner() {
    return owner;
  }

  public void addChild(Entity child) {
    children.add(child);
  }

  /**
   * Whether a statement starting with {@code word} may stand in this block; when not (an
   * unknown word, a statement of another block, a single one given again), says why.
   */
  public boolean accepts(String word, Span statement) {
    Keyword keyword = Keyword.of(word).orElse(null);
    if (keyword == null || !keyword.allowedIn(kind)) {
      problems.accept(new Problem(ProblemCode.MISPLACED_PROPERTY, statement, keyword == null
          ? Message.of("misplaced.in", "'" + word + "'", owner)
          : Message.of("misplaced.in.belongs", "'" + word + "'", owner, keyword.whereAllowed())));
      return false;
    }
    Property<?> first = single.get(keyword);
    if (first != null) {
      problems.accept(new Problem(ProblemCode.MISPLACED_PROPERTY, statement,
          Message.of("misplaced.twice", "'" + word + "'", owner),
          List.of(new Related(at.apply(first.span()), Message.of("misplaced.first")))));
      return false;
    }
    return true;
  }

  /**
   * Adds an accepted statement. A repeatable statement counts even when its values are
   * incomplete (a library without its version is still provided); a single one then has no
   * known value.
   *
   * @param readable whether the values mean something despite a syntax problem
   */
  public void add(Keyword keyword, Extent statement, Extent valueSpan, StatementValues values, boolean readable) {
    Object value = readable || keyword.repeatable() ? read(keyword, values, valueSpan) : null;
    if (value instanceof Library library) {
      libraries.add(library);
    } else if (value instanceof Requirement requirement) {
      requirements.add(requirement);
    } else if (keyword.repeatable()) {
      repeated.computeIfAbsent(keyword, k -> new ArrayList<>()).add(new Property<>(statement, valueSpan, value));
    } else {
      single.put(keyword, new Property<>(statement, valueSpan, value));
    }
  }

  /** The meaning of a statement's values, or null when they have none (after saying why). */
  private Object read(Keyword keyword, StatementValues values, Extent valueSpan) {
    try {
      return keyword.reader().read(values);
    } catch (InvalidValueException e) {
      problems.accept(new Problem(ProblemCode.INVALID_VALUE, at.apply(valueSpan), e.text()));
      return null;
    }
  }

  public Entity toEntity(Name name, Extent span) {
    Properties properties = single.isEmpty() && repeated.isEmpty() ? Properties.NONE : new Properties(single, repeated);
    Consistency.problems(kind, properties, at).forEach(problems);
    return new Entity(kind, name, span, properties, List.copyOf(libraries), List.copyOf(requirements),
        List.copyOf(children));
  }
}
