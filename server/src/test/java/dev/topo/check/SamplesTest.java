package dev.topo.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.TestFiles;
import dev.topo.check.rules.Rules;
import dev.topo.workspace.FileSystemSources;
import dev.topo.workspace.ParseCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every sample is its own test: the findings must be exactly those marked with
 * {@code // expect: rule-id[, rule-id...]} on the line where each starts.
 */
class SamplesTest {
  private static final Pattern EXPECT = Pattern.compile("//\\s*expect:\\s*([a-z-]+(?:\\s*,\\s*[a-z-]+)*)");
  /** Rules whose messages come from the parser or the loader rather than naming an entity. */
  private static final Set<String> UNNAMED = Set.of("syntax", "invalid-value", "import-error");
  /**
   * Has no sample: its inputs are megabytes, or blocks 33 deep, which every test that walks the
   * samples (quick fixes, formatting, mutations) would trip on. Its knowledge-base page shows
   * the 33 levels; HostileShapesTest and MemoryBudgetTest trigger each of its limits.
   */
  private static final String ANALYSIS_LIMIT = "analysis-limit";

  static List<Path> samples() throws IOException {
    try (Stream<Path> walk = Files.walk(TestFiles.samples())) {
      return walk.filter(p -> p.toString().endsWith(".topo")).sorted().toList();
    }
  }

  static List<Finding> check(Path file) throws IOException {
    Analyzer analyzer = new Analyzer(new FileSystemSources(), new ParseCache(), TestFiles.samples().toUri(),
        new Checker(Rules.all(), Config.DEFAULT));
    return analyzer.analyze(file.toUri(), Files.readString(file), Cancellation.NONE).findings();
  }

  static List<String> expected(Path file) throws IOException {
    List<String> expected = new ArrayList<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = EXPECT.matcher(lines.get(i));
      if (m.find()) {
        for (String rule : m.group(1).split(",")) {
          expected.add((i + 1) + " " + rule.trim());
        }
      }
    }
    return expected.stream().sorted().toList();
  }

  @TestFactory
  Stream<DynamicTest> eachSampleHasExactlyItsMarkedFindings() throws IOException {
    return samples().stream().map(file -> DynamicTest.dynamicTest(
        TestFiles.samples().relativize(file).toString(), () -> {
          List<Finding> findings = check(file);
          String text = Files.readString(file);
          dev.topo.model.LineMap lines = dev.topo.model.LineMap.of(text);
          List<String> actual = findings.stream()
              .map(f -> (lines.line(f.span().start()) + 1) + " " + f.rule().id())
              .sorted().toList();
          assertEquals(expected(file), actual, () -> "findings of " + file.getFileName() + ":\n"
              + String.join("\n", findings.stream().map(Finding::toString).toList()));
          for (Finding f : findings) {
            if (!UNNAMED.contains(f.rule().id())) {
              assertTrue(f.message().matches(".*'[^']+'.*"), "the message names no entity: " + f.message());
            }
          }
        }));
  }

  @Test
  void everyRuleHasASampleThatTriggersIt() throws IOException {
    Set<String> triggered = new java.util.HashSet<>();
    for (Path file : samples()) {
      for (String e : expected(file)) {
        triggered.add(e.substring(e.indexOf(' ') + 1));
      }
    }
    for (Rule rule : Rules.all()) {
      if (rule.id().equals(ANALYSIS_LIMIT)) {
        continue;
      }
      assertTrue(triggered.contains(rule.id()), "no sample triggers " + rule.id());
      assertTrue(Files.exists(TestFiles.samples().resolve("rules").resolve(rule.id() + ".topo")),
          "no sample file named after " + rule.id());
    }
  }

  @Test
  void theRealisticSampleIsClean() throws IOException {
    assertEquals(List.of(), check(TestFiles.samples().resolve("shop.topo")));
  }
}
