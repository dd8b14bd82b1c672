package dev.topo.lsp;

import dev.topo.ide.DocumentSymbols;
import dev.topo.ide.Parsed;
import dev.topo.model.EntityKind;
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
 * The outline ({@link DocumentSymbols}) in the protocol: nested symbols, or for clients
 * without hierarchical support one flat list naming each symbol's container.
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

  public static List<Either<SymbolInformation, DocumentSymbol>> symbols(Parsed snapshot,
      ClientCapabilities client) {
    List<SymbolKind> supported = supportedKinds(client);
    boolean nested = hierarchical(client);
    List<Either<SymbolInformation, DocumentSymbol>> result = new ArrayList<>();
    for (DocumentSymbols.Symbol symbol : DocumentSymbols.of(snapshot)) {
      if (nested) {
        result.add(Either.forRight(nested(snapshot, symbol, supported)));
      } else {
        flatten(snapshot, symbol, null, supported, result);
      }
    }
    return result;
  }

  static DocumentSymbol nested(Parsed snapshot, DocumentSymbols.Symbol symbol, List<SymbolKind> supported) {
    DocumentSymbol converted = new DocumentSymbol(symbol.name(), kind(symbol.kind(), supported),
        Positions.range(snapshot.lines(), symbol.span()), Positions.range(snapshot.lines(), symbol.selection()),
        symbol.detail().isEmpty() ? null : symbol.detail());
    converted.setChildren(symbol.children().stream().map(child -> nested(snapshot, child, supported)).toList());
    return converted;
  }

  /** For clients without hierarchical support: one flat list naming each symbol's container. */
  private static void flatten(Parsed snapshot, DocumentSymbols.Symbol symbol, String container,
      List<SymbolKind> supported, List<Either<SymbolInformation, DocumentSymbol>> result) {
    result.add(Either.forLeft(new SymbolInformation(symbol.name(), kind(symbol.kind(), supported),
        new Location(snapshot.file().uri().toString(), Positions.range(snapshot.lines(), symbol.span())), container)));
    for (DocumentSymbols.Symbol child : symbol.children()) {
      flatten(snapshot, child, symbol.name(), supported, result);
    }
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

  static boolean hierarchical(ClientCapabilities client) {
    var text = client == null ? null : client.getTextDocument();
    return text != null && text.getDocumentSymbol() != null
        && Boolean.TRUE.equals(text.getDocumentSymbol().getHierarchicalDocumentSymbolSupport());
  }

  static List<SymbolKind> supportedKinds(ClientCapabilities client) {
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
