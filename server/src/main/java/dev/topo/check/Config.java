package dev.topo.check;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.topo.model.Problem;
import dev.topo.model.ProblemCode;
import dev.topo.model.Span;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule severities, from {@code .topo.json}: {@code {"rules": {"missing-limits": "off"}}}.
 * Each value is {@code off}, {@code info}, {@code warning} or {@code error}; rules not named
 * keep their default. Reading one needs the ids of the rules there are, to point out the
 * others ({@code Rules.ids()}).
 */
public final class Config {
  public static final Config DEFAULT = new Config(Map.of());
  public static final String FILE_NAME = ".topo.json";

  /** A setting by rule id; an empty optional turns the rule off. */
  private final Map<String, Optional<Severity>> overrides;

  private Config(Map<String, Optional<Severity>> overrides) {
    this.overrides = overrides;
  }

  /** The severity of a rule, or empty when it is off. */
  public Optional<Severity> severity(Rule rule) {
    return overrides.getOrDefault(rule.id(), Optional.of(rule.defaultSeverity()));
  }

  /** This configuration with other settings laid over it (the editor's, over the file's). */
  public Config overriddenBy(Config other) {
    Map<String, Optional<Severity>> merged = new HashMap<>();
    merged.putAll(overrides);
    merged.putAll(other.overrides);
    return new Config(Map.copyOf(merged));
  }

  /** A configuration and the problems with the file it came from. */
  public record Loaded(Config config, List<Problem> problems) {}

  /** Thrown when the file is not JSON of the expected shape; the message says where. */
  public static final class ConfigException extends Exception {
    public ConfigException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Reads a configuration. Unknown rule ids and unknown severities are problems (reported
   * as invalid-value findings on the file), not failures, so a typo does not stop a CI run.
   */
  public static Loaded parse(URI uri, String json, Collection<String> ruleIds) throws ConfigException {
    JsonElement root = strictJson(json);
    if (!root.isJsonObject()) {
      throw new ConfigException("the configuration must be a JSON object such as {\"rules\": {\"missing-limits\": \"off\"}}");
    }
    JsonElement rules = root.getAsJsonObject().get("rules");
    List<Problem> problems = new ArrayList<>();
    Map<String, Optional<Severity>> overrides = new HashMap<>();
    if (rules == null) {
      return new Loaded(DEFAULT, problems);
    }
    if (!rules.isJsonObject()) {
      throw new ConfigException("\"rules\" must be an object mapping rule ids to off, info, warning or error");
    }
    for (Map.Entry<String, JsonElement> entry : ((JsonObject) rules).entrySet()) {
      String id = entry.getKey();
      if (!ruleIds.contains(id)) {
        String suggestion = ClosestNames.closest(id, ruleIds).map(s -> "; did you mean '" + s + "'?").orElse("");
        problems.add(new Problem(ProblemCode.INVALID_VALUE, keySpan(uri, json, id), "unknown rule '" + id + "'" + suggestion));
        continue;
      }
      JsonElement value = entry.getValue();
      String word = value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? value.getAsString() : String.valueOf(value);
      if (word.equals("off")) {
        overrides.put(id, Optional.empty());
      } else {
        Optional<Severity> severity = Severity.fromWord(word);
        if (severity.isEmpty()) {
          problems.add(new Problem(ProblemCode.INVALID_VALUE, keySpan(uri, json, id),
              "rule '" + id + "' is set to " + word + ": use off, info, warning or error"));
        } else {
          overrides.put(id, severity);
        }
      }
    }
    return new Loaded(new Config(Map.copyOf(overrides)), List.copyOf(problems));
  }

  /** Settings given as a map (by the language client), checked like the file's. */
  public static Loaded fromMap(URI uri, Map<String, String> settings, Collection<String> ruleIds) {
    JsonObject rules = new JsonObject();
    settings.forEach(rules::addProperty);
    JsonObject root = new JsonObject();
    root.add("rules", rules);
    try {
      return parse(uri, root.toString(), ruleIds);
    } catch (ConfigException e) {
      throw new IllegalStateException(e); // cannot happen: the JSON is ours
    }
  }

  private static JsonElement strictJson(String json) throws ConfigException {
    try {
      JsonReader reader = new JsonReader(new StringReader(json));
      reader.setStrictness(Strictness.STRICT);
      JsonElement element = new Gson().getAdapter(JsonElement.class).read(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new ConfigException("unexpected text after the JSON object");
      }
      return element;
    } catch (IOException | RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      // Gson's messages end with advice for programmers; keep what says where.
      String where = message.lines().findFirst().orElse(message)
          .replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "malformed JSON");
      throw new ConfigException("not valid JSON: " + where);
    }
  }

  private static Span keySpan(URI uri, String json, String key) {
    int at = json.indexOf('"' + key + '"');
    return at < 0 ? new Span(uri, 0, 0) : new Span(uri, at, at + key.length() + 2);
  }
}
