package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.topo.Slow;
import dev.topo.model.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worst shapes under the limits of {@link Limits}, each checked by the CLI in a JVM of its
 * own with the documented 256 MB heap: each is analysed (exit 1 with findings), never an
 * out-of-memory exit nor a stack trace. The figures (time, peak heap) go to stderr tagged
 * {@code [budget]} for docs/reliability.md.
 */
@Slow
class MemoryBudgetTest {
  private static final String HEAP = "-Xmx256m";

  @TempDir
  Path dir;

  record Run(int status, JsonArray findings, String err, long millis) {}

  private Run check(String name, String text) throws IOException, InterruptedException {
    Path file = Files.writeString(dir.resolve(name + ".topo"), text);
    Path out = dir.resolve(name + ".json");
    Path err = dir.resolve(name + ".err");
    long start = System.nanoTime();
    Process check = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        HEAP, "-cp", System.getProperty("java.class.path"), "dev.topo.cli.Main", "check", "--format", "json",
        "--root", dir.toString(), file.toString()))
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(check.waitFor(300, TimeUnit.SECONDS), name + ": the check did not end");
    long millis = (System.nanoTime() - start) / 1_000_000;
    String said = Files.readString(err, StandardCharsets.UTF_8);
    assertFalse(said.contains("\tat "), name + ": a stack trace: " + said);
    assertEquals(1, check.exitValue(), name + ": " + said);
    JsonArray findings = JsonParser.parseString(Files.readString(out)).getAsJsonArray();
    System.err.printf("[budget] %s: %,d characters, %d findings, %d ms under %s%n", name, text.length(), findings.size(),
        millis, HEAP);
    return new Run(check.exitValue(), findings, said, millis);
  }

  private static List<String> rules(Run run) {
    return StreamSupport.stream(run.findings().spliterator(), false).map(JsonElement::getAsJsonObject)
        .map(f -> f.get("rule").getAsString()).toList();
  }

  private static String last(Run run) {
    return run.findings().get(run.findings().size() - 1).getAsJsonObject().get("message").getAsString();
  }

  @Test
  void eightMegabytesOfHostsIsOneFindingThatSaysTheFileIsTooLarge() throws Exception {
    String text = "host a{}\n".repeat((Limits.MAX_TEXT_LENGTH - 1) / 9);
    Run run = check("hosts", text);
    assertEquals(List.of("analysis-limit"), rules(run));
    assertTrue(last(run).contains("more than " + Limits.MAX_TOKENS + " tokens"), last(run));
  }

  @Test
  void theLargestFileUnderTheTokenLimitWithTwoFindingsAHostIsAnalysedAndItsFindingsCapped() throws Exception {
    // host a{} is 5 tokens: 199,000 hosts, all named a, each a duplicate-name and an unknown-os finding.
    Run run = check("dups", "host a{}".repeat(199_000));
    assertEquals(Limits.MAX_FINDINGS_PER_FILE + 1, run.findings().size());
    assertTrue(last(run).startsWith((2 * 199_000 - 1 - Limits.MAX_FINDINGS_PER_FILE) + " more findings not shown"), last(run));
  }

  @Test
  void aHundredThousandNodeClusterIsAnalysed() throws Exception {
    // 5 tokens a host and 3 a node: 800,000 tokens; each host lacks an os, so the findings are capped.
    int n = 100_000;
    StringBuilder text = new StringBuilder("cluster c {\n  nodes ");
    text.append(String.join(", ", IntStream.range(0, n).mapToObj(i -> "\"n" + i + "\"").toList())).append("\n}\n");
    for (int i = 0; i < n; i++) {
      text.append("host n").append(i).append("{}");
    }
    Run run = check("cluster", text.toString());
    assertTrue(rules(run).contains("unknown-os"), rules(run).toString());
    assertTrue(last(run).contains("more findings not shown"), last(run));
  }

  @Test
  void aLineOfOneMegabyteWithAThousandFindingsIsAnalysed() throws Exception {
    Run run = check("line", "host a { os linux; runtime docker " + "container c { os linux } ".repeat(1024 * 1024 / 25) + "}");
    assertTrue(rules(run).contains("duplicate-name"), rules(run).toString());
    assertTrue(last(run).contains("more findings not shown"), last(run));
  }

  @Test
  void eightMegabytesOfNestedBlocksAndOfStrayBracesAreAnalysed() throws Exception {
    List<String> shapes = new ArrayList<>();
    shapes.add("host a{".repeat(40) + "}".repeat(40));
    shapes.add("}");
    shapes.add("x ");
    for (int i = 0; i < shapes.size(); i++) {
      String unit = shapes.get(i);
      Run run = check("shape" + i, unit.repeat(Limits.MAX_TEXT_LENGTH / unit.length() / 8));
      assertFalse(run.findings().isEmpty());
    }
  }
}
