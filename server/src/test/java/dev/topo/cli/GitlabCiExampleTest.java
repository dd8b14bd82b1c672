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

/** The GitLab CI job in docs/cli.md: it is valid YAML, and its command writes the reports it publishes. */
class GitlabCiExampleTest {
  @SuppressWarnings("unchecked")
  @Test
  void theDocumentedJobWritesTheReportsItPublishes(@TempDir Path dir) throws Exception {
    Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) new Load(LoadSettings.builder().build())
        .loadFromString(example())).get("topo");
    Map<String, Object> reports = (Map<String, Object>) ((Map<String, Object>) job.get("artifacts")).get("reports");
    List<String> script = (List<String>) job.get("script");
    assertEquals(1, script.size(), script.toString());
    List<String> words = Arrays.asList(script.get(0).split("\\s+"));
    assertEquals(List.of("java", "-jar", "tools/topo.jar", "check"), words.subList(0, 4));
    String[] args = words.subList(3, words.size()).stream()
        .map(w -> w.equals("topology/") ? TestFiles.samples().toString() : w).toArray(String[]::new);

    Cli cli = Cli.runIn(dir, args);
    assertEquals(Main.FOUND, cli.code(), cli.err());
    assertTrue(cli.out().contains(" errors"), "the text goes to the log: " + cli.out());
    JsonNode quality = new ObjectMapper().readTree(dir.resolve((String) reports.get("codequality")).toFile());
    assertTrue(quality.size() > 0 && quality.get(0).has("fingerprint"), quality.toString());
    assertTrue(DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(dir.resolve((String) reports.get("junit")).toFile()).getElementsByTagName("failure").getLength() > 0);
  }

  /** The YAML block of the "GitLab CI" section. */
  private static String example() throws IOException {
    String doc = Files.readString(TestFiles.repo().resolve("docs/cli.md"));
    String section = doc.substring(doc.indexOf("\n## GitLab CI\n"));
    int start = section.indexOf("```yaml\n") + "```yaml\n".length();
    return section.substring(start, section.indexOf("```", start));
  }
}
