package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI packaging run for real, after {@code package}: the action's scripts in bash as the
 * runner runs them ({@code bash -eo pipefail}, {@code GITHUB_OUTPUT}, {@code RUNNER_TEMP}),
 * and the pre-commit hooks' entry script. Both find the distribution this build made, so
 * neither starts Maven. {@link CiPackagingTest} checks what they say; this, that they run.
 */
class CiPackagingIT {
  private static final Path LAUNCHER = TestFiles.repo().resolve("server/target/topo/bin/topo");

  @Test
  void theActionsScriptsRunTheBuiltTopoAndReportWhatItFound(@TempDir Path dir) throws Exception {
    assertTrue(Files.isExecutable(LAUNCHER), "built by package, so the action's build step has nothing to do");
    Map<String, Object> action = CiPackagingTest.yaml("action.yml");
    Map<String, String> inputs = CiPackagingTest.defaults(action);
    inputs.put("paths", TestFiles.samples().toString());
    Map<String, Map<String, String>> outputs = new HashMap<>();

    Run build = step(action, "topo", inputs, outputs, dir);
    assertEquals(0, build.status(), build.err());
    assertEquals(Map.of("command", LAUNCHER.toString()), outputs.get("topo"));

    Run check = step(action, "check", inputs, outputs, dir);
    assertEquals(Main.FOUND, check.status(), check.err());
    long annotations = check.out().lines().filter(line -> line.startsWith("::")).count();
    assertTrue(annotations > 20, check.out());
    assertEquals(Map.of("exit-code", "1", "findings", String.valueOf(annotations)), outputs.get("check"));
    assertTrue(Files.readString(dir.resolve("topo.sarif")).contains("\"version\": \"2.1.0\""), "the SARIF to upload");
    assertTrue(Files.readString(dir.resolve("summary.md")).startsWith("## topo: "));
  }

  @Test
  void thePreCommitEntryRunsTheDistributionOfItsCheckout(@TempDir Path dir) throws Exception {
    assertTrue(Files.isExecutable(LAUNCHER), "built by package, so the entry has nothing to build");
    List<String> entry = CiPackagingTest.entry(CiPackagingTest.hook("topo-check"));
    List<String> command = new ArrayList<>(entry);
    command.set(0, TestFiles.repo().resolve(entry.get(0)).toString());
    command.add("samples/rules/container-os-mismatch.topo");
    Map<String, String> env = new HashMap<>(Map.of("XDG_CACHE_HOME", dir.toString()));
    Run run = run(TestFiles.repo(), env, command);
    assertEquals(Main.FOUND, run.status(), run.err());
    assertTrue(run.out().contains("error [container-os-mismatch]"), run.out());
    assertFalse(run.err().contains("building"), run.err());

    env.put("TOPO", LAUNCHER.toString());
    Run other = run(dir, env, List.of(command.get(0), "--version"));
    assertEquals(0, other.status(), other.err());
    assertTrue(other.out().startsWith("topo "), "TOPO names the topo to run instead: " + other.out());
  }

  /**
   * Runs a run step of the action as the runner would: its {@code env} with the inputs and
   * the earlier steps' outputs filled in, and what it writes to {@code GITHUB_OUTPUT} kept
   * in {@code outputs} under its id.
   */
  private static Run step(Map<String, Object> action, String id, Map<String, String> inputs,
      Map<String, Map<String, String>> outputs, Path dir) throws Exception {
    Map<String, Object> step = CiPackagingTest.step(action, id);
    Path output = Files.createTempFile(dir, id, ".output");
    Map<String, String> env = new HashMap<>(Map.of("GITHUB_ACTION_PATH", TestFiles.repo().toString(),
        "GITHUB_OUTPUT", output.toString(), "RUNNER_TEMP", dir.toString(),
        "GITHUB_STEP_SUMMARY", dir.resolve("summary.md").toString(), "XDG_CACHE_HOME", dir.resolve("cache").toString()));
    CiPackagingTest.map(step.get("env")).forEach((name, value) -> env.put(name,
        CiPackagingTest.EXPRESSION.matcher(String.valueOf(value)).replaceAll(m -> Matcher.quoteReplacement(
            evaluate(m.group(1), inputs, outputs)))));
    Run run = run(dir, env, List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", String.valueOf(step.get("run"))));
    Map<String, String> written = new HashMap<>();
    for (String line : Files.readAllLines(output)) {
      written.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
    }
    outputs.put(id, written);
    return run;
  }

  /** An expression of the forms the action's env uses: an input, or an earlier step's output. */
  private static String evaluate(String expression, Map<String, String> inputs, Map<String, Map<String, String>> outputs) {
    Matcher input = CiPackagingTest.INPUT.matcher(expression);
    if (input.matches()) {
      return inputs.get(input.group(1));
    }
    Matcher output = CiPackagingTest.STEP_OUTPUT.matcher(expression);
    assertTrue(output.matches(), expression);
    return outputs.get(output.group(1)).get(output.group(2));
  }

  /** Runs a command with this JVM's environment, less TOPO, plus env. */
  private static Run run(Path workingDirectory, Map<String, String> env, List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
    builder.environment().remove("TOPO");
    builder.environment().remove("TOPO_OPTS");
    builder.environment().putAll(env);
    Path out = Files.createTempFile("ci-packaging", ".out");
    Path err = Files.createTempFile("ci-packaging", ".err");
    try {
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      assertTrue(process.waitFor(120, TimeUnit.SECONDS), "finished in time: " + command);
      return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.delete(out);
      Files.delete(err);
    }
  }

  record Run(int status, String out, String err) {}
}
