package dev.topo.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.grammar.TopologyParser;
import dev.topo.ide.Folding;
import dev.topo.ide.Selection;
import dev.topo.model.FileModel;
import dev.topo.model.ResolvedModel;
import dev.topo.tools.TopologyGenerator;
import dev.topo.workspace.ParseCache;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Random;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/**
 * The syntax the parse cache keeps through edits, re-parsing one block or one gap at a time
 * and joining the segments when a feature reads the tree, is the syntax of a full parse:
 * the same tokens, statements and problems, and the same colours, folds, selections and
 * formatting made of them. Random edit sequences as in {@link IncrementalParseTest}, chained
 * through the cache, with the tree read at random versions so that joins of many segments
 * are checked as well as joins of few.
 */
class DocumentSyntaxTest {
  static final URI URI_ = IncrementalParseTest.URI_;
  /** Edits per corpus text. */
  static final int EDITS = 100;

  /** What a token is, as the features read it (ANTLR's line and column aside: they read offsets). */
  record Lexeme(int type, int start, int stop, String text, int channel, int index) {
    static List<Lexeme> of(List<Token> tokens) {
      return tokens.stream().map(t -> new Lexeme(t.getType(), t.getStartIndex(), t.getStopIndex(), t.getText(),
          t.getChannel(), t.getTokenIndex())).toList();
    }
  }

  /** The views of the syntax, and what the features make of them, are those of the full parse. */
  static void assertSameSyntax(SyntaxTree full, DocumentSyntax syntax, Random random, String context) {
    assertEquals(full.text(), syntax.text(), context);
    assertEquals(Lexeme.of(full.tokens()), Lexeme.of(syntax.tokens()), context);
    StatementTree expected = StatementTree.of(full);
    assertEquals(expected.top(), syntax.statements().top(), context);
    assertEquals(expected.comments(), syntax.statements().comments(), context);
    assertEquals(Highlighter.of(full), Highlighter.of(syntax), context);
    assertEquals(FoldPieces.of(DocumentSyntax.of(full)), FoldPieces.of(syntax), context);
    assertEquals(Folding.of(DocumentSyntax.of(full)), Folding.of(syntax), context);
    for (int i = 0; i < 3; i++) {
      int offset = random.nextInt(full.text().length() + 1);
      assertEquals(Selection.at(DocumentSyntax.of(full), offset), Selection.at(syntax, offset),
          context + ", selection at " + offset);
    }
  }

  /** The tree joined from the segments is the full parse's, down to the model built from it. */
  static void assertSameTree(SyntaxTree full, SyntaxTree joined, String context) {
    assertEquals(Lexeme.of(full.tokens()), Lexeme.of(joined.tokens()), context);
    assertEquals(StatementTree.of(full).top(), StatementTree.of(joined).top(), context);
    assertEquals(full.problems(), joined.problems(), context);
    assertEquals(ResolvedModel.of(TopologySyntax.model(full)), ResolvedModel.of(TopologySyntax.model(joined)), context);
    assertEquals(Highlighter.of(full), Highlighter.of(joined), context);
    assertEquals(Formatter.formatDocument(full.text(), Formatter.Options.DEFAULT),
        Formatter.formatDocument(joined, Formatter.Options.DEFAULT), context);
  }

  @Test
  void wildRandomEditsGiveTheSyntaxOfAFullParse() throws IOException {
    // The samples only: wild edits break a big file at once, and then it is parsed whole, which other tests cover.
    List<String> samples = IncrementalParseTest.corpus().subList(0, IncrementalParseTest.corpus().size() - 1);
    Served served = randomEdits(samples, IncrementalParseTest.FRAGMENTS, 3);
    assertTrue(served.incremental > served.edits / 20, "the shortcut served " + served);
  }

  @Test
  void gentleRandomEditsGiveTheSyntaxOfAFullParse() throws IOException {
    Served served = randomEdits(IncrementalParseTest.corpus(), IncrementalParseTest.GENTLE, 4);
    assertTrue(served.incremental > served.edits / 10, "the shortcut served " + served);
    assertTrue(served.mostSegments >= 5, "the shortcut served " + served);
  }

  /** How many edits were made, how many the cache served by re-parsing a piece, and the most segments read. */
  private record Served(int edits, long incremental, int mostSegments) {}

  /**
   * Edits in many blocks and between them, in a random order, none of them read until the
   * end: the syntax read then stands in dozens of segments, and is still the full parse's.
   */
  @Test
  void editsAllOverAFileMakeManySegmentsThatReadAsTheFullParse() {
    StringBuilder file = new StringBuilder("import \"lib.topo\"\n\n");
    for (int i = 0; i < 60; i++) {
      file.append("host h").append(i).append(" {\n  os linux\n  cpu 2\n}\n\n");
    }
    String text = file.toString();
    ParseCache cache = new ParseCache();
    cache.get(URI_, text);
    Random random = new Random(7);
    for (int i = 0; i < 40; i++) {
      // Inside a block (before its cpu), or between two blocks.
      boolean inside = i % 2 == 0;
      String anchor = inside ? "\n  cpu " : "\nhost ";
      int at = text.indexOf(anchor, random.nextInt(text.length()));
      at = at < 0 ? text.indexOf(anchor) : at;
      String insert = inside ? "\n  // note " + i : "\n// between " + i + "\n";
      text = text.substring(0, at) + insert + text.substring(at);
      cache.get(URI_, text);
    }
    assertEquals(new ParseCache.Parses(1, 40), cache.parses());
    DocumentSyntax syntax = cache.syntax(cache.get(URI_, text));
    assertTrue(syntax.segmentCount() > 30, syntax.segmentCount() + " segments");
    SyntaxTree full = TopologySyntax.parseTree(URI_, text);
    assertSameSyntax(full, syntax, random, "after 40 edits");
    assertSameTree(full, syntax.tree(), "after 40 edits");
  }

