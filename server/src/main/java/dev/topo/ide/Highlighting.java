package dev.topo.ide;

import dev.topo.check.Cancellation;
import dev.topo.syntax.DocumentSyntax;
import dev.topo.syntax.Highlighter;
import dev.topo.syntax.Highlighter.Highlight;
import java.util.List;

/**
 * What each word of a document is, for colouring: {@link Highlighter}'s highlights of the
 * snapshot's syntax, which it finds once per parsed stretch of text and keeps while versions
 * contain it (so it stays in {@code syntax}, beside the parse it reads).
 */
public final class Highlighting {
  private Highlighting() {}

  /** Every highlight of the document, in text order, never overlapping; a block comment's may span lines. */
  public static List<Highlight> of(Parsed snapshot, Cancellation cancel) {
    cancel.check();
    return Highlighter.of(snapshot.syntax());
  }

  /** The same highlights a parsed stretch at a time, for colours encoded and kept per stretch. */
  public static List<DocumentSyntax.Piece<Highlight>> pieces(Parsed snapshot, Cancellation cancel) {
    cancel.check();
    return Highlighter.pieces(snapshot.syntax());
  }

  /**
   * The highlights that overlap {@code [from, to)}, in text order; for an empty range, those
   * that touch its offset.
   */
  public static List<Highlight> in(Parsed snapshot, int from, int to, Cancellation cancel) {
    int start = Math.min(from, to);
    int end = Math.max(from, to);
    return of(snapshot, cancel).stream()
        .filter(h -> start < end ? h.start() < end && h.end() > start : h.start() <= start && start <= h.end())
        .toList();
  }
}
