package dev.topo.check.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.topo.TestFiles;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The files outside the checker that list its rules are generated from {@link Rules}: the
 * settings of the VS Code extension ({@code topology.rules} in its package.json, one property
 * per rule) and the table of rules in the specification (docs/language.md, between two
 * comments). Each test fails when its file is stale; {@code -Dtopo.updateDocs=true} rewrites
 * them, as it does the pages generated from the knowledge base.
 */
class RuleListingsTest {
  static final String PACKAGE_JSON = "vscode-extension/package.json";
  static final String LANGUAGE = "docs/language.md";
  static final String CONFIG_SCHEMA = "vscode-extension/schemas/topo.schema.json";
  static final String TABLE_START = "<!-- The rows below are generated from the rules (RuleListingsTest;"
      + " mvn -B verify -Dtopo.updateDocs=true). -->\n";
  static final String TABLE_END = "<!-- End of the generated rows. -->\n";
  private static final String STALE = " lists other rules than the checker: run mvn -B verify -Dtopo.updateDocs=true"
      + " and commit the result";

  /** Each listing: its file, and what that file should be, made from what it is. */
  private static final Map<String, UnaryOperator<String>> LISTINGS = Map.of(
      PACKAGE_JSON, RuleListingsTest::packageJson,
      LANGUAGE, RuleListingsTest::languageSpecification,
      CONFIG_SCHEMA, RuleListingsTest::configSchema);

  @TestFactory
  Stream<DynamicTest> theListingsOfRulesAreThoseOfTheChecker() {
    return LISTINGS.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(listing ->
        DynamicTest.dynamicTest(listing.getKey(), () -> {
          Path file = TestFiles.repo().resolve(listing.getKey());
          String committed = Files.readString(file, StandardCharsets.UTF_8);
          String generated = listing.getValue().apply(committed);
          if (Boolean.getBoolean("topo.updateDocs") && !generated.equals(committed)) {
            Files.writeString(file, generated, StandardCharsets.UTF_8);
            committed = generated;
          }
          assertSameLines(generated, committed, listing.getKey() + STALE);
        }));
  }

  /** Compares line by line, so that a failure shows the first line that differs, not the whole file. */
  private static void assertSameLines(String expected, String actual, String message) {
    List<String> want = expected.lines().toList();
    List<String> have = actual.lines().toList();
    for (int i = 0; i < Math.min(want.size(), have.size()); i++) {
      assertEquals(want.get(i), have.get(i), message + " (line " + (i + 1) + ")");
    }
    assertEquals(want.size(), have.size(), message + " (number of lines)");
    assertEquals(expected, actual, message);
  }

  /** The severities a setting may take, least serious first as the settings editor shows them. */
  static List<String> settingValues() {
    List<String> values = new ArrayList<>(List.of("off"));
    Severity[] mostSeriousFirst = Severity.values();
    for (int i = mostSeriousFirst.length - 1; i >= 0; i--) {
      values.add(mostSeriousFirst[i].word());
    }
    return values;
  }

  /** package.json with {@code topology.rules} listing every rule, in the order of {@link Rules#all()}. */
  static String packageJson(String text) {
    JsonObject manifest = JsonParser.parseString(text).getAsJsonObject();
    JsonObject setting = manifest.getAsJsonObject("contributes").getAsJsonObject("configuration")
        .getAsJsonObject("properties").getAsJsonObject("topology.rules");
    JsonObject properties = new JsonObject();
    for (Rule rule : Rules.all()) {
      properties.add(rule.id(), severitySetting());
    }
    setting.add("properties", properties);
    setting.add("additionalProperties", severitySetting());
    // npm's own layout: two spaces, nulls kept, nothing escaped that JSON does not require.
    return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(manifest) + "\n";
  }

  private static JsonObject severitySetting() {
    JsonObject setting = new JsonObject();
    setting.addProperty("type", "string");
    JsonArray values = new JsonArray();
    settingValues().forEach(values::add);
    setting.add("enum", values);
    return setting;
  }

