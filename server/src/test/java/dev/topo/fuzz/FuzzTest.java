package dev.topo.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.topo.Slow;
import dev.topo.TestFiles;
import dev.topo.check.Analyzer;
import dev.topo.check.Cancellation;
import dev.topo.check.Checker;
import dev.topo.check.Config;
import dev.topo.check.Finding;
import dev.topo.check.rules.Rules;
import dev.topo.model.Related;
import dev.topo.tools.TopologyGenerator;
import dev.topo.workspace.MemorySources;
import dev.topo.workspace.ParseCache;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Feeds the whole checker mutated samples and generated programs and asserts that every
 * input yields findings whose ranges lie inside the text, with no throwable of any kind,
 * in bounded time. CI runs {@value #DEFAULT_INPUTS} inputs; {@code -Dtopo.fuzz.inputs=N}
 * runs more (the long profile runs a million; see docs/reliability.md). A failing input
 * is printed with its seed, to become a regression sample.
 */
@Slow
class FuzzTest {
  static final int DEFAULT_INPUTS = 10_000;
  static final long MAX_MILLIS = 2_000;
  static final int MAX_LENGTH = 64 * 1024;

  static List<String> corpus() throws IOException {
    return TestFiles.sampleTextsAndAGeneratedProgram();
  }

  /** Checks one input; returns how long it took, or fails with the input's seed. */
  static long check(String text, long seed) {
    MemorySources sources = new MemorySources().with("main.topo", text).with("other.topo", "host other { }");
    Analyzer analyzer = new Analyzer(sources, new ParseCache(), MemorySources.ROOT, new Checker(Rules.all(), Config.DEFAULT));
    URI uri = MemorySources.uri("main.topo");
    long start = System.nanoTime();
    try {
      List<Finding> findings = analyzer.analyze(uri, text, Cancellation.NONE).findings();
      for (Finding f : findings) {
        inside(f.span().start(), f.span().end(), text, f, seed);
        for (Related r : f.related()) {
          if (r.span().source().equals(uri)) {
            inside(r.span().start(), r.span().end(), text, f, seed);
          }
        }
      }
    } catch (Throwable t) {
      fail("seed " + seed + " threw " + t + " on:\n" + text, t);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static void inside(int start, int end, String text, Finding f, long seed) {
    if (start < 0 || end < start || end > text.length()) {
      fail("seed " + seed + ": " + f + " lies outside the text of " + text.length() + " characters:\n" + text);
    }
  }

  @Test
  void mutatedAndGeneratedInputsNeverBreakTheChecker() throws IOException {
    int inputs = Integer.getInteger("topo.fuzz.inputs", DEFAULT_INPUTS);
    List<String> corpus = corpus();
    long slowest = 0;
    long slowestSeed = 0;
    int slowestLength = 0;
    long slowestWarm = 0;
    long slowestWarmSeed = 0;
    long characters = 0;
    long start = System.nanoTime();
    for (int i = 0; i < inputs; i++) {
      long seed = 1_000_003L * i;
      String text = i % 10 == 9
          ? new TopologyGenerator(seed).single(200 + (int) (seed % 2000))
          : new TextCorrupter(seed).corrupt(corpus.get(i % corpus.size()));
      if (text.length() > MAX_LENGTH) {
        text = text.substring(0, MAX_LENGTH);
      }
      long millis = check(text, seed);
      characters += text.length();
      if (millis > slowest) {
        slowest = millis;
        slowestSeed = seed;
        slowestLength = text.length();
      }
      if (i >= 1_000 && millis > slowestWarm) { // once the JIT has compiled the checker
        slowestWarm = millis;
        slowestWarmSeed = seed;
      }
      assertTrue(millis <= MAX_MILLIS, "seed " + seed + " took " + millis + " ms");
      if ((i + 1) % 100_000 == 0 && i + 1 < inputs) { // progress of a long run
        System.err.printf("[fuzz] %,d inputs so far, %d s%n", i + 1, (System.nanoTime() - start) / 1_000_000_000);
      }
    }
    long seconds = (System.nanoTime() - start) / 1_000_000_000;
    System.err.printf("[fuzz] %,d inputs (%,d characters) in %d s, no throwable; slowest %d ms (seed %d, %,d characters);"
        + " after the first 1,000, slowest %d ms (seed %d)%n",
        inputs, characters, seconds, slowest, slowestSeed, slowestLength, slowestWarm, slowestWarmSeed);
  }
}
