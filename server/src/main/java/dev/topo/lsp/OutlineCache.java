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
 * column, for the same kinds, gets the same {@link RenderedSymbol} as before, JSON and all;
 * one only moved to another line (an edit above it added or removed lines) gets a copy with
 * its lines shifted. Clients without hierarchical outlines, and documents not open, get the
 * plain answer.
 */
final class OutlineCache {
  /** A block's symbol, and the text it was rendered from: {@code [start, end)} of {@code text}, at {@code line, column}. */
  private record Block(String text, int start, int end, int line, int column, RenderedSymbol symbol) {
    /** Whether {@code [start, end)} of {@code other}, at this column, is this block's text, so that its symbol holds there. */
    boolean renders(String other, Span span, int atColumn) {
      return atColumn == column && span.length() == end - start
          && other.regionMatches(span.start(), text, start, end - start);
    }

    /** Its place counted from the end of its text, which an edit before it does not change. */
    int fromEnd() {
      return text.length() - start;
    }
  }

  /**
   * A document's blocks by start offset and by distance from the end of the text, rendered
   * with these kinds: an edit leaves the blocks before it where they were and those after it
   * as far from the end, so one of the two finds each block it did not touch.
   */
  private record Outline(List<SymbolKind> kinds, Map<Integer, Block> byStart, Map<Integer, Block> byFromEnd) {
    static final Outline NONE = new Outline(List.of(), Map.of(), Map.of());

    Block find(String text, Span span, int column) {
      Block before = byStart.get(span.start());
      if (before != null && before.renders(text, span, column)) {
        return before;
      }
      Block after = byFromEnd.get(text.length() - span.start());
      return after != null && after.renders(text, span, column) ? after : null;
    }
  }

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
    Outline before = documents.getOrDefault(uri, Outline.NONE);
    Outline previous = before.kinds().equals(kinds) ? before : Outline.NONE;
    String text = snapshot.file().text();
    LineMap lines = snapshot.lines();
    Map<Integer, Block> byStart = new HashMap<>();
    Map<Integer, Block> byFromEnd = new HashMap<>();
    List<Either<SymbolInformation, DocumentSymbol>> result = new ArrayList<>();
    for (Entity declaration : snapshot.file().declarations()) {
      Span span = declaration.span();
      int line = lines.line(span.start());
      int column = lines.column(span.start());
      Block old = previous.find(text, span, column);
      RenderedSymbol symbol = old == null
          ? RenderedSymbol.of(DocumentSymbolFeature.nested(snapshot, DocumentSymbols.symbol(declaration), kinds))
          : old.line() == line ? old.symbol() : old.symbol().moved(line - old.line());
      // Kept against this text, not the one it was rendered from, so that only one version's text is held.
      Block block = new Block(text, span.start(), span.end(), line, column, symbol);
      byStart.put(block.start(), block);
      byFromEnd.put(block.fromEnd(), block);
      result.add(Either.forRight(symbol));
    }
    Outline outline = new Outline(kinds, byStart, byFromEnd);
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
