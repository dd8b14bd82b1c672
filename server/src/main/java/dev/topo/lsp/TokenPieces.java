package dev.topo.lsp;

import dev.topo.check.Cancellation;
import dev.topo.ide.Highlighting;
import dev.topo.ide.Parsed;
import dev.topo.model.LineMap;
import dev.topo.syntax.DocumentSyntax.Piece;
import dev.topo.syntax.Highlighter.Highlight;
import java.util.ArrayList;
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
  private record Encoded(int[] ints, int firstLine, int firstColumn, int lastLine, int lastColumn) {
    static final Encoded NONE = new Encoded(new int[0], 0, 0, 0, 0);
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
    // Copied: each stretch's two leading deltas and the short stretches; the long ones are shared.
    EncodedTokens.Builder data = new EncodedTokens.Builder(pieces.size());
    int previousLine = 0;
    int previousColumn = 0;
    for (Piece<Highlight> piece : pieces) {
      cancel.check();
      int line = lines.line(piece.at());
      Key key = new Key(piece.source(), piece.from(), piece.to(), piece.at() - lines.lineStart(line));
      Encoded encoded = before.get(key);
      if (encoded == null) {
        encoded = encode(snapshot, piece, line, cancel);
        encodings.incrementAndGet();
      }
      now.put(key, encoded);
      if (encoded.ints().length == 0) {
        continue;
      }
      int lineDelta = line + encoded.firstLine() - previousLine;
      data.append(lineDelta);
      data.append(lineDelta == 0 ? encoded.firstColumn() - previousColumn : encoded.firstColumn());
      data.append(encoded.ints(), 2, encoded.ints().length);
      previousLine = line + encoded.lastLine();
      previousColumn = encoded.lastColumn();
    }
    kept.put(uri, now);
    return data.build();
  }

  long encodings() {
    return encodings.get();
  }

  void forget(String uri) {
    kept.remove(uri);
  }

  /**
   * Whether two stretches meet between the "\r" and the "\n" of one line end: the "\n" ends no
   * line here and would end one where the same stretch follows anything else, so what is kept for
   * the stretch would not hold; then the document is encoded whole. Stretches are statements and
   * the gaps between them, so it does not happen; this makes sure.
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

  /**
   * One stretch's tokens, encoded by {@link SemanticTokensFeature#encode} where the stretch
   * stands: its first token's deltas, from (0, 0), are that token's line and column, and the
   * deltas lead on to the last token's.
   *
   * @param line the line the stretch starts on
   */
  private static Encoded encode(Parsed snapshot, Piece<Highlight> piece, int line, Cancellation cancel) {
    int shift = piece.at() - piece.from();
    List<Highlight> here = new ArrayList<>(piece.results().size());
    for (Highlight h : piece.results()) {
      here.add(h.moved(shift));
    }
    // One array, read directly: an index into the stretches is a search.
    int[] ints = SemanticTokensFeature.encode(snapshot, here, cancel).ints();
    if (ints.length == 0) {
      return Encoded.NONE;
    }
    int lastLine = ints[0];
    int lastColumn = ints[1];
    for (int i = 5; i < ints.length; i += 5) {
      lastLine += ints[i];
      lastColumn = ints[i] == 0 ? lastColumn + ints[i + 1] : ints[i + 1];
    }
    return new Encoded(ints, ints[0] - line, ints[1], lastLine - line, lastColumn);
  }
}
