package dev.topo.yaml;

import dev.topo.model.Entity;
import dev.topo.model.EntityDraft;
import dev.topo.model.Keyword;
import dev.topo.model.Name;
import dev.topo.model.Problem;
import dev.topo.model.Slot;
import dev.topo.model.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Writes statements into a block as a {@code .topo} file would hold them, from values read
 * in YAML: {@code cpu 500m} from {@code resources.limits.cpu: 500m}, at the YAML value's span.
 * Each statement is also kept as {@code .topo} text, so that {@code topo import} can write
 * the block out as it was read.
 */
final class Statements {
  private final Consumer<Problem> problems;
  /** The statements written into each draft so far, as {@code .topo} text; drafts compare by identity. */
  private final Map<EntityDraft, List<String>> drafts = new IdentityHashMap<>();
  /** The same, by the entity each draft became. */
  private final Map<Entity, List<String>> written = new IdentityHashMap<>();

  Statements(Consumer<Problem> problems) {
    this.problems = problems;
  }

  /** One statement whose slots each hold one value (or none, for an empty list). */
  void add(EntityDraft draft, Keyword keyword, Span statement, Name... slots) {
    addSlots(draft, keyword, statement, java.util.Arrays.stream(slots).map(List::of).toList());
  }

  /**
   * A statement the file does not write but topo assumes (a container's OS when nothing says
   * it), with a comment saying why wherever the statement is written out ({@code topo import}).
   */
  void assumed(EntityDraft draft, Keyword keyword, Span statement, String why, Name... slots) {
    if (addSlots(draft, keyword, statement, java.util.Arrays.stream(slots).map(List::of).toList())) {
      List<String> texts = drafts.get(draft);
      texts.set(texts.size() - 1, texts.get(texts.size() - 1) + "  // assumed: " + why);
    }
  }

  /** One statement whose slots may hold several values ({@code nodes a, b}); whether the block took it. */
  boolean addSlots(EntityDraft draft, Keyword keyword, Span statement, List<List<Name>> slots) {
    if (!draft.accepts(keyword.word(), statement)) {
      return false;
    }
    Span values = slots.stream().flatMap(List::stream).map(Absolute::at).reduce(Span::to).orElse(statement);
    draft.add(keyword, statement, values, new YamlValues(statement, slots, problems), true);
    drafts.computeIfAbsent(draft, d -> new ArrayList<>()).add(text(keyword, slots));
    return true;
  }

  /** Notes that {@code draft} became {@code entity}, whose statements are then {@link #written()}; returns the entity. */
  Entity built(EntityDraft draft, Entity entity) {
    written.put(entity, List.copyOf(drafts.getOrDefault(draft, List.of())));
    return entity;
  }

  /** The statements of every entity built, as {@code .topo} text, by entity identity. */
  Map<Entity, List<String>> written() {
    return Collections.unmodifiableMap(new IdentityHashMap<>(written));
  }

  /** The statement as a {@code .topo} file writes it: {@code select "kubernetes.io/os" "linux"}. */
  static String text(Keyword keyword, List<List<Name>> slots) {
    StringBuilder text = new StringBuilder(keyword.word());
    for (int i = 0; i < slots.size() && i < keyword.slots().size(); i++) {
      if (slots.get(i).isEmpty()) {
        continue;
      }
      Slot slot = keyword.slots().get(i);
      text.append(' ').append(slots.get(i).stream().map(n -> value(slot, n.text())).collect(Collectors.joining(", ")));
    }
    return text.toString();
  }

  private static String value(Slot slot, String value) {
    if (slot.namesEntity()) {
      return Name.written(value); // node names: Kubernetes spells them with dots
    }
    boolean quoted = slot.shape() == Slot.Shape.STRING || (slot.shape() == Slot.Shape.KEY && !Name.isIdentifier(value));
    return quoted ? Name.quoted(value) : value;
  }
}
