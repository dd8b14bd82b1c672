package dev.topo.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.Slow;
import dev.topo.grammar.TopologyLexer;
import dev.topo.grammar.TopologyParser;
import dev.topo.syntax.TopologySyntax;
import dev.topo.tools.TopologyGenerator;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Random;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.dfa.DFA;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ANTLR keeps its prediction DFAs and their context cache in static fields shared by every
 * parser, and grows them with each input that needs a prediction it has not made before: a
 * server that parses distinct files for days must not grow them without bound. The grammar
 * needs little lookahead, so the DFAs fill up quickly and then stop growing; this test parses
 * 10,000 distinct files of every kind the fuzz test makes, plus deep nestings and token soups,
 * and asserts that the second half adds nothing worth counting and that the totals stay far
 * below a size that would matter. The heap after a full collection is printed for
 * docs/reliability.md.
 */
@Slow
class DfaCacheTest {
  /** {@code -Dtopo.dfa.files=N} parses more (the long profile parses 100,000). */
  static final int FILES = Integer.getInteger("topo.dfa.files", 10_000);
  /** Far above what the grammar reaches (tens of parser states, about 150 lexer states). */
  static final int MAX_STATES = 2_000;

  /** Every keyword of the vocabulary, and the other tokens and a few stray characters. */
  private static final String[] SOUP = java.util.stream.Stream.concat(
      java.util.stream.Stream.of(dev.topo.model.Keyword.values()).map(dev.topo.model.Keyword::word),
      java.util.stream.Stream.of("{", "}", "{", "}", ",", ";", "\"s\"", "\"unterminated", "12", "1.5", "8GiB", "-3", "name",
          "/* c */", "// c\n", "@", "é", "😀", "\n", "\r\n")).toArray(String[]::new);

  record Counts(int parserStates, int lexerStates, int contexts) {
    int total() {
      return parserStates + lexerStates + contexts;
    }
  }

  static Counts counts() {
    // A parser and a lexer built on nothing, only to reach the static caches all of them share.
    TopologyLexer lexer = new TopologyLexer(CharStreams.fromString(""));
    TopologyParser parser = new TopologyParser(new CommonTokenStream(lexer));
    return new Counts(states(parser.getInterpreter().decisionToDFA), states(lexer.getInterpreter().decisionToDFA),
        parser.getInterpreter().getSharedContextCache().size());
  }

  private static int states(DFA[] dfas) {
    int n = 0;
    for (DFA dfa : dfas) {
      n += dfa.states.size();
    }
    return n;
  }

  static long heapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /** The i-th distinct file: mutated samples mostly, then generated programs, deep nestings and token soups. */
  static String file(int i, List<String> corpus) {
    long seed = 7_919L * i + 13;
    Random random = new Random(seed);
    switch (i % 20) {
      case 0, 1:
        return new TopologyGenerator(seed).single(200);
      case 2: {
        int depth = 1 + random.nextInt(TopologySyntax.MAX_NESTING + 8);
        return "host h {".repeat(depth) + " os linux; cpu " + i + " " + "}".repeat(random.nextInt(depth + 1));
      }
      case 3: {
        StringBuilder soup = new StringBuilder();
        for (int k = 0; k < 50 + random.nextInt(200); k++) {
          soup.append(SOUP[random.nextInt(SOUP.length)]).append(' ');
        }
        return soup.append(i).toString();
      }
      default:
        return new TextCorrupter(seed).corrupt(corpus.get(i % corpus.size())) + "\n// " + i;
    }
  }

  @Test
  @Timeout(600) // about 3 s for 10,000 files
  void theParsersSharedCachesStopGrowingOverTenThousandDistinctFiles() throws IOException {
    List<String> corpus = FuzzTest.corpus();
    Counts before = counts();
    Counts atHalf = null;
    long heapAtThousand = 0;
    long start = System.nanoTime();
    for (int i = 0; i < FILES; i++) {
      TopologySyntax.parseTree(URI.create("file:///dfa/" + i + ".topo"), file(i, corpus));
      if (i + 1 == 1_000) {
        heapAtThousand = heapAfterGc();
      }
      if (i + 1 == FILES / 2) {
        atHalf = counts();
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    Counts after = counts();
    long heapAfter = heapAfterGc();
    System.err.printf("[dfa] %d distinct files in %d ms: parser DFA states %d -> %d -> %d, lexer DFA states %d -> %d -> %d,"
            + " prediction contexts %d -> %d -> %d (before, after %d, after %d files);"
            + " heap after GC %d KiB after 1,000 files, %d KiB after %d%n",
        FILES, millis, before.parserStates(), atHalf.parserStates(), after.parserStates(), before.lexerStates(),
        atHalf.lexerStates(), after.lexerStates(), before.contexts(), atHalf.contexts(), after.contexts(), FILES / 2, FILES,
        heapAtThousand / 1024, heapAfter / 1024, FILES);
    assertTrue(after.parserStates() + after.lexerStates() < MAX_STATES && after.contexts() < MAX_STATES,
        "the shared caches stay small: " + after);
    assertTrue(after.total() - atHalf.total() <= 10,
        "the second " + FILES / 2 + " files add (next to) nothing: " + atHalf + " then " + after);
    // Loose on purpose (other tests' state lives in the same JVM), but a cache that kept
    // 4 KiB or more of every file would fail it.
    assertTrue(heapAfter - heapAtThousand < 32L * 1024 * 1024,
        "the heap after a full collection grew by " + (heapAfter - heapAtThousand) / 1024 + " KiB after the first 1,000 files");
  }
}
