package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topo.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The CI packaging at the repository's root: {@code action.yml}, a composite GitHub Action,
 * and {@code .pre-commit-hooks.yaml}. Each is read as GitHub and pre-commit read it, and the
 * topo command it builds is run in-process on the samples.
 */
class CiPackagingTest {
  static final Pattern INPUT = Pattern.compile("\\binputs\\.([A-Za-z0-9_-]+)");
  static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*([^}]*?)\\s*}}");
  static final Pattern STEP_OUTPUT = Pattern.compile("steps\\.([A-Za-z0-9_-]+)\\.outputs\\.([A-Za-z0-9_-]+)");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

  // action.yml

  @Test
  void theActionIsACompositeWithTheKeysGithubRequires() throws IOException {
    Map<String, Object> action = yaml("action.yml");
    for (String key : List.of("name", "description")) {
      assertTrue(action.get(key) instanceof String s && !s.isBlank(), key);
    }
    Map<String, Object> runs = map(action.get("runs"));
    assertEquals("composite", runs.get("using"));
    List<Map<String, Object>> steps = steps(action);
    assertFalse(steps.isEmpty());
    for (Map<String, Object> step : steps) {
      assertTrue(step.containsKey("run") != step.containsKey("uses"), "a step runs a script or uses an action: " + step);
      if (step.containsKey("run")) {
        assertTrue(step.containsKey("shell"), "a composite action's run step must name its shell: " + step);
      }
    }
    map(action.get("inputs")).forEach((name, input) ->
        assertTrue(map(input).get("description") instanceof String, "input " + name + " has a description"));
  }

  @Test
  void everyInputTheStepsUseIsDeclaredAndEveryDeclaredInputIsUsed() throws IOException {
    Map<String, Object> action = yaml("action.yml");
    Set<String> used = new TreeSet<>();
    for (String text : strings(action.get("runs"))) {
      INPUT.matcher(text).results().forEach(m -> used.add(m.group(1)));
    }
    assertEquals(new TreeSet<>(map(action.get("inputs")).keySet()), used);
  }

  @Test
  void everyOutputIsWrittenByTheStepItNames() throws IOException {
    Map<String, Object> action = yaml("action.yml");
    map(action.get("outputs")).forEach((name, output) -> {
      Matcher expression = EXPRESSION.matcher(String.valueOf(map(output).get("value")));
      assertTrue(expression.matches(), "output " + name);
      Matcher m = STEP_OUTPUT.matcher(expression.group(1));
      assertTrue(m.matches(), "output " + name + " is a step's output");
      assertWrites(step(action, m.group(1)), m.group(2));
    });
  }

  /** That the step's script writes the output (only a run step can). */
  private static void assertWrites(Map<String, Object> step, String output) {
    String run = String.valueOf(step.get("run"));
    assertTrue(run.contains("echo \"" + output + "=") && run.contains(">> \"$GITHUB_OUTPUT\""),
        "step " + step.get("id") + " writes " + output);
  }

  @Test
  void theCheckStepAnnotatesSummarizesAndWritesTheSarifItUploads(@TempDir Path dir) throws IOException {
    Map<String, Object> action = yaml("action.yml");
    Map<String, String> inputs = defaults(action);
    inputs.put("paths", TestFiles.samples().toString());
    Map<String, Object> check = step(action, "check");
    String[] arguments = topoArguments(action, check, inputs, runner(dir));
    assertEquals("check", arguments[0]);
    String help = Cli.run("check", "--help").out();
    for (String word : arguments) {
      String option = word.split("=")[0];
      assertTrue(!option.startsWith("-") || help.contains(option + " ") || help.contains(option + "="),
          option + " is an option topo check --help lists");
    }
    Cli cli = Cli.runIn(dir, arguments);
    assertEquals(Main.FOUND, cli.code(), cli.err());
    assertTrue(cli.out().startsWith("::error file="), "annotations on standard output: " + cli.out());
    assertTrue(Files.readString(dir.resolve("summary.md")).startsWith("## topo: "));

    Map<String, Object> upload = steps(action).stream()
        .filter(step -> String.valueOf(step.get("uses")).startsWith("github/codeql-action/upload-sarif@")).findFirst().orElseThrow();
    String condition = String.valueOf(upload.get("if"));
    assertTrue(condition.contains("always()") && condition.contains("inputs.sarif == 'true'"), condition);
    String sarif = String.valueOf(map(upload.get("with")).get("sarif_file")).replace("${{ runner.temp }}", dir.toString());
    assertEquals("2.1.0", new ObjectMapper().readTree(Path.of(sarif).toFile()).get("version").asText());
  }

  @SuppressWarnings("unchecked")
  @Test
  void theDocumentedWorkflowGivesTheActionInputsItDeclares(@TempDir Path dir) throws IOException {
    Map<String, Object> workflow = map(examples("GitHub Actions").get(0));
    assertEquals("write", map(workflow.get("permissions")).get("security-events"), "upload-sarif needs it");
    List<Map<String, Object>> steps = (List<Map<String, Object>>) map(map(map(workflow.get("jobs")).get("topo"))).get("steps");
    Map<String, Object> uses = steps.stream().filter(step -> String.valueOf(step.get("uses")).startsWith("topo-lang/topo@"))
        .findFirst().orElseThrow();
    Map<String, Object> action = yaml("action.yml");
    Map<String, String> inputs = defaults(action);
    map(uses.get("with")).forEach((name, value) -> {
      assertTrue(inputs.containsKey(name), name + " is an input of the action");
      inputs.put(name, String.valueOf(value)); // GitHub passes every input as a string
    });
    assertEquals("true", inputs.get("sarif"));
    assertEquals("topology/", inputs.get("paths"));
    inputs.put("paths", TestFiles.samples().toString());
    Cli cli = Cli.runIn(dir, topoArguments(action, step(action, "check"), inputs, runner(dir)));
    assertEquals(Main.FOUND, cli.code(), cli.err());
    assertTrue(Files.exists(dir.resolve("topo.sarif")), "the SARIF to upload");
  }

  /** The runner's variables that the check step reads, in a temporary folder. */
  private static Map<String, String> runner(Path dir) {
    return Map.of("RUNNER_TEMP", dir.toString(), "GITHUB_STEP_SUMMARY", dir.resolve("summary.md").toString());
  }

  /** The inputs' defaults, as GitHub gives them to a workflow that sets none. */
  static Map<String, String> defaults(Map<String, Object> action) {
    Map<String, String> values = new HashMap<>();
    map(action.get("inputs")).forEach((name, input) -> values.put(name, String.valueOf(map(input).get("default"))));
    return values;
  }

  /**
   * The arguments after {@code "$TOPO"} in the step's script, expanded as bash would: the
   * step's {@code env} (its {@code ${{ inputs.X }}} replaced by the inputs given, and the
   * command an earlier step found by {@code topo}) and the runner's variables; a quoted word
   * stays one argument, an unquoted variable is split at spaces.
   */
  private static String[] topoArguments(Map<String, Object> action, Map<String, Object> step, Map<String, String> inputs,
      Map<String, String> runner) {
    Map<String, String> variables = new HashMap<>(runner);
    map(step.get("env")).forEach((name, value) -> variables.put(name, replace(EXPRESSION, String.valueOf(value), expression -> {
      Matcher input = INPUT.matcher(expression);
      if (input.matches()) {
        return inputs.get(input.group(1));
      }
      Matcher output = STEP_OUTPUT.matcher(expression);
      assertTrue(output.matches(), "only inputs and steps' outputs are expected in this step's env: " + expression);
      assertWrites(step(action, output.group(1)), output.group(2));
      return "topo";
    })));
    List<String> lines = String.valueOf(step.get("run")).lines().filter(line -> line.strip().startsWith("\"$TOPO\" ")).toList();
    assertEquals(1, lines.size(), "one line runs topo: " + step.get("run"));
    String command = lines.get(0).strip();
    command = command.contains(" | ") ? command.substring(0, command.indexOf(" | ")) : command;
    List<String> arguments = new ArrayList<>();
    for (String word : command.split("\\s+")) {
      boolean quoted = word.startsWith("\"") && word.endsWith("\"");
      String expanded = replace(VARIABLE, quoted ? word.substring(1, word.length() - 1) : word, name -> {
        assertTrue(variables.containsKey(name), "$" + name + " is set");
        return variables.get(name);
      });
      arguments.addAll(quoted ? List.of(expanded) : Arrays.asList(expanded.split("\\s+")));
    }
    assertEquals("topo", arguments.get(0), "$TOPO is the command an earlier step found");
    return arguments.subList(1, arguments.size()).toArray(String[]::new);
  }

  private static String replace(Pattern pattern, String text, UnaryOperator<String> value) {
    return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(value.apply(m.group(1))));
  }

  // .pre-commit-hooks.yaml

  @Test
  void eachHookHasTheKeysPreCommitRequiresAndAnEntryThatExists() throws IOException {
    List<Map<String, Object>> hooks = hooks();
    assertEquals(List.of("topo-check", "topo-fmt"), hooks.stream().map(hook -> hook.get("id")).toList());
    for (Map<String, Object> hook : hooks) {
      for (String key : List.of("id", "name", "entry", "language")) {
        assertTrue(hook.get(key) instanceof String s && !s.isBlank(), hook.get("id") + " has " + key);
      }
      assertEquals("script", hook.get("language"), "the entry is a script of this repository");
      Path script = TestFiles.repo().resolve(entry(hook).get(0));
      assertTrue(Files.isRegularFile(script) && Files.isExecutable(script), script + " is an executable file");
      assertTrue(Files.readString(script).startsWith("#!/bin/sh\n"), script + " says how to run it");
    }
  }

  @Test
  void topoCheckTakesTheTopoFilesAndChecksThem() throws IOException {
    Map<String, Object> hook = hook("topo-check");
    Pattern files = Pattern.compile(String.valueOf(hook.get("files")));
    assertFalse(files.matcher(".github/workflows/ci.yml").find(), "not every YAML file is a manifest");
    List<String> matching = sampleFiles(files);
    assertTrue(matching.contains("samples/shop.topo") && matching.size() > 20, matching.toString());
    Cli cli = Cli.runIn(TestFiles.repo(), command(hook, matching));
    assertEquals(Main.FOUND, cli.code(), cli.err());
    assertTrue(cli.out().contains("[container-os-mismatch]") && cli.out().contains(" errors"), cli.out());
  }

  @Test
  void topoFmtFormatsTheTopoFilesInPlace(@TempDir Path dir) throws IOException {
    Map<String, Object> hook = hook("topo-fmt");
    List<String> matching = sampleFiles(Pattern.compile(String.valueOf(hook.get("files"))));
    for (String file : matching) {
      Files.createDirectories(dir.resolve(file).getParent());
      Files.copy(TestFiles.repo().resolve(file), dir.resolve(file));
    }
    // One staged file that is not formatted: the hook's reason to exist.
    Path shop = dir.resolve("samples/shop.topo");
    Files.writeString(shop, Files.readString(shop).replace("\n  ", "\n      "));
    List<String> copies = matching.stream().map(file -> dir.resolve(file).toString()).toList();
    assertTrue(unformatted(copies).lines().toList().contains(shop.toString()), "the hook has work to do");

    Cli cli = Cli.runIn(dir, command(hook, copies));
    assertNotEquals(Main.USAGE_OR_IO, cli.code(), cli.err());
    assertTrue(cli.out().lines().toList().contains("formatted " + shop), cli.out());
    assertEquals("", unformatted(copies));
  }

  @SuppressWarnings("unchecked")
  @Test
  void theDocumentedPreCommitConfigurationsRunTheHooksTheyName(@TempDir Path dir) throws IOException {
    List<Object> configurations = examples("pre-commit");
    assertEquals(2, configurations.size());
    for (Object configuration : configurations) {
      for (Object repo : (List<Object>) map(configuration).get("repos")) {
        assertEquals("https://github.com/topo-lang/topo", map(repo).get("repo"));
        assertTrue(map(repo).get("rev") instanceof String, "pre-commit needs a rev");
        for (Object used : (List<Object>) map(repo).get("hooks")) {
          hook(String.valueOf(map(used).get("id"))); // throws when .pre-commit-hooks.yaml has no such hook
        }
      }
    }
    // The folder of manifests: the configuration overrides the hook's files, pass_filenames and args.
    Map<String, Object> overrides = map(((List<Object>) map(((List<Object>) map(configurations.get(1)).get("repos")).get(0))
        .get("hooks")).get(0));
    Map<String, Object> hook = new HashMap<>(hook(String.valueOf(overrides.get("id"))));
    hook.putAll(overrides);
    assertEquals(false, hook.get("pass_filenames"));
    assertTrue(Pattern.compile(String.valueOf(hook.get("files"))).matcher("deploy/jobs.yaml").find(), "fires on manifests");
    Path manifest = TestFiles.repo().resolve("server/src/test/resources/yaml/kubernetes/daemonsets-and-jobs.yaml");
    Files.createDirectories(dir.resolve("deploy"));
    Files.copy(manifest, dir.resolve("deploy/daemonsets-and-jobs.yaml"));
    Cli cli = Cli.runIn(dir, command(hook, List.of()));
    assertEquals(Main.FOUND, cli.code(), cli.err());
    assertTrue(cli.out().contains("deploy/daemonsets-and-jobs.yaml:"), cli.out());
  }

  /** The YAML examples in a section of docs/ci.md, parsed. */
  private static List<Object> examples(String heading) throws IOException {
    String doc = Files.readString(TestFiles.repo().resolve("docs/ci.md"));
    String section = doc.substring(doc.indexOf("\n## " + heading + "\n") + 1);
    section = section.substring(0, section.indexOf("\n## ") < 0 ? section.length() : section.indexOf("\n## "));
    List<Object> examples = new ArrayList<>();
    for (int start = section.indexOf("```yaml\n"); start >= 0; start = section.indexOf("```yaml\n", start)) {
      start += "```yaml\n".length();
      examples.add(new Load(LoadSettings.builder().build()).loadFromString(section.substring(start, section.indexOf("```", start))));
    }
    return examples;
  }

  /** What {@code topo fmt --check} lists of these files. */
  private static String unformatted(List<String> files) {
    List<String> arguments = new ArrayList<>(List.of("fmt", "--check"));
    arguments.addAll(files);
    return Cli.run(arguments.toArray(String[]::new)).out();
  }

  /** The arguments pre-commit gives the entry's script: the rest of the entry, the hook's args, then the files. */
  private static String[] command(Map<String, Object> hook, List<String> files) {
    List<String> arguments = new ArrayList<>(entry(hook).subList(1, entry(hook).size()));
    if (hook.get("args") instanceof List<?> args) {
      args.forEach(arg -> arguments.add(String.valueOf(arg)));
    }
    arguments.addAll(files);
    return arguments.toArray(String[]::new);
  }

  static List<String> entry(Map<String, Object> hook) {
    return Arrays.asList(String.valueOf(hook.get("entry")).strip().split("\\s+"));
  }

  /** The samples whose path from the repository's root the pattern finds, as pre-commit's re.search does. */
  private static List<String> sampleFiles(Pattern files) throws IOException {
    try (Stream<Path> walk = Files.walk(TestFiles.samples())) {
      return walk.filter(Files::isRegularFile)
          .map(file -> TestFiles.repo().relativize(file).toString().replace('\\', '/'))
          .filter(file -> files.matcher(file).find()).sorted().toList();
    }
  }

  static Map<String, Object> hook(String id) throws IOException {
    return hooks().stream().filter(hook -> id.equals(hook.get("id"))).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> hooks() throws IOException {
    return (List<Map<String, Object>>) load(".pre-commit-hooks.yaml");
  }

  // YAML

  static Map<String, Object> yaml(String file) throws IOException {
    return map(load(file));
  }

  private static Object load(String file) throws IOException {
    return new Load(LoadSettings.builder().build()).loadFromString(Files.readString(TestFiles.repo().resolve(file)));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> steps(Map<String, Object> action) {
    return (List<Map<String, Object>>) map(action.get("runs")).get("steps");
  }

  static Map<String, Object> step(Map<String, Object> action, String id) {
    return steps(action).stream().filter(step -> id.equals(step.get("id"))).findFirst().orElseThrow(() -> new AssertionError("no step " + id));
  }

  /** Every string in a YAML tree, keys and values. */
  private static List<String> strings(Object node) {
    List<String> found = new ArrayList<>();
    if (node instanceof Map<?, ?> m) {
      m.forEach((key, value) -> {
        found.addAll(strings(key));
        found.addAll(strings(value));
      });
    } else if (node instanceof List<?> list) {
      list.forEach(item -> found.addAll(strings(item)));
    } else if (node != null) {
      found.add(String.valueOf(node));
    }
    return found;
  }
}
