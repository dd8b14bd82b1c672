package dev.topo.lsp;

import dev.topo.model.Entity;
import dev.topo.model.FileModel;
import dev.topo.model.LineMap;
import dev.topo.model.Span;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * What an answer made of each top-level block of an open document at its last version, so
 * that after an edit only the blocks it can have changed are made again: the client asks for
 * the whole outline and every code lens after each keystroke.
 *
 * <p>What is made of a block is taken to be a function of the block's text (a top-level
 * block parses alone as it does in place, which {@code IncrementalParse} relies on too), of
 * the line and column it starts at (its ranges are offsets within it turned into positions;
 * it ends with a token, not a line break, so not even its end's position depends on what
 * follows), and of a key (what the client supports, the locale). So a block whose text is the
 * same, at the same line and column, under the same key, gets the same value as before; one
 * only moved to another line (an edit above it added or removed lines) gets it moved. Blocks
 * whose value depends on other blocks are left out ({@code reusable}) and made each time.
 *
 * @param <T> what is made of a block
 */
final class BlockRenders<T> {
  /** How a block's value is made, and moved by a number of lines. */
  interface Renderer<T> {
    T render(Entity block);

    T moved(T value, int lines);
  }

  /**
   * A block's value, and what it was made from: the entity, its text ({@code [start, end)} of
   * {@code text}), at {@code line, column}.
   */
  private record Block<T>(Entity entity, String text, int start, int end, int line, int column, T value) {
    /** Whether {@code [start, end)} of {@code other}, at this column, is this block's text, so that its value holds there. */
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
   * A document's blocks by start offset and by distance from the end of the text, made under
   * this key: an edit leaves the blocks before it where they were and those after it as far
   * from the end, so one of the two finds each block it did not touch.
   */
  private record Made<T>(Object key, Map<Integer, Block<T>> byStart, Map<Integer, Block<T>> byFromEnd) {
    Block<T> find(String text, Entity declaration, Span span, int column) {
      Block<T> before = byStart.get(span.start());
      // The same entity is a block before the edit, which the incremental parse keeps as it was,
      // text and place: there is nothing to compare.
      if (before != null && (before.entity() == declaration || before.renders(text, span, column))) {
        return before;
      }
      // After the edit, the same entity too, moved with its text, unless the edit was on its line
      // before it: what its elements hold counts from its start, so the parse kept it whole.
      Block<T> after = byFromEnd.get(text.length() - span.start());
      return after != null && (after.entity() == declaration && after.column() == column || after.renders(text, span, column))
          ? after : null;
    }
  }

  private final Map<URI, Made<T>> documents = new ConcurrentHashMap<>();
  private final Predicate<URI> open;

  /** @param open whether a document is open: only those are kept, until {@link #forget} */
  BlockRenders(Predicate<URI> open) {
    this.open = open;
  }

  /** Whether a document is kept here, so that its answer may be made block by block. */
  boolean keeps(URI uri) {
    return open.test(uri);
  }

  /** The value of each top-level block of this version of a file, in the order of the text. */
  List<T> of(FileModel file, LineMap lines, Object key, Predicate<Entity> reusable, Renderer<T> renderer) {
    URI uri = file.uri();
    Made<T> before = documents.get(uri);
    Made<T> previous = before != null && Objects.equals(before.key(), key) ? before : null;
    String text = file.text();
    Map<Integer, Block<T>> byStart = new HashMap<>();
    Map<Integer, Block<T>> byFromEnd = new HashMap<>();
    List<T> values = new ArrayList<>(file.declarations().size());
    for (Entity declaration : file.declarations()) {
      if (!reusable.test(declaration)) {
        values.add(renderer.render(declaration));
        continue;
      }
      Span span = file.span(declaration);
      int line = lines.line(span.start());
      int column = lines.column(span.start());
      Block<T> old = previous == null ? null : previous.find(text, declaration, span, column);
      T value = old == null ? renderer.render(declaration)
          : old.line() == line ? old.value() : renderer.moved(old.value(), line - old.line());
      // Kept against this text, not the one it was made from, so that only one version's text is held.
      Block<T> block = new Block<>(declaration, text, span.start(), span.end(), line, column, value);
      byStart.put(block.start(), block);
      byFromEnd.put(block.fromEnd(), block);
      values.add(value);
    }
    Made<T> made = new Made<>(key, byStart, byFromEnd);
    documents.put(uri, made);
    if (!open.test(uri)) {
      documents.remove(uri, made); // closed while this was worked out: forget() may have come first
    }
    return values;
  }

  /** Drops a document's blocks (on close). */
  void forget(URI uri) {
    documents.remove(uri);
  }
}
