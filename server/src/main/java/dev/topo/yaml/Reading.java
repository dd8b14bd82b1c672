package dev.topo.yaml;

import dev.topo.model.Entity;
import dev.topo.model.FileModel;
import dev.topo.model.Span;
import java.util.List;
import java.util.Map;

/**
 * What a reader made of a YAML file: the model, what was left out of it, and each entity's
 * statements as {@code .topo} text (by entity identity), for {@code topo import}.
 */
public record Reading(FileModel model, List<Skipped> skipped, Map<Entity, List<String>> written) {
  /**
   * Something the model has no place for, and where it is written: {@code what} is a kind
   * ({@code Service}), a field ({@code container ports}) or a Compose setting ({@code web.ports}).
   */
  public record Skipped(String what, Span span) {}
}
