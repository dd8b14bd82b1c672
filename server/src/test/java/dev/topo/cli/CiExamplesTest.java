package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topo.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The CI examples in docs/cli.md: each is valid YAML, and its command writes the reports it publishes. */
class CiExamplesTest {
  @SuppressWarnings("unchecked")
  @Test
  void theDocumentedJobWritesTheReportsItPublishes(@TempDir Path dir) throws Exception {
    Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) new Load(LoadSettings.builder().build())
        .loadFromString(example("GitLab CI"))).get("topo");
    Map<String, Object> reports = (Map<String, Object>) ((Map<String, Object>) job.get("artifacts")).get("reports");
    List<String> script = (List<String>) job.get("script");
    assertEquals(1, script.size(), script.toString());
    Cli cli = Cli.runIn(dir, arguments(script.get(0), dir));
    assertEquals(Main.FOUND, cli.code(), cli.err());
    assertTrue(cli.out().contains(" errors"), "the text goes to the log: " + cli.out());
    JsonNode quality = new ObjectMapper().readTree(dir.resolve((String) reports.get("codequality")).toFile());
    assertTrue(quality.size() > 0 && quality.get(0).has("fingerprint"), quality.toString());
    assertTrue(DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(dir.resolve((String) reports.get("junit")).toFile()).getElementsByTagName("failure").getLength() > 0);
  }

  @SuppressWarnings("unchecked")
  @Test
  void theDocumentedWorkflowWritesTheSarifItUploads(@TempDir Path dir) throws Exception {
    Map<String, Object> workflow = (Map<String, Object>) new Load(LoadSettings.builder().build())
        .loadFromString(example("GitHub Actions"));
    List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>)
        workflow.get("jobs")).get("topo")).get("steps");
    Map<String, Object> check = steps.stream().filter(step -> "Check the topology".equals(step.get("name")))
        .findFirst().orElseThrow();
    Map<String, Object> upload = steps.stream().filter(step -> String.valueOf(step.get("uses")).contains("upload-sarif"))
        .findFirst().orElseThrow();
    Cli cli = Cli.runIn(dir, arguments((String) check.get("run"), dir));
    assertEquals(Main.FOUND, cli.code(), cli.err());
    assertTrue(cli.out().startsWith("::error file="), "annotations on standard output: " + cli.out());
    String sarif = (String) ((Map<String, Object>) upload.get("with")).get("sarif_file");
    assertEquals("2.1.0", new ObjectMapper().readTree(dir.resolve(sarif).toFile()).get("version").asText());
    assertTrue(Files.readString(dir.resolve("summary.md")).startsWith("## topo: "));
  }

  /** A documented command's arguments after the committed launcher {@code tools/topo/bin/topo}, run on the samples. */
  private static String[] arguments(String command, Path dir) {
    List<String> words = Arrays.asList(command.strip().split("\\s+"));
    assertEquals(List.of("tools/topo/bin/topo", "check"), words.subList(0, 2));
    return words.subList(1, words.size()).stream()
        .map(w -> w.equals("topology/") ? TestFiles.samples().toString() : w)
        .map(w -> w.equals("\"$GITHUB_STEP_SUMMARY\"") ? dir.resolve("summary.md").toString() : w)
        .toArray(String[]::new);
  }

  /** The YAML block of a section. */
  private static String example(String heading) throws IOException {
    String doc = Files.readString(TestFiles.repo().resolve("docs/cli.md"));
    String section = doc.substring(doc.indexOf("\n## " + heading + "\n"));
    int start = section.indexOf("```yaml\n") + "```yaml\n".length();
    return section.substring(start, section.indexOf("```", start));
  }
}
