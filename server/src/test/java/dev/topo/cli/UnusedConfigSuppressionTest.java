package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topo.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A suppression in {@code .topo.json} that silences nothing in a whole run is reported at its
 * entry there. The project under {@code cli/policy} has four: one used in web.topo, one used
 * only in agents.topo (another program of the run), one of a rule that is off, and one that
 * silences nothing.
 */
class UnusedConfigSuppressionTest {
  private static final Path PROJECT = TestFiles.repo().resolve("server/src/test/resources/cli/policy");

  private static final String UNUSED = ".topo.json:6:5: warning [unused-suppression] the suppression of unpinned-image"
      + " (files web.topo) silences nothing: unpinned-image reports nothing it matches in the files checked; remove it"
      + " from \"suppressions\"";

  @TempDir
  Path dir;

  private static Cli check(Path project, String... args) {
    return Cli.runIn(project, Stream.concat(Stream.of("check"), Stream.of(args)).toArray(String[]::new));
  }

  /** The lines that report findings, without excerpts and summary. */
  private static List<String> findings(Cli cli) {
    return cli.findings().lines().filter(l -> l.matches("\\S+:\\d+:\\d+: .*")).toList();
  }

  @Test
  void onlyTheSuppressionThatSilencedNothingInAnyProgramOfTheRunIsReportedAtItsEntry() {
    Cli cli = check(PROJECT, ".");
    assertEquals(List.of(UNUSED), findings(cli), cli.out());
    assertTrue(cli.out().contains(" 6 |     {\"rule\": \"unpinned-image\", \"files\": \"web.topo\""), "with its excerpt: " + cli.out());
    assertEquals(Main.CLEAN, cli.code(), "a warning fails no run by default");
  }

  /** Every format names the configuration file as the finding's file. */
  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "github", "junit", "checkstyle", "gitlab"})
  void everyFormatReportsItInTheConfigurationFile(String format) throws IOException {
    ReportFormatsTest.assertGolden("policy." + format, check(PROJECT, "--format", format, ".").out());
  }

  /** SARIF's golden would repeat every rule's documentation: its result is checked instead. */
  @Test
  void sarifPlacesItInTheConfigurationFile() throws IOException {
    JsonNode results = new ObjectMapper().readTree(check(PROJECT, "--format", "sarif", ".").out()).at("/runs/0/results");
    assertEquals(1, results.size(), results.toString());
    JsonNode location = results.get(0).at("/locations/0/physicalLocation");
    assertEquals("unused-suppression", results.get(0).get("ruleId").asText());
    assertEquals(".topo.json", location.at("/artifactLocation/uri").asText());
    assertEquals(6, location.at("/region/startLine").asInt());
    assertEquals(5, location.at("/region/startColumn").asInt());
  }

  private Path copyOfTheProject(String config) throws IOException {
    Path copy = Files.createDirectories(dir.resolve("policy"));
    for (String name : List.of("web.topo", "agents.topo")) {
      Files.copy(PROJECT.resolve(name), copy.resolve(name));
    }
    Files.writeString(copy.resolve(".topo.json"), config);
    return copy;
  }

  @Test
  void aSuppressionUsedOnlyByAnotherProgramIsUsed() throws IOException {
    Path project = copyOfTheProject("""
        {"suppressions": [
          {"rule": "weak-isolation", "files": "agents.topo", "reason": "the agents read the host's devices"},
          {"rule": "missing-limits", "reason": "everywhere, for now"}
        ]}""");
    assertEquals(List.of(), findings(check(project, ".")), "weak-isolation is found in agents.topo, missing-limits in web.topo");
    Files.delete(project.resolve("agents.topo"));
    assertEquals(List.of(".topo.json:2:3: warning [unused-suppression] the suppression of weak-isolation (files agents.topo)"
        + " silences nothing: weak-isolation reports nothing it matches in the files checked; remove it from"
        + " \"suppressions\""), findings(check(project, ".")));
  }

  private static List<String> unused(Cli cli) {
    return findings(cli).stream().filter(l -> l.contains("[unused-suppression]")).toList();
  }

  @Test
  void nothingIsReportedWhenTheRuleIsOffOrTheRunCheckedOnlySomeFiles() throws IOException {
    Path project = copyOfTheProject("""
        {"rules": {"unused-suppression": "off"},
         "suppressions": [{"rule": "unpinned-image", "reason": "pinned by digest in the deploy job"}]}""");
    assertEquals(List.of(), unused(check(project, ".")), "unused-suppression is off");
    Files.writeString(project.resolve(".topo.json"), """
        {"overrides": [{"files": "*.json", "rules": {"unused-suppression": "off"}}],
         "suppressions": [{"rule": "unpinned-image", "reason": "pinned by digest in the deploy job"}]}""");
    assertEquals(List.of(), unused(check(project, ".")), "off for the configuration file itself");
    Files.writeString(project.resolve(".topo.json"), """
        {"suppressions": [{"rule": "unpinned-image", "reason": "pinned by digest in the deploy job"}]}""");
    assertEquals(1, unused(check(project, ".")).size(), "checked as a folder, it is reported");
    assertEquals(1, unused(check(dir, "policy")).size(), "from the folder above too");
    assertEquals(List.of(), unused(check(project, "web.topo", "agents.topo")),
        "with files named, a suppression may be for others: the run cannot tell");
  }
}
