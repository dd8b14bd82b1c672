package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.Slow;
import dev.topo.check.Checker;
import dev.topo.check.Config;
import dev.topo.check.rules.Rules;
import dev.topo.workspace.FileSystemSources;
import dev.topo.workspace.SourceProvider;
import dev.topo.yaml.Manifests;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import chain (each file imports the next) checked file by file, each as the root of its
 * program: every file is read from the disk once and parsed once in the run, however many
 * programs contain it. Counted, not timed, so that a loaded machine cannot make it flake.
 */
class ImportChainTest {
  private static final int LENGTH = 100;

  @TempDir
  Path dir;

  /** The disk, counting how often each file is read. */
  private static final class CountingSources implements SourceProvider {
    final Map<URI, Integer> reads = new ConcurrentHashMap<>();
    private final FileSystemSources disk = new FileSystemSources();

    @Override
    public Optional<String> read(URI uri) {
      reads.merge(uri, 1, Integer::sum);
      return disk.read(uri);
    }

    @Override
    public URI canonical(URI uri) {
      return disk.canonical(uri);
    }
  }

  @Test
  void eachFileOfAChainIsReadAndParsedOncePerRun() throws IOException {
    List<CheckRun.Target> targets = chain(dir, LENGTH);
    CountingSources sources = new CountingSources();
    CheckRun run = new CheckRun(sources, dir, Manifests.Defaults.NONE);
    CheckRun.Checked checked = run.check(targets, List.of(), Map.of());
    assertEquals(LENGTH, checked.files());
    assertEquals(LENGTH, sources.reads.size());
    assertEquals(Map.of(), Map.copyOf(filterMoreThanOnce(sources.reads)), "files read more than once");
    assertEquals(LENGTH, run.parses().full(), "each file parsed once");
    // Only the chain's first file's program is kept: it holds every other.
    assertEquals(List.of(dir.resolve("f0.topo").toUri()), checked.given().stream().map(a -> a.program().root().uri()).toList());
  }

  /**
   * Issue 18's bound: 2,000 files in under 5 s and 10,000 in under 10 s, each file checked as
   * the root of its program. Before the programs shared their files' closures and the rules
   * looked only at the root's entities, 2,000 took 10 s and 10,000 over 50 s on this machine.
   */
  @Test
  @Slow
  void aChainOfTenThousandFilesChecksInUnderTenSeconds() throws IOException {
    for (int length : new int[] {2_000, 10_000}) {
      Path chain = Files.createDirectories(dir.resolve("chain" + length));
      List<CheckRun.Target> targets = chain(chain, length);
      long start = System.nanoTime();
      CheckRun.Checked checked = new CheckRun(new FileSystemSources(), chain, Manifests.Defaults.NONE)
          .check(targets, List.of(), Map.of());
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.println("import chain of " + length + " files checked in " + millis + " ms");
      assertEquals(length, checked.files());
      assertEquals(List.of(), checked.findings());
      assertTrue(millis < (length == 2_000 ? 5_000 : 10_000), length + " files took " + millis + " ms");
    }
  }

  /** A chain in a folder: file i imports file i + 1 and declares one host, without a finding. */
  private static List<CheckRun.Target> chain(Path folder, int length) throws IOException {
    List<CheckRun.Target> targets = new ArrayList<>();
    Checker checker = new Checker(Rules.all(), Config.DEFAULT);
    for (int i = 0; i < length; i++) {
      String next = i + 1 < length ? "import \"f" + (i + 1) + ".topo\"\n" : "";
      Path file = Files.writeString(folder.resolve("f" + i + ".topo"), next + "host h" + i + " { os linux \"ubuntu 22.04\" }\n");
      targets.add(new CheckRun.Target(file, folder, checker));
    }
    return targets;
  }

  private static Map<URI, Integer> filterMoreThanOnce(Map<URI, Integer> reads) {
    Map<URI, Integer> many = new ConcurrentHashMap<>(reads);
    many.values().removeIf(n -> n == 1);
    return many;
  }
}
