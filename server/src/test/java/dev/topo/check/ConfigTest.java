package dev.topo.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.model.Problem;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigTest {
  static final URI FILE = URI.create("file:///ws/.topo.json");

  @Test
  void setsSeveritiesAndKeepsDefaultsForTheRest() throws Exception {
    Config config = Config.parse(FILE, "{\"rules\": {\"unknown-os\": \"error\", \"weak-isolation\": \"off\"}}").config();
    assertEquals(Optional.of(Severity.ERROR), config.severity(RuleId.UNKNOWN_OS));
    assertEquals(Optional.empty(), config.severity(RuleId.WEAK_ISOLATION));
    assertEquals(Optional.of(Severity.WARNING), config.severity(RuleId.MISSING_LIMITS));
  }

  @Test
  void unknownRuleIdsAndSeveritiesAreReportedWhereTheyStand() throws Exception {
    String json = "{\n  \"rules\": {\n    \"missing-limit\": \"off\",\n    \"unknown-os\": \"loud\"\n  }\n}";
    Config.Loaded loaded = Config.parse(FILE, json);
    List<String> messages = loaded.problems().stream().map(Problem::message).toList();
    assertEquals(List.of("unknown rule 'missing-limit'; did you mean 'missing-limits'?",
        "rule 'unknown-os' is set to loud: use off, info, warning or error"), messages);
    assertEquals(json.indexOf("\"missing-limit\""), loaded.problems().get(0).span().start());
    assertTrue(loaded.problems().stream().allMatch(p -> p.ruleId().equals("invalid-value")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{", "[]", "{\"rules\": []}", "{rules: {}}", "{\"rules\": {}} x", "{'rules': {}}"})
  void malformedFilesAreRefusedWithAMessage(String json) {
    Config.ConfigException e = assertThrows(Config.ConfigException.class, () -> Config.parse(FILE, json));
    assertTrue(!e.getMessage().isBlank());
    assertTrue(!e.getMessage().contains("setStrictness") && !e.getMessage().contains("https://"), e.getMessage());
  }

  @Test
  void anEmptyObjectIsTheDefault() throws Exception {
    assertEquals(Optional.of(Severity.INFO), Config.parse(FILE, "{}").config().severity(RuleId.UNKNOWN_OS));
  }
}
