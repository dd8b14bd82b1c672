package dev.topo.check;

import static dev.topo.check.Checks.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.check.rules.Rules;
import dev.topo.workspace.MemorySources;
import dev.topo.workspace.ParseCache;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class CheckerTest {
  static final String CONTAINER_WITHOUT_LIMITS = """
      host a {
        os linux
        runtime docker
        container web { os linux; image "web:1.0" }
      }
      """;

  static List<String> rules(List<Finding> findings) {
    return findings.stream().map(f -> f.rule().id() + "/" + f.severity().word()).toList();
  }

  @Test
  void aSyntaxErrorInTheFirstBlockStillLeavesTheSemanticFindingsOfLaterBlocks() {
    List<Finding> findings = check("""
        host broken {
          container web { os linux image cpu }
        }
        host win-01 {
          os windows
          runtime docker
          container app { os linux; image "app:1.0"; cpu 1; memory 1Gi }
        }
        """);
    assertTrue(rules(findings).contains("syntax/error"), rules(findings).toString());
    assertTrue(findings.stream().anyMatch(f -> f.rule().id().equals("container-os-mismatch")
        && f.message().equals("container 'app' runs linux but its host 'win-01' runs a windows kernel")),
        findings.toString());
  }

  @Test
  void configurationChangesSeveritiesAndTurnsRulesOff() throws Exception {
    assertEquals(List.of("missing-limits/warning"), rules(check(CONTAINER_WITHOUT_LIMITS)));
    Config asError = Config.parse(URI.create("file:///ws/.topo.json"), "{\"rules\": {\"missing-limits\": \"error\"}}", Rules.ids()).config();
    assertEquals(List.of("missing-limits/error"), rules(check(CONTAINER_WITHOUT_LIMITS, asError)));
    Config off = Config.parse(URI.create("file:///ws/.topo.json"), "{\"rules\": {\"missing-limits\": \"off\"}}", Rules.ids()).config();
    assertEquals(List.of(), rules(check(CONTAINER_WITHOUT_LIMITS, off)));
    assertEquals(List.of("missing-limits/info"), rules(check(CONTAINER_WITHOUT_LIMITS,
        off.overriddenBy(Config.fromMap(URI.create("file:///ws/x"), java.util.Map.of("missing-limits", "info"), Rules.ids()).config()))));
  }

  @Test
  void suppressionSilencesOnlyTheNamedRulesOnItsStatement() {
    String text = """
        host a {
          os linux
          runtime docker
          container web { // topo-ignore missing-limits
            os linux; image "web:1.0"
          }
          // topo-ignore unpinned-image, missing-limits
          container debug { os linux }
          // topo-ignore unpinned-image
          container other { os linux }
        }
        """;
    List<Finding> findings = check(text);
    assertEquals(List.of("missing-limits/warning"), rules(findings));
    assertEquals(text.indexOf("other"), findings.get(0).span().start());
  }

  @Test
  void aSuppressionThatSilencesNothingIsReportedForEachRuleItNamesInVainUnlessThatRuleIsOff() throws Exception {
    String text = """
        host a {
          os linux
          runtime docker
          // topo-ignore unpinned-image, missing-limits the image is pinned, the limits are not set
          container web { os linux; image "web:1.0" }
        }
        """;
    List<Finding> findings = check(text);
    assertEquals(List.of("unused-suppression/warning"), rules(findings));
    assertTrue(findings.get(0).message().startsWith("the topo-ignore in container 'web' silences nothing: unpinned-image"),
        findings.get(0).message());
    assertEquals(text.indexOf("// topo-ignore"), findings.get(0).span().start());
    Config unpinnedOff = Config.parse(URI.create("file:///ws/.topo.json"), "{\"rules\": {\"unpinned-image\": \"off\"}}",
        Rules.ids()).config();
    assertEquals(List.of(), rules(check(text, unpinnedOff)), "a comment for a rule that is off waits for it");
  }

  /** Overrides count per file, for the comment's finding as for any other, and for the rule it names. */
  @Test
  void aCommentForARuleAnOverrideTurnsOffInItsFileWaitsForItAndUnusedSuppressionHasItsFilesSeverity() throws Exception {
    String text = """
        host a {
          os linux
          runtime docker
          // topo-ignore missing-limits the limits come with the next release
          container web { os linux; image "web:1.0" }
          // topo-ignore unpinned-image
          container api { os linux; image "api:1.0"; cpu 1; memory 1GiB }
        }
        """;
    Config legacy = Config.parse(URI.create("file:///ws/.topo.json"), """
        {"overrides": [{"files": "main.topo", "rules": {"missing-limits": "off", "unused-suppression": "error"}}]}""",
        Rules.ids()).config();
    List<Finding> findings = check(text, legacy);
    assertEquals(List.of("unused-suppression/error"), rules(findings), "only the comment for unpinned-image: " + findings);
    assertTrue(findings.get(0).message().contains("container 'api'"), findings.get(0).message());
  }

  @Test
  void onlyTheRootFilesFindingsAreReported() {
    MemorySources sources = new MemorySources()
        .with("main.topo", "import \"lib.topo\"\nhost a { os linux }")
        .with("lib.topo", "host b { }");
    List<Finding> findings = new Analyzer(sources, new ParseCache(), MemorySources.ROOT, new Checker(Rules.all(), Config.DEFAULT))
        .analyze(MemorySources.uri("main.topo"), "import \"lib.topo\"\nhost a { os linux }", Cancellation.NONE).findings();
    assertEquals(List.of(), findings, "lib.topo's host without os is lib.topo's finding");
  }

  @Test
  void aCancelledAnalysisStops() {
    MemorySources sources = new MemorySources().with("main.topo", CONTAINER_WITHOUT_LIMITS);
    Analyzer analyzer = new Analyzer(sources, new ParseCache(), MemorySources.ROOT, new Checker(Rules.all(), Config.DEFAULT));
    assertThrows(CancellationException.class,
        () -> analyzer.analyze(MemorySources.uri("main.topo"), CONTAINER_WITHOUT_LIMITS, () -> true));
  }

  @Test
  void findingsCarryRelatedPlaces() {
    String text = """
        host win { os windows; runtime docker; cpu 4; memory 8Gi
          container c { os linux; image "c:1"; cpu 1; memory 1Gi }
        }
        """;
    Finding mismatch = check(text).get(0);
    assertEquals("container-os-mismatch", mismatch.rule().id());
    assertEquals(text.indexOf("os windows"), mismatch.related().get(0).span().start());
  }
}
