package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.check.Cancellation;
import dev.topo.ide.Highlighting;
import dev.topo.ide.Parsed;
import dev.topo.model.FileModel;
import dev.topo.tools.TopologyGenerator;
import dev.topo.workspace.ParseCache;
import dev.topo.workspace.TextDocument;
import java.net.URI;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Semantic tokens encoded a stretch at a time and kept between versions ({@link TokenPieces})
 * are exactly the tokens encoded whole, after every edit of a random sequence.
 */
class TokenPiecesTest {
  static final URI URI_ = URI.create("file:///ws/main.topo");
  /** Line ends of the three kinds, a block comment over lines, and text past Latin-1 (columns count UTF-16 units). */
  static final String HEAD = "/* a comment\r\n   over lines */ host first { os linux \"ubuntu 22.04\" }\r\n"
      + "// 서버 𝄞 notes\r\nhost second {\r  cpu 4 /* two\n lines */ }\n";

  /**
   * A random sequence as a user makes them (typing in a block, adding and removing lines,
   * breaking a brace and mending it, adding a block, cutting a stretch): many versions are
   * parsed whole, some a block at a time.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void theTokensKeptByStretchAreTheTokensEncodedWholeAfterEveryEdit(long seed) {
    EditSequence edits = new EditSequence(seed, HEAD + new TopologyGenerator(seed).single(600));
    ParseCache cache = new ParseCache();
    TokenPieces pieces = new TokenPieces();
    String text = edits.text();
    for (int version = 1; version <= 150; version++) {
      assertEncodedWhole(pieces, parsed(cache, version, text), "version " + version);
      text = edits.next();
    }
  }

  /**
   * Lines typed into the blocks of a well-formed design, of every kind of line end, comment and
   * character: each version is the last with one block re-parsed, and only that block's
   * stretch is encoded again.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void typingInBlocksEncodesOnlyTheBlockTyped(long seed) {
    Random random = new Random(seed);
    String text = HEAD + new TopologyGenerator(seed).single(600);
    ParseCache cache = new ParseCache();
    assertEquals(List.of(), cache.get(URI_, text).problems(), "the design starts well formed");
    TokenPieces pieces = new TokenPieces();
    String[] typed = {"  // x\n", "  /* a\r\n b */\n", "\r\n", "  cpu 3\r\n", "  // 서버 𝄞\n", "\n", "\r"};
    long stretches = 0;
    long encodedBefore = 0;
    for (int version = 1; version <= 150; version++) {
      Parsed parsed = parsed(cache, version, text);
      assertEncodedWhole(pieces, parsed, "version " + version);
      if (version == 1) {
        encodedBefore = pieces.encodings();
      } else {
        stretches += Highlighting.pieces(parsed, Cancellation.NONE).size();
      }
      int inside = text.indexOf("\n  ", random.nextInt(text.length() - 200)) + 1;
      text = EditSequence.insert(text, inside, typed[random.nextInt(typed.length)]);
    }
    assertEquals(new ParseCache.Parses(1, 149), cache.parses(), "every edit re-parsed one block");
    // Without keeping, every stretch of every version would be encoded again.
    long encoded = pieces.encodings() - encodedBefore;
    assertTrue(encoded < stretches / 3, encoded + " of " + stretches + " stretches encoded");
  }

  private static void assertEncodedWhole(TokenPieces pieces, Parsed parsed, String version) {
    EncodedTokens whole = SemanticTokensFeature.encode(parsed, Highlighting.of(parsed, Cancellation.NONE), Cancellation.NONE);
    assertEquals(whole, pieces.data(URI_.toString(), parsed, Cancellation.NONE), version);
  }

  @Test
  void aStretchThatMovesToAnotherColumnIsEncodedAgain() {
    ParseCache cache = new ParseCache();
    TokenPieces pieces = new TokenPieces();
    String text = "host a { cpu 1 }\nhost b { cpu 2 }\n";
    for (String version : List.of(text, text.replace("host a { cpu 1 }\n", "host a { cpu 1 } "), text)) {
      Parsed parsed = parsed(cache, 1, version);
      assertEquals(SemanticTokensFeature.encode(parsed, Highlighting.of(parsed, Cancellation.NONE), Cancellation.NONE),
          pieces.data(URI_.toString(), parsed, Cancellation.NONE), version);
    }
  }

  static Parsed parsed(ParseCache cache, int version, String text) {
    FileModel model = cache.get(URI_, text);
    return Parsed.of(new TextDocument(URI_, version, text), model, cache.syntax(model));
  }
}
