package dev.topo.yaml;

import dev.topo.model.Extent;
import dev.topo.model.Message;
import dev.topo.model.Name;
import dev.topo.model.Placement;
import dev.topo.model.Problem;
import dev.topo.model.ProblemCode;
import dev.topo.model.Span;
import dev.topo.model.StatementValues;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A statement's values taken from YAML, slot by slot, each with the span of the YAML value it
 * came from, for the keyword's reader: so a value read from a manifest means exactly what it
 * means written in a {@code .topo} file, and a bad one is reported at its YAML line.
 */
final class YamlValues implements StatementValues {
  private final Span statement;
  private final List<List<Name>> slots;
  private final Consumer<Problem> problems;

  YamlValues(Span statement, List<List<Name>> slots, Consumer<Problem> problems) {
    this.statement = statement;
    this.slots = List.copyOf(slots);
    this.problems = problems;
  }

  private List<Name> slot(int index) {
    return index < slots.size() ? slots.get(index) : List.of();
  }

  @Override
  public Span statement() {
    return statement;
  }

  @Override
  public boolean complete() {
    return true;
  }

  @Override
  public Name word(int slot) {
    List<Name> names = slot(slot);
    return names.isEmpty() ? new Name("", new Span(statement.source(), statement.start(), statement.start())) : names.get(0);
  }

  @Override
  public List<Name> words(int slot) {
    return slot(slot);
  }

  @Override
  public Optional<Name> string(int slot) {
    return rawString(slot);
  }

  @Override
  public Optional<Name> rawString(int slot) {
    return slot(slot).stream().findFirst();
  }

  @Override
  public String number(int slot) {
    return word(slot).text();
  }

  @Override
  public void invalid(Extent at, Message message) {
    problems.accept(new Problem(ProblemCode.INVALID_VALUE, Placement.ABSOLUTE.span(at), message));
  }
}
