package dev.topo.lsp;

import dev.topo.ide.Snapshot;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Properties;
import dev.topo.model.Property;
import dev.topo.model.Span;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.SymbolKindCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The outline: every block of the document, nested as written, with a short detail (OS,
 * resources, image, replicas, nodes, language and load).
 *
 * <p>Kinds, chosen so that the six kinds of block get six different icons and the nesting
 * reads naturally: a host is a {@code Class} (the thing that is built and owns what runs on
 * it), a VM an {@code Object} (an instance running on its host), a container a
 * {@code Package} (a packaged image), a cluster a {@code Namespace} (a scope that holds
 * pods), a pod an {@code Array} (a group copied {@code replicas} times), and a module a
 * {@code Module}. A client that does not list {@code Object} among its symbol kinds (the
 * protocol's original set stops at {@code Array}) sees VMs as classes too.
 */
public final class DocumentSymbolFeature {
  private DocumentSymbolFeature() {}

  public static List<Either<SymbolInformation, DocumentSymbol>> symbols(Snapshot snapshot,
      ClientCapabilities client) {
    List<SymbolKind> supported = supportedKinds(client);
    List<Either<SymbolInformation, DocumentSymbol>> result = new ArrayList<>();
    if (hierarchical(client)) {
      for (Entity declaration : snapshot.file().declarations()) {
        result.add(Either.forRight(symbol(snapshot, declaration, supported)));
      }
    } else {
      for (Entity declaration : snapshot.file().declarations()) {
        flatten(snapshot, declaration, null, supported, result);
      }
    }
    return result;
  }

  private static DocumentSymbol symbol(Snapshot snapshot, Entity entity, List<SymbolKind> supported) {
    Span whole = entity.span();
    Span name = whole.contains(entity.name().span()) ? entity.name().span() : new Span(whole.source(), whole.start(), whole.start());
    DocumentSymbol symbol = new DocumentSymbol(label(entity), kind(entity.kind(), supported),
        Positions.range(snapshot.lines(), whole), Positions.range(snapshot.lines(), name), detail(entity));
    List<DocumentSymbol> children = new ArrayList<>();
    for (Entity child : entity.children()) {
      children.add(symbol(snapshot, child, supported));
    }
    symbol.setChildren(children);
    return symbol;
  }

  /** For clients without hierarchical support: one flat list naming each symbol's container. */
  private static void flatten(Snapshot snapshot, Entity entity, Entity parent, List<SymbolKind> supported,
      List<Either<SymbolInformation, DocumentSymbol>> result) {
    SymbolInformation info = new SymbolInformation(label(entity), kind(entity.kind(), supported),
        new Location(snapshot.file().uri().toString(), Positions.range(snapshot.lines(), entity.span())),
        parent == null ? null : label(parent));
    result.add(Either.forLeft(info));
    for (Entity child : entity.children()) {
      flatten(snapshot, child, entity, supported, result);
    }
  }

  /** The name shown: editors reject an empty one, which half-typed text gives ({@code host {}). */
  static String label(Entity entity) {
    return entity.name().text().isEmpty() ? "(unnamed " + entity.kind().keyword() + ")" : entity.name().text();
  }

  static SymbolKind kind(EntityKind kind, List<SymbolKind> supported) {
    return switch (kind) {
      case HOST -> SymbolKind.Class;
      case VM -> supported.contains(SymbolKind.Object) ? SymbolKind.Object : SymbolKind.Class;
      case CONTAINER -> SymbolKind.Package;
      case CLUSTER -> SymbolKind.Namespace;
      case POD -> SymbolKind.Array;
      case MODULE -> SymbolKind.Module;
    };
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
    return parts.isEmpty() ? null : String.join(" · ", parts);
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }

  static boolean hierarchical(ClientCapabilities client) {
    var text = client == null ? null : client.getTextDocument();
    return text != null && text.getDocumentSymbol() != null
        && Boolean.TRUE.equals(text.getDocumentSymbol().getHierarchicalDocumentSymbolSupport());
  }

  private static List<SymbolKind> supportedKinds(ClientCapabilities client) {
    var text = client == null ? null : client.getTextDocument();
    SymbolKindCapabilities kinds = text == null || text.getDocumentSymbol() == null ? null
        : text.getDocumentSymbol().getSymbolKind();
    return valueSet(kinds);
  }

  /** The kinds a client supports: those it lists, else the protocol's original File to Array. */
  static List<SymbolKind> valueSet(SymbolKindCapabilities kinds) {
    if (kinds != null && kinds.getValueSet() != null && !kinds.getValueSet().isEmpty()) {
      return kinds.getValueSet();
    }
    List<SymbolKind> original = new ArrayList<>();
    for (SymbolKind kind : SymbolKind.values()) {
      if (kind.getValue() <= SymbolKind.Array.getValue()) {
        original.add(kind);
      }
    }
    return original;
  }
}
