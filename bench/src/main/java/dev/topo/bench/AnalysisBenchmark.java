package dev.topo.bench;

import dev.topo.check.Analyzer;
import dev.topo.check.Cancellation;
import dev.topo.check.Checker;
import dev.topo.check.Config;
import dev.topo.check.rules.Rules;
import dev.topo.model.FileModel;
import dev.topo.syntax.TopologySyntax;
import dev.topo.tools.TopologyGenerator;
import dev.topo.workspace.ParseCache;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse, and parse + link + check, of generated programs of 1k to 100k lines in one file.
 * Run with {@code -prof gc} for allocation per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
// The serial collector, as the editor extension starts the server: with the default G1 and a
// heap free to grow, each 50k-line parse touched fresh memory and the figures wandered 4x.
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx1g"})
public class AnalysisBenchmark {
  @Param({"1000", "10000", "50000", "100000"})
  public int lines;

  private String text;
  private final URI uri = URI.create("file:///bench/main.topo");

  @Setup
  public void generate() {
    text = new TopologyGenerator(1).single(lines);
  }

  @Benchmark
  public FileModel parse() {
    return TopologySyntax.parse(uri, text);
  }

  @Benchmark
  public Object parseLinkCheck() {
    Analyzer analyzer = new Analyzer(u -> Optional.of(text), new ParseCache(), null, new Checker(Rules.all(), Config.DEFAULT));
    return analyzer.analyze(uri, text, Cancellation.NONE);
  }

  /** What an edit costs when the parse is cached: link and check only. */
  @Benchmark
  public Object linkCheckCached(CachedState cached) {
    return cached.analyzer.analyze(uri, text, Cancellation.NONE);
  }

  @State(Scope.Benchmark)
  public static class CachedState {
    Analyzer analyzer;

    @Setup
    public void prepare(AnalysisBenchmark outer) {
      ParseCache cache = new ParseCache();
      analyzer = new Analyzer(u -> Optional.of(outer.text), cache, null, new Checker(Rules.all(), Config.DEFAULT));
      analyzer.analyze(outer.uri, outer.text, Cancellation.NONE);
    }
  }
}
