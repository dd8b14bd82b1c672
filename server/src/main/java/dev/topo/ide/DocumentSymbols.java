package dev.topo.ide;

import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.FileModel;
import dev.topo.model.Properties;
import dev.topo.model.Property;
import dev.topo.model.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * The outline: every block of the document, nested as written, with a short detail (OS,
 * resources, image, replicas, nodes, language and load).
 */
public final class DocumentSymbols {
  private DocumentSymbols() {}

  /**
   * A block: the name shown, its kind, the whole block and the part to select (its name, or
   * an empty span at the block's start when it has none yet), a detail (empty when the block
   * declares nothing to summarise), and the blocks inside it.
   */
  public record Symbol(String name, EntityKind kind, Span span, Span selection, String detail, List<Symbol> children) {}

  public static List<Symbol> of(Parsed snapshot) {
    FileModel file = snapshot.file();
    return file.declarations().stream().map(d -> symbol(file, d)).toList();
  }

  /** One block's symbol, its own blocks nested in it: what the outline holds for that block alone. */
  public static Symbol symbol(FileModel file, Entity entity) {
    Span whole = file.span(entity);
    Span named = file.span(entity.name());
    Span name = whole.contains(named) ? named : new Span(whole.source(), whole.start(), whole.start());
    return new Symbol(label(entity), entity.kind(), whole, name, detail(entity),
        entity.children().stream().map(c -> symbol(file, c)).toList());
  }

  /** The name shown: editors reject an empty one, which half-typed text gives ({@code host {}). */
  static String label(Entity entity) {
    return entity.name().text().isEmpty() ? "(unnamed " + entity.kind().keyword() + ")" : entity.name().text();
  }

  /** A brief summary of what the block declares, the values as written. */
  static String detail(Entity entity) {
    Properties p = entity.properties();
    List<String> parts = new ArrayList<>();
    switch (entity.kind()) {
      case HOST, VM, CONTAINER -> {
        p.image().flatMap(Property::known).ifPresent(image -> parts.add(image.reference()));
        p.os().flatMap(Property::known).ifPresent(os -> parts.add(os.toString()));
        p.cpu().flatMap(Property::known).ifPresent(cpu -> parts.add(number(cpu) + " cpu"));
        p.memory().flatMap(Property::known).ifPresent(memory -> parts.add(memory.text()));
      }
      case CLUSTER -> p.nodes().flatMap(Property::known).filter(n -> !n.isEmpty())
          .ifPresent(nodes -> parts.add("nodes " + String.join(", ", nodes.stream().map(n -> n.text()).toList())));
      case POD -> p.replicas().flatMap(Property::known)
          .ifPresent(n -> parts.add(n + (n == 1 ? " replica" : " replicas")));
      case MODULE -> {
        p.language().flatMap(Property::known).ifPresent(parts::add);
        p.load().flatMap(Property::known).ifPresent(load -> parts.add("load " + load.word()));
      }
    }
    return String.join(" · ", parts);
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }
}
