package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.topo.TestFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Golden files for every report format, over the samples. Run with
 * {@code -Dtopo.updateGolden=true} to rewrite them after an intended change, then review
 * the diff.
 */
class ReportFormatsTest {
  private static final Path GOLDEN = TestFiles.repo().resolve("server/src/test/resources/cli/golden");

  static Cli checkSamples(String format) {
    return Cli.run("check", "--root", TestFiles.samples().toString(), "--format", format,
        TestFiles.samples().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "sarif", "github"})
  void matchesTheGoldenFile(String format) throws IOException {
    Cli cli = checkSamples(format);
    assertEquals(Main.FOUND, cli.code(), cli.err());
    Path golden = GOLDEN.resolve("samples." + format);
    if (Boolean.getBoolean("topo.updateGolden")) {
      Files.writeString(golden, cli.out(), StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), cli.out(),
        "run with -Dtopo.updateGolden=true to accept a change");
  }

  private JsonSchema sarifSchema() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
  }

  @Test
  void sarifValidatesAgainstTheSarif210Schema() throws IOException {
    JsonNode sarif = new ObjectMapper().readTree(checkSamples("sarif").out());
    Set<ValidationMessage> errors = sarifSchema().validate(sarif);
    assertEquals(Set.of(), errors);
    JsonNode run = sarif.get("runs").get(0);
    assertEquals(dev.topo.check.rules.Rules.all().size(), run.at("/tool/driver/rules").size());
    JsonNode first = run.get("results").get(0);
    assertTrue(first.at("/locations/0/physicalLocation/artifactLocation/uri").asText().startsWith("rules/"),
        "locations are relative to the root");
    assertTrue(first.at("/locations/0/physicalLocation/region/startLine").asInt() >= 1, "lines are 1-based");
  }

  /** A run over the YAML fixtures: SARIF that CI uploads for manifests must be as valid, and point at them. */
  @Test
  void sarifOfKubernetesAndComposeFilesValidatesAndPointsAtTheYaml() throws IOException {
    Path yaml = TestFiles.repo().resolve("server/src/test/resources/yaml");
    Cli cli = Cli.run("check", "--root", yaml.toString(), "--format", "sarif", yaml.toString());
    JsonNode sarif = new ObjectMapper().readTree(cli.out());
    assertEquals(Set.of(), sarifSchema().validate(sarif));
    JsonNode results = sarif.at("/runs/0/results");
    assertTrue(results.size() > 5, cli.out());
    for (JsonNode result : results) {
      String uri = result.at("/locations/0/physicalLocation/artifactLocation/uri").asText();
      assertTrue(uri.matches("(kubernetes|kubernetes-folder|compose)/[\\w-]+\\.yaml"), uri);
      assertTrue(result.at("/locations/0/physicalLocation/region/startLine").asInt() >= 1, result.toString());
    }
  }

  @Test
  void theSchemaCheckRejectsABrokenLog() throws IOException {
    JsonNode sarif = new ObjectMapper().readTree(checkSamples("sarif").out());
    ((com.fasterxml.jackson.databind.node.ObjectNode) sarif.at("/runs/0/results/0")).put("level", "information");
    assertTrue(!sarifSchema().validate(sarif).isEmpty(), "the validator must notice a level SARIF does not have");
  }

  @Test
  void githubAnnotationsEscapeWhatTheRunnerReads() {
    assertEquals("50%25 done%0Anext", GithubFormat.data("50% done\nnext"));
    assertEquals("a%3Ab%2Cc", GithubFormat.property("a:b,c"));
  }
}
