package dev.topo.yaml;

import dev.topo.model.EntityDraft;
import dev.topo.model.Keyword;
import dev.topo.model.Name;
import dev.topo.model.Problem;
import dev.topo.model.Span;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes statements into a block as a {@code .topo} file would hold them, from values read
 * in YAML: {@code cpu 500m} from {@code resources.limits.cpu: 500m}, at the YAML value's span.
 */
final class Statements {
  private final Consumer<Problem> problems;

  Statements(Consumer<Problem> problems) {
    this.problems = problems;
  }

  /** One statement whose slots each hold one value (or none, for an empty list). */
  void add(EntityDraft draft, Keyword keyword, Span statement, Name... slots) {
    addSlots(draft, keyword, statement, java.util.Arrays.stream(slots).map(List::of).toList());
  }

  /** One statement whose slots may hold several values ({@code nodes a, b}). */
  void addSlots(EntityDraft draft, Keyword keyword, Span statement, List<List<Name>> slots) {
    if (!draft.accepts(keyword.word(), statement)) {
      return;
    }
    Span values = slots.stream().flatMap(List::stream).map(Name::span).reduce(Span::to).orElse(statement);
    draft.add(keyword, statement, values, new YamlValues(statement, slots, problems), true);
  }
}
