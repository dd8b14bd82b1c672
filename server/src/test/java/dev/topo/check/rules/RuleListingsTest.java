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
  static final String TABLE_START = "<!-- The rows below are generated from the rules (RuleListingsTest;"
      + " mvn -B verify -Dtopo.updateDocs=true). -->\n";
  static final String TABLE_END = "<!-- End of the generated rows. -->\n";
  private static final String STALE = " lists other rules than the checker: run mvn -B verify -Dtopo.updateDocs=true"
      + " and commit the result";

  /** Each listing: its file, and what that file should be, made from what it is. */
  private static final Map<String, UnaryOperator<String>> LISTINGS = Map.of(
      PACKAGE_JSON, RuleListingsTest::packageJson,
      LANGUAGE, RuleListingsTest::languageSpecification);

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
