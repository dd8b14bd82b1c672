package dev.topo.yaml;

import dev.topo.model.Entity;
import dev.topo.model.FileModel;
import dev.topo.model.Name;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Writes what a reader read as {@code .topo} text: each entity with a comment naming the file
 * and line it came from, its statements as they were read, its children; then a comment
 * counting what was skipped. The text is not laid out: the command that writes it formats it.
 */
public final class TopoWriter {
  private TopoWriter() {}

  /**
   * @param model the file read
   * @param written each entity's statements as {@code .topo} text (a reader's {@code Reading.written()})
   * @param skipped what each skipped thing is, one entry per thing
   * @param origin where an offset of the model's text was written ({@code compose.yaml:12})
   */
  public static String write(FileModel model, Map<Entity, List<String>> written, List<String> skipped,
      IntFunction<String> origin) {
    StringBuilder text = new StringBuilder();
    for (Entity entity : model.declarations()) {
      entity(entity, written, origin, text);
      text.append('\n');
    }
    if (!skipped.isEmpty()) {
      text.append("// skipped: ").append(counts(skipped)).append('\n');
    }
    return text.toString();
  }

  private static void entity(Entity entity, Map<Entity, List<String>> written, IntFunction<String> origin,
      StringBuilder text) {
    text.append(entity.kind().keyword()).append(' ').append(Name.written(entity.name().text())).append(" {\n");
    text.append("// from ").append(origin.apply(Absolute.at(entity).start())).append('\n');
    written.getOrDefault(entity, List.of()).forEach(statement -> text.append(statement).append('\n'));
    entity.children().forEach(child -> entity(child, written, origin, text));
    text.append("}\n");
  }

  /** {@code 3 Service, 2 web.ports}: how many of each, in the order first met. */
  private static String counts(List<String> skipped) {
    Map<String, Long> counts = skipped.stream()
        .collect(Collectors.groupingBy(what -> what, LinkedHashMap::new, Collectors.counting()));
    return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
  }
}
