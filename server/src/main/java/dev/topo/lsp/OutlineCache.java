package dev.topo.lsp;

import dev.topo.ide.DocumentSymbols;
import dev.topo.ide.Parsed;
import dev.topo.model.Entity;
import java.net.URI;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The outline of each open document as last answered, top-level block by block
 * ({@link BlockRenders}): rendering and writing the whole outline of a 36,000-line design
 * after every keystroke was the largest single cost of the round. A block's symbol depends
 * on its text, its line and column, and the kinds the client supports (the key); an
 * unchanged block gets the same {@link RenderedSymbol} as before, JSON and all, and one only
 * moved to another line a copy with its lines shifted. Clients without hierarchical
 * outlines, and documents not open, get the plain answer.
 */
final class OutlineCache {
  private final BlockRenders<RenderedSymbol> blocks;

  /** @param open whether a document is open: only those are kept, until {@link #forget} */
  OutlineCache(Predicate<URI> open) {
    this.blocks = new BlockRenders<>(open);
  }

  /** The outline of this version of a document, as {@link DocumentSymbolFeature#symbols} answers it. */
  List<Either<SymbolInformation, DocumentSymbol>> symbols(Parsed snapshot, ClientCapabilities client) {
    if (!DocumentSymbolFeature.hierarchical(client) || !blocks.keeps(snapshot.file().uri())) {
      return DocumentSymbolFeature.symbols(snapshot, client);
    }
    List<SymbolKind> kinds = DocumentSymbolFeature.supportedKinds(client);
    return blocks.of(snapshot.file(), snapshot.lines(), kinds, block -> true, new BlockRenders.Renderer<>() {
      @Override
      public RenderedSymbol render(Entity block) {
        return RenderedSymbol.of(DocumentSymbolFeature.nested(snapshot, DocumentSymbols.symbol(snapshot.file(), block), kinds));
      }

      @Override
      public RenderedSymbol moved(RenderedSymbol symbol, int lines) {
        return symbol.moved(lines);
      }
    }).stream().<Either<SymbolInformation, DocumentSymbol>>map(Either::forRight).toList();
  }

  /** Drops a document's outline (on close). */
  void forget(URI uri) {
    blocks.forget(uri);
  }
}
