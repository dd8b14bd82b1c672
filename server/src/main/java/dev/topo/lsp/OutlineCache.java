package dev.topo.lsp;

import dev.topo.ide.DocumentSymbols;
import dev.topo.ide.Parsed;
import dev.topo.model.Entity;
import dev.topo.model.LineMap;
import dev.topo.model.Span;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The outline of each open document as last answered, top-level block by block, so that
 * after an edit only the blocks it can have changed are rendered again: the client asks for
 * the whole outline after every keystroke, and rendering and writing it for a 36,000-line
 * design was the largest single cost of the round.
 *
 * <p>A block's symbol is a function of the block's text (a top-level block parses alone as
 * it does in place, which {@code IncrementalParse} relies on too), of the line and column it
 * starts at (its ranges are offsets within it turned into positions; it ends with a token,
 * not a line break, so not even its end's position depends on what follows), and of the
 * kinds the client supports. So a block whose text is the same, at the same line and
 * column, for the same kinds, gets the same {@link RenderedSymbol} as before, JSON and all.
 * A block that moved to another line is rendered again. Clients without hierarchical
 * outlines, and documents not open, get the plain answer.
 */
final class OutlineCache {
  /** A block's symbol, and the text it was rendered from: {@code [start, end)} of {@code text}. */
  private record Block(String text, int start, int end, RenderedSymbol symbol) {
    /** Whether {@code [start, end)} of {@code other} is this block's text, so that its symbol holds there. */
    boolean renders(String other, Span span) {
      return span.length() == end - start && other.regionMatches(span.start(), text, start, end - start);
    }
  }

  /** A document's blocks by the line and column each starts at, rendered with these kinds. */
  private record Outline(List<SymbolKind> kinds, Map<Long, Block> blocks) {}

  private final Map<URI, Outline> documents = new ConcurrentHashMap<>();
  private final Predicate<URI> open;

  /** @param open whether a document is open: only those are kept, until {@link #forget} */
  OutlineCache(Predicate<URI> open) {
    this.open = open;
  }

  /** The outline of this version of a document, as {@link DocumentSymbolFeature#symbols} answers it. */
  List<Either<SymbolInformation, DocumentSymbol>> symbols(Parsed snapshot, ClientCapabilities client) {
    URI uri = snapshot.file().uri();
    if (!DocumentSymbolFeature.hierarchical(client) || !open.test(uri)) {
      return DocumentSymbolFeature.symbols(snapshot, client);
    }
    List<SymbolKind> kinds = DocumentSymbolFeature.supportedKinds(client);
    Outline before = documents.get(uri);
    Map<Long, Block> previous = before != null && before.kinds().equals(kinds) ? before.blocks() : Map.of();
    String text = snapshot.file().text();
    LineMap lines = snapshot.lines();
    Map<Long, Block> blocks = new HashMap<>();
    List<Either<SymbolInformation, DocumentSymbol>> result = new ArrayList<>();
    for (Entity declaration : snapshot.file().declarations()) {
      Span span = declaration.span();
      long at = (long) lines.line(span.start()) << 32 | lines.column(span.start());
      Block old = previous.get(at);
      RenderedSymbol symbol = old != null && old.renders(text, span)
          ? old.symbol()
          : RenderedSymbol.of(DocumentSymbolFeature.nested(snapshot, DocumentSymbols.symbol(declaration), kinds));
      // Kept against this text, not the one it was rendered from, so that only one version's text is held.
      blocks.put(at, new Block(text, span.start(), span.end(), symbol));
      result.add(Either.forRight(symbol));
    }
    Outline outline = new Outline(kinds, blocks);
    documents.put(uri, outline);
    if (!open.test(uri)) {
      documents.remove(uri, outline); // closed while this was worked out: forget() may have come first
    }
    return result;
  }

  /** Drops a document's outline (on close). */
  void forget(URI uri) {
    documents.remove(uri);
  }
}