  /**
   * The JSON Schema of {@code .topo.json}, which the extension gives VS Code's JSON support so
   * that the file is completed and validated as it is typed: every key the configuration reads
   * (see {@code Config}), rule ids as property names with their titles.
   */
  static String configSchema(String text) {
    JsonObject severities = new JsonObject();
    severities.addProperty("type", "object");
    JsonObject perRule = new JsonObject();
    for (Rule rule : Rules.all()) {
      JsonObject setting = severitySetting();
      String description = rule.title() + " (default: " + rule.defaultSeverity().word() + ")";
      if (!rule.options().isEmpty()) {
        // ESLint's form: the severity alone, or the severity and the rule's options.
        JsonObject options = schema("{\"type\": \"object\", \"additionalProperties\": false}");
        JsonObject optionProperties = new JsonObject();
        rule.options().forEach((name, words) -> {
          JsonObject option = new JsonObject();
          JsonArray values = new JsonArray();
          words.forEach(values::add);
          option.add("enum", values);
          option.addProperty("default", words.get(0));
          optionProperties.add(name, option);
        });
        options.add("properties", optionProperties);
        JsonObject pair = schema("{\"type\": \"array\", \"minItems\": 2, \"maxItems\": 2}");
        JsonArray items = new JsonArray();
        items.add(severitySetting());
        items.add(options);
        pair.add("items", items);
        JsonArray anyOf = new JsonArray();
        anyOf.add(severitySetting());
        anyOf.add(pair);
        setting = new JsonObject();
        setting.add("anyOf", anyOf);
        description += "; options: " + String.join(", ", rule.options().keySet());
      }
      setting.addProperty("description", description);
      perRule.add(rule.id(), setting);
    }
    severities.add("properties", perRule);
    severities.addProperty("additionalProperties", false);
    JsonObject globs = schema("""
        {"description": "Path globs relative to the folder of .topo.json: * a part of a name, ** any folders",
         "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}""");
    JsonArray ruleIds = new JsonArray();
    Rules.all().forEach(rule -> ruleIds.add(rule.id()));
    JsonObject root = schema("""
        {"$schema": "http://json-schema.org/draft-07/schema#", "title": "topo configuration (.topo.json)",
         "type": "object", "additionalProperties": false}""");
    JsonObject properties = new JsonObject();
    properties.add("$schema", schema("{\"type\": \"string\"}"));
    JsonObject rules = severities.deepCopy();
    rules.addProperty("description", "Severity per rule id: off, info, warning or error.");
    properties.add("rules", rules);
    JsonObject exclude = globs.deepCopy();
    exclude.addProperty("description", "Files found below a folder given to topo check that are left out.");
    properties.add("exclude", exclude);
    JsonObject override = schema("{\"type\": \"object\", \"required\": [\"files\", \"rules\"], \"additionalProperties\": false}");
    JsonObject overrideProperties = new JsonObject();
    overrideProperties.add("files", globs.deepCopy());
    overrideProperties.add("rules", severities.deepCopy());
    override.add("properties", overrideProperties);
    JsonObject overrides = schema("{\"type\": \"array\", \"description\": \"Severities for the files a glob matches; the last match wins.\"}");
    overrides.add("items", override);
    properties.add("overrides", overrides);
    JsonObject suppression = schema("{\"type\": \"object\", \"required\": [\"rule\", \"reason\"], \"additionalProperties\": false}");
    JsonObject suppressionProperties = new JsonObject();
    JsonObject rule = schema("{\"type\": \"string\"}");
    rule.add("enum", ruleIds);
    suppressionProperties.add("rule", rule);
    suppressionProperties.add("files", schema("{\"type\": \"string\", \"description\": \"A path glob; every file when left out.\"}"));
    suppressionProperties.add("entity", schema("{\"type\": \"string\", \"description\": \"The name of the entity the finding is in, or one around it.\"}"));
    suppressionProperties.add("reason", schema("{\"type\": \"string\", \"minLength\": 1, \"description\": \"Why the finding is accepted.\"}"));
    suppression.add("properties", suppressionProperties);
    JsonObject suppressions = schema("{\"type\": \"array\", \"description\": \"Findings accepted here rather than in the files.\"}");
    suppressions.add("items", suppression);
    properties.add("suppressions", suppressions);
    properties.add("inlineSuppressions", schema("""
        {"enum": ["allow", "require-reason", "deny"], "default": "allow",
         "description": "Whether // topo-ignore comments silence findings: always, only with a reason, or never."}"""));
    root.add("properties", properties);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
  }

  private static JsonObject schema(String json) {
    return JsonParser.parseString(json).getAsJsonObject();
  }

  /** docs/language.md with the table of rules made from each rule's {@link Rule.Info}. */
  static String languageSpecification(String text) {
    int start = text.indexOf(TABLE_START);
    int end = text.indexOf(TABLE_END);
    assertTrue(start >= 0 && end > start, LANGUAGE + " has lost the comments around its table of rules:\n"
        + TABLE_START + TABLE_END);
    StringBuilder table = new StringBuilder("\n| rule | default | fires when | reported at |\n| --- | --- | --- | --- |\n");
    for (Rule rule : Rules.all()) {
      Rule.Info info = rule.info();
      table.append("| `").append(info.id()).append("` | ").append(info.defaultSeverity().word()).append(" | ")
          .append(info.firesWhen()).append(" | ").append(info.reportedAt()).append(" |\n");
    }
    return text.substring(0, start + TABLE_START.length()) + table + "\n" + text.substring(end);
  }

  @Test
  void aStaleListingIsRewrittenAndAFreshOneKept() {
    String json = "{\n  \"contributes\": {\n    \"configuration\": {\n      \"properties\": {\n"
        + "        \"topology.rules\": {\n          \"type\": \"object\",\n          \"default\": null,\n"
        + "          \"properties\": {\n            \"gone\": {}\n          }\n        }\n      }\n    }\n  }\n}\n";
    String fresh = packageJson(json);
    assertTrue(fresh.contains("\"default\": null") && !fresh.contains("\"gone\""), fresh);
    for (Rule rule : Rules.all()) {
      assertTrue(fresh.contains("\"" + rule.id() + "\": {\n              \"type\": \"string\""), rule.id());
    }
    assertEquals(fresh, packageJson(fresh));

    String markdown = "# Rules\n\n" + TABLE_START + "\n| old |\n\n" + TABLE_END + "\nAfter.\n";
    String table = languageSpecification(markdown);
    assertTrue(table.startsWith("# Rules\n\n" + TABLE_START + "\n| rule | default |") && table.endsWith(TABLE_END + "\nAfter.\n"));
    assertTrue(table.contains("\n| `missing-limits` | warning | A container has no `cpu` or no `memory` statement."), table);
    assertEquals(table, languageSpecification(table));
  }
}
