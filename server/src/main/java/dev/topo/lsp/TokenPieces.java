package dev.topo.lsp;

import dev.topo.check.Cancellation;
import dev.topo.ide.Highlighting;
import dev.topo.ide.Parsed;
import dev.topo.model.LineMap;
import dev.topo.syntax.DocumentSyntax.Piece;
import dev.topo.syntax.Highlighter.Highlight;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Semantic tokens encoded a parsed stretch at a time, and each stretch's encoding kept for the
 * next version: a keystroke re-parses one block, so only that block's tokens are encoded
 * again, and the rest of a 50,000-line file is copied. The protocol's encoding is relative
 * (each token from the one before), so a stretch's tokens are the same integers wherever the
 * stretch stands but for its first token, worked out when the stretches are joined. Only the
 * last version's stretches are kept, per document: a stretch no longer in the text is dropped.
 *
 * <p>The result is exactly {@link SemanticTokensFeature#encode} of all the highlights
 * ({@code TokenPiecesTest} holds the two together over random edits).
 */
final class TokenPieces {
  /** A stretch of a parse, and the column its first line starts at: all that its tokens' integers depend on. */
  private record Key(Object source, int from, int to, int column) {}

  /**
   * A stretch's tokens as the protocol encodes them, but for the first token's line and column
   * deltas, which are left as zeros: they depend on the token before the stretch.
   *
   * @param firstLine lines from the stretch's start to its first token's
   * @param firstColumn the first token's column
   * @param lastLine lines from the stretch's start to its last token's
   * @param lastColumn the last token's column
   */
  private record Encoded(int[] ints, int size, int firstLine, int firstColumn, int lastLine, int lastColumn) {
    static final Encoded NONE = new Encoded(new int[0], 0, 0, 0, 0, 0);
  }

  private final Map<String, Map<Key, Encoded>> kept = new ConcurrentHashMap<>();
  /** How many stretches were encoded, not found kept (for tests: an edit encodes its own). */
  private final AtomicLong encodings = new AtomicLong();

  /** Every token of the document, encoded; the stretches of the version before are reused where they stand again. */
  EncodedTokens data(String uri, Parsed snapshot, Cancellation cancel) {
    List<Piece<Highlight>> pieces = Highlighting.pieces(snapshot, cancel);
    String text = snapshot.document().text();
    if (splitsALineEnd(pieces, text)) {
      return SemanticTokensFeature.encode(snapshot, Highlighting.of(snapshot, cancel), cancel);
    }
    LineMap lines = snapshot.lines();
    Map<Key, Encoded> before = kept.getOrDefault(uri, Map.of());
    Map<Key, Encoded> now = new HashMap<>();
    int tokens = 0;
    for (Piece<Highlight> piece : pieces) {
      tokens += piece.results().size();
    }
    EncodedTokens data = new EncodedTokens(tokens);
    int previousLine = 0;
    int previousColumn = 0;
    for (Piece<Highlight> piece : pieces) {
      cancel.check();
      int line = lines.line(piece.at());
      Key key = new Key(piece.source(), piece.from(), piece.to(), piece.at() - lines.lineStart(line));
      Encoded encoded = before.get(key);
      if (encoded == null) {
        encoded = encode(piece, key.column());
        encodings.incrementAndGet();
      }
      now.put(key, encoded);
      if (encoded.size() == 0) {
        continue;
      }
      int lineDelta = line + encoded.firstLine() - previousLine;
      data.append(lineDelta);
      data.append(lineDelta == 0 ? encoded.firstColumn() - previousColumn : encoded.firstColumn());
      data.append(encoded.ints(), 2, encoded.size());
      previousLine = line + encoded.lastLine();
      previousColumn = encoded.lastColumn();
    }
    kept.put(uri, now);
    return data;
  }

  long encodings() {
    return encodings.get();
  }

  void forget(String uri) {
    kept.remove(uri);
  }

  /**
   * Whether two stretches meet between the "\r" and the "\n" of one line end, which a stretch
   * read alone would count as two: then the document is encoded whole. Stretches are statements
   * and the gaps between them, so it does not happen; this makes sure.
   */
  private static boolean splitsALineEnd(List<Piece<Highlight>> pieces, String text) {
    for (Piece<Highlight> piece : pieces) {
      int at = piece.at();
      if (at > 0 && at < text.length() && text.charAt(at) == '\n' && text.charAt(at - 1) == '\r') {
        return true;
      }
    }
    return false;
  }

  /** One stretch's tokens, split at line ends as {@link SemanticTokensFeature#encode} splits them. */
  private static Encoded encode(Piece<Highlight> piece, int column) {
    if (piece.results().isEmpty()) {
      return Encoded.NONE;
    }
    Walk walk = new Walk(piece.text(), piece.from(), piece.to(), column);
    EncodedTokens ints = new EncodedTokens(piece.results().size());
    for (Highlight h : piece.results()) {
      int type = SemanticTokensFeature.typeOf(h.role());
      int modifiers = SemanticTokensFeature.modifiersOf(h.role());
      int start = h.start();
      while (start < h.end()) {
        walk.to(start);
        int end = walk.contentEnd(start, h.end());
        if (end > start) {
          walk.emit(ints, start, end - start, type, modifiers);
        }
        start = walk.nextLine(end);
      }
    }
    return new Encoded(ints.ints(), ints.size(), walk.firstLine, walk.firstColumn, walk.lastLine, walk.lastColumn);
  }

  /** A walk through a stretch's text, counting line ends as {@link LineMap} does. */
  private static final class Walk {
    private final String text;
    private final int to;
    private int at;
    private int line;
    /** Where the current line starts; before the stretch's start on its first line. */
    private int lineStart;
    private int firstLine = -1;
    private int firstColumn;
    private int lastLine;
    private int lastColumn;

    Walk(String text, int from, int to, int column) {
      this.text = text;
      this.to = to;
      this.at = from;
      this.lineStart = from - column;
    }

    /** Counts the line ends up to {@code offset}. */
    void to(int offset) {
      for (; at < offset; at++) {
        if (endsLine(at)) {
          line++;
          lineStart = at + 1;
        }
      }
    }

    /** Whether the character at {@code i} ends a line: "\n", or "\r" not followed by "\n" in the stretch. */
    private boolean endsLine(int i) {
      char c = text.charAt(i);
      return c == '\n' || c == '\r' && (i + 1 >= to || text.charAt(i + 1) != '\n');
    }

    /** Where the line's text ends before {@code limit}: at its line end. */
    int contentEnd(int from, int limit) {
      int end = from;
      while (end < limit && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      return end;
    }

    /** Past the line end at {@code end} ("\r\n" is one), or {@code end} itself when no line ends there. */
    int nextLine(int end) {
      if (end >= to) {
        return end;
      }
      return text.charAt(end) == '\r' && end + 1 < to && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
    }

    void emit(EncodedTokens ints, int start, int length, int type, int modifiers) {
      int column = start - lineStart;
      if (firstLine < 0) {
        firstLine = line;
        firstColumn = column;
        ints.append(0);
        ints.append(0);
      } else {
        ints.append(line - lastLine);
        ints.append(line == lastLine ? column - lastColumn : column);
      }
      ints.append(length);
      ints.append(type);
      ints.append(modifiers);
      lastLine = line;
      lastColumn = column;
    }
  }
}
