package dev.topo.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.check.rules.Rules;
import dev.topo.model.Problem;
import dev.topo.model.ProblemCode;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigTest {
  static final URI FILE = URI.create("file:///ws/.topo.json");

  static Rule rule(String id) {
    return Rules.byId(id).orElseThrow();
  }

  @Test
  void setsSeveritiesAndKeepsDefaultsForTheRest() throws Exception {
    Config config = Config.parse(FILE, "{\"rules\": {\"unknown-os\": \"error\", \"weak-isolation\": \"off\"}}", Rules.ids()).config();
    assertEquals(Optional.of(Severity.ERROR), config.severity(rule("unknown-os")));
    assertEquals(Optional.empty(), config.severity(rule("weak-isolation")));
    assertEquals(Optional.of(Severity.WARNING), config.severity(rule("missing-limits")));
  }

  @Test
  void unknownRuleIdsAndSeveritiesAreReportedWhereTheyStand() throws Exception {
    String json = "{\n  \"rules\": {\n    \"missing-limit\": \"off\",\n    \"unknown-os\": \"loud\"\n  }\n}";
    Config.Loaded loaded = Config.parse(FILE, json, Rules.ids());
    List<String> messages = loaded.problems().stream().map(Problem::message).toList();
    assertEquals(List.of("unknown rule 'missing-limit'; did you mean 'missing-limits'?",
        "rule 'unknown-os' is set to loud: use off, info, warning or error"), messages);
    assertEquals(json.indexOf("\"missing-limit\""), loaded.problems().get(0).span().start());
    assertTrue(loaded.problems().stream().allMatch(p -> p.code() == ProblemCode.INVALID_VALUE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{", "[]", "{\"rules\": []}", "{rules: {}}", "{\"rules\": {}} x", "{'rules': {}}"})
  void malformedFilesAreRefusedWithAMessage(String json) {
    Config.ConfigException e = assertThrows(Config.ConfigException.class, () -> Config.parse(FILE, json, Rules.ids()));
    assertTrue(!e.getMessage().isBlank());
    assertTrue(!e.getMessage().contains("setStrictness") && !e.getMessage().contains("https://"), e.getMessage());
  }

  @Test
  void anEmptyObjectIsTheDefault() throws Exception {
    assertEquals(Optional.of(Severity.INFO), Config.parse(FILE, "{}", Rules.ids()).config().severity(rule("unknown-os")));
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
      "legacy/**, legacy/a.topo, true",
      "legacy/**, legacy/x/y.topo, true",
      "legacy/**, app/legacy/a.topo, false",
      "*.draft.topo, app/wip.draft.topo, true",
      "*.draft.topo, wip.draft.topo, true",
      "generated, generated/out.topo, true",
      "/top.topo, app/top.topo, false",
      "app/*.topo, app/a.topo, true",
      "app/*.topo, app/x/a.topo, false",
      "a?.topo, ab.topo, true",
      "**/k8s/*.yaml, deploy/k8s/apps.yaml, true",
  })
  void globsMatchAsEslintAndGitignoreUsersExpect(String glob, String path, boolean matches) {
    assertEquals(matches, Glob.of(glob).matches(path), glob + " on " + path);
  }

  @Test
  void severitiesPerPathTheLastMatchingOverrideWinning() throws Exception {
    URI file = URI.create("file:///ws/.topo.json");
    Config config = Config.parse(file, """
        {"rules": {"missing-limits": "error"},
         "overrides": [{"files": ["legacy/**"], "rules": {"missing-limits": "off"}},
                       {"files": "legacy/keep/**", "rules": {"missing-limits": "warning"}}]}
        """, Rules.ids()).config();
    Rule limits = Rules.byId("missing-limits").orElseThrow();
    assertEquals(Optional.of(Severity.ERROR), config.severity(limits, URI.create("file:///ws/app/a.topo")));
    assertEquals(Optional.empty(), config.severity(limits, URI.create("file:///ws/legacy/a.topo")));
    assertEquals(Optional.of(Severity.WARNING), config.severity(limits, URI.create("file:///ws/legacy/keep/a.topo")));
    assertEquals(Optional.of(Severity.ERROR), config.severity(limits, URI.create("file:///elsewhere/legacy/a.topo")),
        "paths are the configuration folder's");
  }

  @Test
  void aSuppressionWithoutAReasonOrAnUnknownPolicyIsRefusedAndAnUnknownRuleIsAProblem() throws Exception {
    URI file = URI.create("file:///ws/.topo.json");
    assertThrows(Config.ConfigException.class, () -> Config.parse(file,
        "{\"suppressions\": [{\"rule\": \"weak-isolation\"}]}", Rules.ids()));
    assertThrows(Config.ConfigException.class, () -> Config.parse(file,
        "{\"suppressions\": [{\"rule\": \"weak-isolation\", \"reason\": \" \"}]}", Rules.ids()));
    assertThrows(Config.ConfigException.class, () -> Config.parse(file, "{\"inlineSuppressions\": \"never\"}", Rules.ids()));
    assertThrows(Config.ConfigException.class, () -> Config.parse(file, "{\"exclude\": 5}", Rules.ids()));
    Config.Loaded loaded = Config.parse(file, "{\"suppressions\": [{\"rule\": \"weak-isolaton\", \"reason\": \"r\"}]}",
        Rules.ids());
    assertEquals(List.of("unknown rule 'weak-isolaton'; did you mean 'weak-isolation'?"),
        loaded.problems().stream().map(Problem::message).toList());
    assertEquals(List.of(), loaded.config().suppressions());
  }

  /** An unused suppression is reported at its entry, so each must know its own, not the first mention of its rule. */
  @Test
  void eachSuppressionKnowsItsEntryInTheFile() throws Exception {
    String json = """
        {"rules": {"weak-isolation": "error", "x": {"suppressions": []}},
         "suppressions": [
           {"rule": "weak-isolation", "reason": "a \\"quoted\\" } reason"},
           {"rule": "weak-isolation", "files": "infra/**", "reason": "devices"}
         ]}""";
    List<String> entries = Config.parse(URI.create("file:///ws/.topo.json"), json, Rules.ids()).config().suppressions()
        .stream().map(s -> json.substring(s.span().start(), s.span().end())).toList();
    assertEquals(List.of("{\"rule\": \"weak-isolation\", \"reason\": \"a \\\"quoted\\\" } reason\"}",
        "{\"rule\": \"weak-isolation\", \"files\": \"infra/**\", \"reason\": \"devices\"}"), entries);
  }

  @Test
  void theSchemaTheEditorValidatesWithAcceptsWhatTheCheckerReadsAndRejectsWhatItRefuses() throws Exception {
    com.networknt.schema.JsonSchema schema = com.networknt.schema.JsonSchemaFactory
        .getInstance(com.networknt.schema.SpecVersion.VersionFlag.V7)
        .getSchema(java.nio.file.Files.readString(dev.topo.TestFiles.repo().resolve("vscode-extension/schemas/topo.schema.json")));
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    String good = """
        {"rules": {"missing-limits": "off"}, "exclude": ["generated/**"],
         "overrides": [{"files": "legacy/**", "rules": {"unpinned-image": "error"}}],
         "suppressions": [{"rule": "weak-isolation", "files": "infra/**", "entity": "agents", "reason": "devices"}],
         "inlineSuppressions": "require-reason"}""".replace("\"missing-limits\": \"off\"",
        "\"missing-limits\": \"off\", \"unpinned-image\": [\"error\", {\"pin\": \"version\"}]");
    assertEquals(java.util.Set.of(), schema.validate(json.readTree(good)));
    Config.parse(URI.create("file:///ws/.topo.json"), good, Rules.ids());
    for (String bad : List.of("{\"rules\": {\"missing-limits\": \"loud\"}}", "{\"rules\": {\"missing-limit\": \"off\"}}",
        "{\"suppressions\": [{\"rule\": \"weak-isolation\"}]}", "{\"inlineSuppressions\": \"never\"}")) {
      assertTrue(!schema.validate(json.readTree(bad)).isEmpty(), bad);
    }
  }

  @Test
  void unpinnedImageAsksForAVersionTagOrADigestWhenConfiguredSo() throws Exception {
    String text = """
        host a { os linux; runtime docker
          container tagged { os linux; cpu 1; memory 1GiB; image "redis:7" }
          container versioned { os linux; cpu 1; memory 1GiB; image "redis:7.2.4" }
          container digested { os linux; cpu 1; memory 1GiB; image "redis@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" }
          container floating { os linux; cpu 1; memory 1GiB; image "redis:latest" }
        }
        """;
    URI file = URI.create("file:///ws/.topo.json");
    for (String pin : List.of("tag", "version", "digest")) {
      Config config = Config.parse(file, "{\"rules\": {\"unpinned-image\": [\"warning\", {\"pin\": \"" + pin + "\"}]}}",
          Rules.ids(), Rules.options()).config();
      List<String> flagged = Checks.check(text, config).stream().filter(f -> f.rule().id().equals("unpinned-image"))
          .map(f -> f.message().substring(f.message().indexOf("of container '") + 14, f.message().indexOf("' ", f.message().indexOf("of container '") + 14)))
          .toList();
      assertEquals(switch (pin) {
        case "tag" -> List.of("floating");
        case "version" -> List.of("tagged", "floating");
        default -> List.of("tagged", "versioned", "floating");
      }, flagged, pin);
    }
    Config.Loaded wrong = Config.parse(file, "{\"rules\": {\"unpinned-image\": [\"warning\", {\"pin\": \"exact\", \"strict\": \"yes\"}]}}",
        Rules.ids(), Rules.options());
    assertEquals(List.of("rule 'unpinned-image' has no option 'strict': it has pin",
        "the option 'pin' of unpinned-image is tag, version, digest, not 'exact'"),
        wrong.problems().stream().map(Problem::message).sorted().toList());
  }
}
