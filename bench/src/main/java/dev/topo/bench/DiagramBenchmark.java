package dev.topo.bench;

import dev.topo.check.Analyzer;
import dev.topo.check.Cancellation;
import dev.topo.check.Checker;
import dev.topo.check.Config;
import dev.topo.check.rules.Rules;
import dev.topo.diagram.Diagram;
import dev.topo.diagram.DiagramBuilder;
import dev.topo.diagram.Drawing;
import dev.topo.tools.TopologyGenerator;
import dev.topo.workspace.ParseCache;
import java.net.URI;
import java.util.List;
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
 * The diagram of a checked program: boxes and findings (build), and the whole of what every
 * face does before writing (build, fold, lay out), at the 10k-line design of the performance
 * page (50 hosts) and at 1,000 hosts (200k lines).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx2g"})
public class DiagramBenchmark {
  @Param({"50", "1000"})
  public int hosts;

  private Analyzer.Analysis analysis;

  @Setup
  public void check() {
    String text = new TopologyGenerator(1).single(hosts * TopologyGenerator.LINES_PER_HOST);
    URI uri = URI.create("file:///bench/main.topo");
    analysis = new Analyzer(u -> Optional.of(text), new ParseCache(), null, new Checker(Rules.all(), Config.DEFAULT))
        .analyze(uri, text, Cancellation.NONE);
  }

  @Benchmark
  public Diagram build() {
    return DiagramBuilder.build(analysis.program(), analysis.findings());
  }

  @Benchmark
  public Diagram buildAndLayOut() {
    return Drawing.of(List.of(analysis.program()), analysis.findings(), Optional.empty(), Cancellation.NONE).orElseThrow();
  }
}
