package dev.topo.bench;

import dev.topo.check.Analyzer;
import dev.topo.check.BlockFindings;
import dev.topo.check.Cancellation;
import dev.topo.check.Checker;
import dev.topo.check.Config;
import dev.topo.check.rules.Rules;
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
 * The analysis of one keystroke, in process: a character typed into, then taken out of, a
 * comment inside a host in the middle of a generated design, each time the incremental
 * parse, the splice of the re-parsed block (everything after it moved), the program's links
 * and the re-check of what the edit can affect ({@link BlockFindings}), as the server runs
 * them after a {@code didChange} (a loader per version: one kept from version to version
 * would hold every version's links). The two texts are made once, so that nothing of the
 * editor's text is counted: run with {@code -prof gc}, {@code gc.alloc.rate.norm} is what
 * the analysis allocates a keystroke, which with the JVM's defaults lands in memory never
 * touched before (docs/performance.md, session 33).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx1g"})
public class KeystrokeBenchmark {
  @Param({"10000", "50000"})
  public int lines;

  private final URI uri = URI.create("file:///bench/main.topo");
  private final String[] texts = new String[2];
  private ParseCache cache;
  private BlockFindings blocks;
  private int typed;

  @Setup
  public void open() {
    String design = new TopologyGenerator(1).single(lines);
    int line = design.indexOf('\n', design.indexOf("\nhost ", design.length() / 2) + 1) + 1;
    texts[0] = design.substring(0, line) + "  // \n" + design.substring(line);
    texts[1] = design.substring(0, line) + "  // x\n" + design.substring(line);
    cache = new ParseCache();
    blocks = new BlockFindings();
    keystroke();
  }

  /** As the server's session analyses a version: a loader and a checker of its own, the parses and findings kept. */
  @Benchmark
  public Object keystroke() {
    typed ^= 1;
    String text = texts[typed];
    Analyzer analyzer = new Analyzer(u -> Optional.of(text), cache, null, new Checker(Rules.all(), Config.DEFAULT));
    return analyzer.analyze(uri, text, Cancellation.NONE, blocks);
  }
}
