package dev.topo.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.check.rules.Rules;
import dev.topo.knowledge.Entry;
import dev.topo.knowledge.KnowledgeBase;
import java.util.List;
import java.util.Optional;

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: one run, the rules' metadata in
 * {@code tool.driver.rules}, and results with the report's paths: relative to {@code --root},
 * else to the current directory.
 */
final class SarifFormat implements ReportFormat.Renderer {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  @Override
  public String render(Report report, ReportFormat.Options options) {
    JsonObject log = new JsonObject();
    log.addProperty("$schema", SCHEMA);
    log.addProperty("version", "2.1.0");
    JsonObject run = new JsonObject();
    run.add("tool", tool(options.language(), options.docs()));
    JsonArray results = new JsonArray();
    for (Report.Entry e : report.entries()) {
      results.add(result(e, options.language()));
    }
    run.add("results", results);
    run.addProperty("columnKind", "utf16CodeUnits");
    JsonArray runs = new JsonArray();
    runs.add(run);
    log.add("runs", runs);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(log) + "\n";
  }

  private static JsonObject tool(String language, Optional<String> docs) {
    JsonObject driver = new JsonObject();
    driver.addProperty("name", "topo");
    driver.addProperty("version", Main.version());
    docs.ifPresent(base -> driver.addProperty("informationUri", base));
    JsonArray rules = new JsonArray();
    for (Rule rule : Rules.all()) {
      rules.add(rule(rule, language, docs));
    }
    driver.add("rules", rules);
    JsonObject tool = new JsonObject();
    tool.add("driver", driver);
    return tool;
  }

  /** A rule's metadata with its explanation, which code scanning shows beside each alert. */
  private static JsonObject rule(Rule rule, String language, Optional<String> docs) {
    Entry entry = KnowledgeBase.get().rule(rule, language).orElseThrow();
    JsonObject json = new JsonObject();
    json.addProperty("id", rule.id());
    json.addProperty("name", entry.title());
    json.add("shortDescription", text(entry.summary()));
    json.add("fullDescription", text(entry.description()));
    JsonObject help = text(entry.summary());
    help.addProperty("markdown", entry.markdown());
    json.add("help", help);
    KnowledgeBase.rulePage(docs, rule.id()).ifPresent(page -> json.addProperty("helpUri", page));
    JsonObject configuration = new JsonObject();
    configuration.addProperty("level", level(rule.defaultSeverity()));
    json.add("defaultConfiguration", configuration);
    return json;
  }

  private static JsonObject result(Report.Entry e, String language) {
    JsonObject result = new JsonObject();
    result.addProperty("ruleId", e.rule().id());
    result.addProperty("ruleIndex", Rules.index(e.rule()));
    result.addProperty("level", level(e.severity()));
    result.add("message", text(e.message(language)));
    JsonArray locations = new JsonArray();
    locations.add(location(e.location(), null));
    result.add("locations", locations);
    List<Report.Note> notes = e.related();
    if (!notes.isEmpty()) {
      JsonArray related = new JsonArray();
      for (int i = 0; i < notes.size(); i++) {
        JsonObject r = location(notes.get(i).location(), notes.get(i).message(language));
        r.addProperty("id", i);
        related.add(r);
      }
      result.add("relatedLocations", related);
    }
    return result;
  }

  private static JsonObject location(PrintedSpan l, String message) {
    JsonObject artifact = new JsonObject();
    artifact.addProperty("uri", l.path());
    JsonObject region = new JsonObject();
    region.addProperty("startLine", l.line());
    region.addProperty("startColumn", l.column());
    region.addProperty("endLine", l.endLine());
    region.addProperty("endColumn", l.endColumn());
    JsonObject physical = new JsonObject();
    physical.add("artifactLocation", artifact);
    physical.add("region", region);
    JsonObject location = new JsonObject();
    location.add("physicalLocation", physical);
    if (message != null) {
      location.add("message", text(message));
    }
    return location;
  }

  private static JsonObject text(String s) {
    JsonObject o = new JsonObject();
    o.addProperty("text", s);
    return o;
  }

  static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }
}
