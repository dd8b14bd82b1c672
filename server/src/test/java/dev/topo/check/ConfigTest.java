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
}
