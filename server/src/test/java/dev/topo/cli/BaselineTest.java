package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team adopts topo on the samples: the baseline written today is reported no more, edits
 * elsewhere in the files do not bring its findings back, a new finding is reported alone, and
 * a fixed one leaves a stale entry that the run names.
 */
class BaselineTest {
  @TempDir
  Path dir;

  private Path copyOfTheSamples() throws IOException {
    Path samples = TestFiles.samples();
    try (Stream<Path> files = Files.walk(samples)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copy = dir.resolve("samples").resolve(samples.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
      }
    }
    return dir.resolve("samples");
  }

  private Cli check(String... args) {
    return Cli.runIn(dir, Stream.concat(Stream.of("check", "--root", dir.toString()), Stream.of(args)).toArray(String[]::new));
  }

  private static List<String> findings(Cli cli) {
    return cli.findings().lines().filter(l -> l.matches("\\S+:\\d+:\\d+: .*")).toList();
  }

  @Test
  void aBaselineHidesTodaysFindingsThroughUnrelatedEditsAndNamesThoseFixed() throws IOException {
    Path samples = copyOfTheSamples();
    Cli all = check("samples");
    assertEquals(Main.FOUND, all.code());
    int today = findings(all).size();
    assertTrue(today > 50, all.out());

    Cli written = check("--write-baseline", "topo-baseline.json", "samples");
    assertEquals(Main.CLEAN, written.code(), written.err());
    assertTrue(written.err().contains("wrote " + today + " findings"), written.err());
    assertEquals(List.of(), findings(written));

    Cli known = check("--baseline", "topo-baseline.json", "samples");
    assertEquals(Main.CLEAN, known.code(), known.out());
    assertEquals(List.of(), findings(known));
    assertEquals("", known.err());

    // Lines move: a comment on top of a file with findings changes every line after it.
    Path osMismatch = samples.resolve("rules/container-os-mismatch.topo");
    Files.writeString(osMismatch, "// reviewed in the architecture board, 2026-11\n\n" + Files.readString(osMismatch));
    assertEquals(List.of(), findings(check("--baseline", "topo-baseline.json", "samples")));

    // A new finding is reported, and only it.
    Path shop = samples.resolve("shop.topo");
    Files.writeString(shop, Files.readString(shop) + "\nhost spare-01 { }\n");
    Cli added = check("--baseline", "topo-baseline.json", "samples");
    assertEquals(1, findings(added).size(), added.out());
    assertTrue(findings(added).get(0).startsWith("samples/shop.topo:") && findings(added).get(0).contains("host 'spare-01'"),
        added.out());

    // A fixed finding leaves its entry behind, which the run names.
    Files.writeString(shop, Files.readString(shop).replace("\nhost spare-01 { }\n", ""));
    Path limits = samples.resolve("rules/missing-limits.topo");
    String text = Files.readString(limits);
    Files.writeString(limits, text.replaceFirst("    cpu 1\n", "    cpu 1\n    memory 1GiB\n"));
    Cli fixed = check("--baseline", "topo-baseline.json", "samples");
    assertEquals(List.of(), findings(fixed), "giving web its memory limit fixes its finding and adds none");
    assertTrue(fixed.err().contains("1 entry of the baseline topo-baseline.json matches no finding") && fixed.err().contains("container web): [missing-limits]"),
        fixed.err());
  }

  /** Files are recorded relative to the baseline, so a CI job may run from another directory than whoever wrote it. */
  @Test
  void aBaselineMatchesFromAnyWorkingDirectory() throws IOException {
    Path samples = copyOfTheSamples();
    // A project marker, so that every run has the same root (an import-error's message names paths below it).
    Files.writeString(samples.resolve(".topo.json"), "{}");
    Cli written = Cli.runIn(dir, "check", "--write-baseline", "topo-baseline.json", "samples");
    assertEquals(Main.CLEAN, written.code(), written.err());
    assertTrue(Files.readString(dir.resolve("topo-baseline.json")).contains("\"file\": \"samples/rules/missing-limits.topo\""),
        "relative to the baseline's folder");

    Cli inside = Cli.runIn(samples, "check", "--baseline", "../topo-baseline.json", ".");
    assertEquals(List.of(), findings(inside), "paths printed relative to samples/ match those of the baseline");
    assertEquals("", inside.err());
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Cli absolute = Cli.runIn(elsewhere, "check", "--baseline", dir.resolve("topo-baseline.json").toString(), samples.toString());
    assertEquals(List.of(), findings(absolute), "absolute paths printed match too");
    assertEquals("", absolute.err());

    // Written from inside samples/ to a baseline there, its paths are relative to samples/.
    Cli local = Cli.runIn(samples, "check", "--write-baseline", "topo-baseline.json", ".");
    assertEquals(Main.CLEAN, local.code(), local.err());
    assertTrue(Files.readString(samples.resolve("topo-baseline.json")).contains("\"file\": \"rules/missing-limits.topo\""));
    assertEquals(List.of(), findings(Cli.runIn(dir, "check", "--baseline", "samples/topo-baseline.json", "samples")));
  }

  /** Version 1 recorded paths as reports printed them; such a baseline still works where it was written. */
  @Test
  void aBaselineOfVersionOneIsReadWithThePathsAsPrinted() throws IOException {
    copyOfTheSamples();
    check("--write-baseline", "topo-baseline.json", "samples");
    Path v1 = dir.resolve("old/topo-baseline.json");
    Files.createDirectories(v1.getParent());
    Files.writeString(v1, Files.readString(dir.resolve("topo-baseline.json")).replace("\"version\": 2", "\"version\": 1"));
    Cli old = check("--baseline", "old/topo-baseline.json", "samples");
    assertEquals(List.of(), findings(old), old.err());
    assertEquals("", old.err());
  }

  @Test
  void aBaselineThatCannotBeReadIsAUsageError() throws IOException {
    copyOfTheSamples();
    Files.writeString(dir.resolve("bad.json"), "[1, 2]");
    assertEquals(Main.USAGE_OR_IO, check("--baseline", "bad.json", "samples").code());
    assertEquals(Main.USAGE_OR_IO, check("--baseline", "missing.json", "samples").code());
    assertEquals(Main.USAGE_OR_IO, check("--baseline", "a.json", "--write-baseline", "b.json", "samples").code());
  }
}
