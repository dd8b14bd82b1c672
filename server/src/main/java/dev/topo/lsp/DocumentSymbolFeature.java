package dev.topo.lsp;

import com.google.gson.JsonElement;
import dev.topo.ide.DocumentSymbols;
import dev.topo.ide.Parsed;
import dev.topo.model.EntityKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
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

  /** Read from the capabilities as sent ({@link SentCapabilities}): the outline is asked for right after a file opens. */
  static boolean hierarchical(ClientCapabilities client) {
    return SentCapabilities.of(client).isTrue("textDocument", "documentSymbol", "hierarchicalDocumentSymbolSupport");
  }

  static List<SymbolKind> supportedKinds(ClientCapabilities client) {
    return valueSet(SentCapabilities.of(client).at("textDocument", "documentSymbol", "symbolKind", "valueSet"));
  }

  /**
   * The kinds a client supports: those it lists (but kinds newer than LSP4J knows), else the
   * protocol's original File to Array.
   */
  static List<SymbolKind> valueSet(Optional<JsonElement> sent) {
    List<SymbolKind> listed = new ArrayList<>();
    if (sent.isPresent() && sent.get().isJsonArray()) {
      for (JsonElement kind : sent.get().getAsJsonArray()) {
        if (kind.isJsonPrimitive() && kind.getAsJsonPrimitive().isNumber()) {
          try {
            listed.add(SymbolKind.forValue(kind.getAsInt()));
          } catch (IllegalArgumentException newer) {
            // not one this server could answer with anyway
          }
        }
      }
    }
    if (!listed.isEmpty()) {
      return listed;
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