  /**
   * Seeded random edits of each text, one after another, each through a parse cache;
   * at a quarter of the versions (and the last), the cache's syntax is checked against a full
   * parse, and at some of those its joined tree as well (which then becomes its one segment).
   */
  private static Served randomEdits(List<String> corpus, String[] fragments, long seed) {
    Random random = new Random(seed);
    int edits = 0;
    long incremental = 0;
    int mostSegments = 0;
    for (String start : corpus) {
      ParseCache cache = new ParseCache();
      String text = start;
      cache.get(URI_, text);
      String previous = text;
      boolean broken = false;
      for (int i = 0; i < EDITS; i++) {
        int at = random.nextInt(text.length() + 1);
        int cut = random.nextInt(3) == 0 ? Math.min(text.length() - at, random.nextInt(6)) : 0;
        String insert = random.nextBoolean() ? fragments[random.nextInt(fragments.length)] : "";
        // A text left with a syntax problem declines most edits, so two times in three the user undoes the edit.
        String next = broken && random.nextInt(3) > 0 ? previous : text.substring(0, at) + insert + text.substring(at + cut);
        previous = text;
        text = next;
        edits++;
        FileModel model = cache.get(URI_, text);
        broken = model.problems().stream().anyMatch(p -> p.code() == dev.topo.model.ProblemCode.SYNTAX);
        if (random.nextInt(4) == 0 || i == EDITS - 1) {
          DocumentSyntax syntax = cache.syntax(model);
          mostSegments = Math.max(mostSegments, syntax.segmentCount());
          String context = "edit " + i + " at " + at + " inserting '" + insert + "' cutting " + cut;
          SyntaxTree full = TopologySyntax.parseTree(URI_, text);
          assertSameSyntax(full, syntax, random, context);
          if (random.nextInt(8) == 0) {
            assertSameTree(full, syntax.tree(), context);
          }
        }
      }
      incremental += cache.parses().incremental();
    }
    return new Served(edits, incremental, mostSegments);
  }

  @Test
  void typingIntoOneBlockOfABigFileNeverParsesItWhole() {
    String text = new TopologyGenerator(9).single(3_000);
    ParseCache cache = new ParseCache();
    cache.get(URI_, text);
    int at = text.lastIndexOf('\n', text.indexOf("memory", text.length() / 2)) + 1;
    Random random = new Random(5);
    for (char c : "  cpu 3\n".toCharArray()) {
      text = text.substring(0, at) + c + text.substring(at);
      at++;
      DocumentSyntax syntax = cache.syntax(cache.get(URI_, text));
      // The block edited, what stands before and after it: three segments, whatever came before.
      assertEquals(3, syntax.segmentCount(), "typed '" + c + "'");
      assertSameSyntax(TopologySyntax.parseTree(URI_, text), syntax, random, "typed '" + c + "'");
      assertSame(syntax.tokens(), syntax.tokens(), "made once");
      assertSame(syntax.statements(), syntax.statements(), "made once");
    }
    assertEquals(new ParseCache.Parses(1, 8), cache.parses());
  }

  @Test
  void aWholeParseIsReadAsItIs() {
    SyntaxTree tree = TopologySyntax.parseTree(URI_, "host a { os linux }\n");
    DocumentSyntax syntax = DocumentSyntax.of(tree);
    assertSame(tree, syntax.tree());
    assertSame(tree.tokens(), syntax.tokens());
  }

  @Test
  void aVersionParsedOnFirstReadIsParsedThenAndOnce() {
    int[] parses = {0};
    DocumentSyntax syntax = DocumentSyntax.parsing(URI_, "host a { }", (uri, text) -> {
      parses[0]++;
      return TopologySyntax.parseTree(uri, text);
    });
    assertEquals(0, parses[0]);
    assertEquals(List.of(), syntax.statements().top().get(0).body());
    assertSame(syntax.tree(), syntax.tree());
    assertEquals(1, parses[0]);
  }

  @Test
  void everyRuleOfTheGrammarCanBeCopied() {
    for (int rule = 0; rule < TopologyParser.ruleNames.length; rule++) {
      ParserRuleContext context = Contexts.create(rule, null, -1);
      assertEquals(rule, context.getRuleIndex(), TopologyParser.ruleNames[rule]);
    }
    assertThrows(IllegalStateException.class, () -> Contexts.create(TopologyParser.ruleNames.length, null, -1));
  }

  @Test
  void theJoinedTreeEndsWithItsOwnEndOfFile() {
    ParseCache cache = new ParseCache();
    String text = "host a { os linux }\n\nhost b { os linux }\n";
    cache.get(URI_, text);
    String edited = text.replace("host a { os linux }", "host a { os windows }");
    DocumentSyntax syntax = cache.syntax(cache.get(URI_, edited));
    assertEquals(new ParseCache.Parses(1, 1), cache.parses());
    Token eof = syntax.tokens().get(syntax.tokens().size() - 1);
    assertEquals(Token.EOF, eof.getType());
    assertEquals(edited.length(), eof.getStartIndex());
    SyntaxTree tree = syntax.tree();
    assertSame(tree.tokens().get(tree.tokens().size() - 1), tree.root().EOF().getSymbol());
    assertEquals(1, syntax.segmentCount(), "once joined, the tree is the one segment");
  }
}
