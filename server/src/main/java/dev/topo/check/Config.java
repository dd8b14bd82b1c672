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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code .topo.json} says: rule severities ({@code "rules": {"missing-limits": "off"}}),
 * the same per path glob ({@code "overrides"}, ESLint-style, later entries winning), files to
 * leave out ({@code "exclude"}), findings accepted in the configuration rather than in the
 * files ({@code "suppressions"}: rule, optional path glob and entity name, and a reason), and
 * whether {@code // topo-ignore} comments count ({@code "inlineSuppressions"}). Paths are
 * relative to the configuration's folder. Reading one needs the ids of the rules there are,
 * to point out the others ({@code Rules.ids()}).
 */
public final class Config {
  public static final Config DEFAULT = new Config(null, Map.of(), Map.of(), List.of(), List.of(), List.of(), InlineSuppressions.ALLOW);
  public static final String FILE_NAME = ".topo.json";

  /** Whether {@code // topo-ignore} comments silence findings. */
  public enum InlineSuppressions {
    /** They do. */
    ALLOW,
    /** Only those that give a reason after the rule ids. */
    REQUIRE_REASON,
    /** None: findings are accepted in the configuration only, where review sees them. */
    DENY;

    String word() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** Severities for the files a glob matches. */
  private record PathOverride(List<Glob> files, Map<String, Optional<Severity>> rules) {}

  /**
   * A finding accepted in the configuration: of a rule, in the files a glob matches (all when
   * none), in an entity of that name or inside one (any when none), and why.
   *
   * @param span its entry (the object) in the configuration file, where an unused one is reported
   */
  public record Suppression(String rule, Optional<Glob> files, Optional<String> entity, String reason, Span span) {}

  /** The configuration file's folder, which paths are relative to; null for no file (the editor's settings). */
  private final URI base;
  /** A setting by rule id; an empty optional turns the rule off. */
  private final Map<String, Optional<Severity>> rules;
  /** The options chosen per rule id, by name ({@code "pin": "digest"}). */
  private final Map<String, Map<String, String>> options;
  private final List<PathOverride> overrides;
  private final List<Glob> exclude;
  private final List<Suppression> suppressions;
  private final InlineSuppressions inline;

  private Config(URI base, Map<String, Optional<Severity>> rules, Map<String, Map<String, String>> options,
      List<PathOverride> overrides, List<Glob> exclude, List<Suppression> suppressions, InlineSuppressions inline) {
    this.base = base;
    this.rules = rules;
    this.options = options;
    this.overrides = overrides;
    this.exclude = exclude;
    this.suppressions = suppressions;
    this.inline = inline;
  }

  /** The severity of a rule, or empty when it is off, leaving per-path overrides aside. */
  public Optional<Severity> severity(Rule rule) {
    return rules.getOrDefault(rule.id(), Optional.of(rule.defaultSeverity()));
  }

  /** The severity of a rule's findings in a file, the last override whose files match it winning; empty when off there. */
  public Optional<Severity> severity(Rule rule, URI file) {
    Optional<Severity> severity = severity(rule);
    Optional<String> path = relative(file);
    for (PathOverride override : overrides) {
      if (override.rules().containsKey(rule.id()) && path.filter(p -> override.files().stream().anyMatch(g -> g.matches(p)))
          .isPresent()) {
        severity = override.rules().get(rule.id());
      }
    }
    return severity;
  }

  /** A rule's options: those chosen, and the default (its first word) of each other. */
  public Map<String, String> options(Rule rule) {
    Map<String, String> chosen = new HashMap<>();
    rule.options().forEach((name, words) -> chosen.put(name, words.get(0)));
    chosen.putAll(options.getOrDefault(rule.id(), Map.of()));
    return Map.copyOf(chosen);
  }

  /** Whether a rule is on anywhere: by default, or for the files of some override. */
  public boolean runs(Rule rule) {
    return severity(rule).isPresent() || overrides.stream().anyMatch(o -> o.rules().getOrDefault(rule.id(),
        Optional.empty()).isPresent());
  }

  /** Whether the configuration leaves a file out of a run ({@code "exclude"}). */
  public boolean excludes(URI file) {
    return relative(file).filter(p -> exclude.stream().anyMatch(g -> g.matches(p))).isPresent();
  }

  public List<Suppression> suppressions() {
    return suppressions;
  }

  /** Whether a suppression's glob (if any) matches a file. */
  public boolean inFiles(Suppression suppression, URI file) {
    return suppression.files().isEmpty() || relative(file).filter(p -> suppression.files().get().matches(p)).isPresent();
  }

  public InlineSuppressions inlineSuppressions() {
    return inline;
  }

  /** A file's path below the configuration's folder, with {@code /}; empty for one outside it or for no file. */
  private Optional<String> relative(URI file) {
    if (base == null || !String.valueOf(base.getScheme()).equals(file.getScheme())) {
      return Optional.empty();
    }
    URI relative = base.relativize(file.normalize());
    return relative.isAbsolute() || relative.getPath() == null || relative.getPath().startsWith("/")
        ? Optional.empty() : Optional.of(relative.getPath());
  }

  /** This configuration with other rule settings laid over it (the editor's, over the file's). */
  /**
   * Whether another configuration checks as this one does, for what keeps findings between
   * checks: the same file's contents (the very objects, as {@link #overriddenBy} shares them)
   * and equal severities.
   */
  boolean checksAlike(Config other) {
    return this == other || (base == other.base && rules.equals(other.rules) && options == other.options
        && overrides == other.overrides && exclude == other.exclude && suppressions == other.suppressions
        && inline == other.inline);
  }

  public Config overriddenBy(Config other) {
    Map<String, Optional<Severity>> merged = new HashMap<>();
    merged.putAll(rules);
    merged.putAll(other.rules);
    return new Config(base, Map.copyOf(merged), options, overrides, exclude, suppressions, inline);
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
   * as invalid-value findings on the file), not failures, so a typo does not stop a CI run;
   * a value of the wrong JSON shape is a failure.
   */
  public static Loaded parse(URI uri, String json, Collection<String> ruleIds) throws ConfigException {
    return parse(uri, json, ruleIds, Map.of());
  }

  /**
   * As {@link #parse(URI, String, Collection)}, with the options each rule offers (the words of
   * each, as {@link Rule#options()} gives them), so that a rule may be set as
   * {@code ["warning", {"pin": "digest"}]}, ESLint-style.
   */
  public static Loaded parse(URI uri, String json, Collection<String> ruleIds,
      Map<String, Map<String, List<String>>> ruleOptions) throws ConfigException {
    JsonElement root = strictJson(json);
    if (!root.isJsonObject()) {
      throw new ConfigException("the configuration must be a JSON object such as {\"rules\": {\"missing-limits\": \"off\"}}");
    }
    JsonObject object = root.getAsJsonObject();
    List<Problem> problems = new ArrayList<>();
    Map<String, Map<String, String>> options = new HashMap<>();
    Reader reader = new Reader(uri, json, ruleIds, ruleOptions, options, problems);
    Map<String, Optional<Severity>> rules = object.has("rules") ? reader.rules(object.get("rules"), "\"rules\"") : Map.of();
    List<PathOverride> overrides = new ArrayList<>();
    for (JsonElement entry : reader.array(object.get("overrides"), "\"overrides\"")) {
      JsonObject override = reader.object(entry, "each of \"overrides\"");
      overrides.add(new PathOverride(reader.globs(override.get("files"), "an override's \"files\""),
          reader.rules(override.get("rules"), "an override's \"rules\"")));
    }
    List<Glob> exclude = reader.globs(object.get("exclude"), "\"exclude\"");
    List<Suppression> suppressions = new ArrayList<>();
    List<JsonElement> entries = reader.array(object.get("suppressions"), "\"suppressions\"");
    List<Span> entrySpans = itemSpans(uri, json, "suppressions");
    for (int i = 0; i < entries.size(); i++) {
      Span span = i < entrySpans.size() ? entrySpans.get(i) : new Span(uri, 0, 0);
      reader.suppression(reader.object(entries.get(i), "each of \"suppressions\""), span).ifPresent(suppressions::add);
    }
    InlineSuppressions inline = reader.inline(object.get("inlineSuppressions"));
    URI base = uri.resolve(".");
    return new Loaded(new Config(base, Map.copyOf(rules), Map.copyOf(options), List.copyOf(overrides), exclude,
        List.copyOf(suppressions), inline),
        List.copyOf(problems));
  }

  /** Reads the parts of one file, saying what is wrong with their values as problems on it. */
  private record Reader(URI uri, String json, Collection<String> ruleIds, Map<String, Map<String, List<String>>> ruleOptions,
      Map<String, Map<String, String>> options, List<Problem> problems) {
    Map<String, Optional<Severity>> rules(JsonElement rules, String what) throws ConfigException {
      Map<String, Optional<Severity>> settings = new HashMap<>();
      for (Map.Entry<String, JsonElement> entry : object(rules, what + " (rule ids to off, info, warning or error)")
          .entrySet()) {
        String id = entry.getKey();
        if (!knownRule(id)) {
          continue;
        }
        JsonElement value = entry.getValue();
        if (value.isJsonArray() && value.getAsJsonArray().size() == 2 && value.getAsJsonArray().get(1).isJsonObject()) {
          options(id, value.getAsJsonArray().get(1).getAsJsonObject());
          value = value.getAsJsonArray().get(0);
        }
        String word = value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? value.getAsString() : String.valueOf(value);
        if (word.equals("off")) {
          settings.put(id, Optional.empty());
        } else {
          Optional<Severity> severity = Severity.fromWord(word);
          if (severity.isEmpty()) {
            problems.add(new Problem(ProblemCode.INVALID_VALUE, keySpan(uri, json, id),
                "rule '" + id + "' is set to " + word + ": use off, info, warning or error"));
          } else {
            settings.put(id, severity);
          }
        }
      }
      return settings;
    }

    /** A rule's options, each a word it offers; what it does not offer is a problem at the rule's key. */
    void options(String id, JsonObject given) throws ConfigException {
      Map<String, List<String>> offered = ruleOptions.getOrDefault(id, Map.of());
      for (Map.Entry<String, JsonElement> option : given.entrySet()) {
        List<String> words = offered.get(option.getKey());
        String word = text(option.getValue(), "the option '" + option.getKey() + "' of " + id);
        if (words == null) {
          problems.add(new Problem(ProblemCode.INVALID_VALUE, keySpan(uri, json, id), "rule '" + id + "' has no option '"
              + option.getKey() + "'" + (offered.isEmpty() ? "" : ": it has " + String.join(", ", offered.keySet()))));
        } else if (!words.contains(word)) {
          problems.add(new Problem(ProblemCode.INVALID_VALUE, keySpan(uri, json, id), "the option '" + option.getKey()
              + "' of " + id + " is " + String.join(", ", words) + ", not '" + word + "'"));
        } else {
          options.computeIfAbsent(id, k -> new HashMap<>()).put(option.getKey(), word);
        }
      }
    }

    boolean knownRule(String id) {
      if (ruleIds.contains(id)) {
        return true;
      }
      String suggestion = ClosestNames.closest(id, ruleIds).map(s -> "; did you mean '" + s + "'?").orElse("");
      problems.add(new Problem(ProblemCode.INVALID_VALUE, keySpan(uri, json, id), "unknown rule '" + id + "'" + suggestion));
      return false;
    }

    Optional<Suppression> suppression(JsonObject entry, Span span) throws ConfigException {
      String rule = text(entry.get("rule"), "a suppression's \"rule\"");
      String reason = text(entry.get("reason"), "a suppression's \"reason\" (why the finding is accepted)");
      if (reason.isBlank()) {
        throw new ConfigException("a suppression's \"reason\" is empty: say why the finding is accepted");
      }
      Optional<Glob> files = entry.has("files") ? Optional.of(Glob.of(text(entry.get("files"), "a suppression's \"files\"")))
          : Optional.empty();
      Optional<String> entity = entry.has("entity") ? Optional.of(text(entry.get("entity"), "a suppression's \"entity\""))
          : Optional.empty();
      return knownRule(rule) ? Optional.of(new Suppression(rule, files, entity, reason, span))
          : Optional.empty();
    }

    InlineSuppressions inline(JsonElement value) throws ConfigException {
      if (value == null) {
        return InlineSuppressions.ALLOW;
      }
      String word = text(value, "\"inlineSuppressions\"");
      for (InlineSuppressions choice : InlineSuppressions.values()) {
        if (choice.word().equals(word)) {
          return choice;
        }
      }
      throw new ConfigException("\"inlineSuppressions\" is allow, require-reason or deny, not '" + word + "'");
    }

    /** A glob or a list of them; none when absent. */
    List<Glob> globs(JsonElement value, String what) throws ConfigException {
      if (value == null) {
        return List.of();
      }
      if (value.isJsonPrimitive()) {
        return List.of(Glob.of(text(value, what)));
      }
      List<Glob> globs = new ArrayList<>();
      for (JsonElement item : array(value, what)) {
        globs.add(Glob.of(text(item, what + "' items")));
      }
      return List.copyOf(globs);
    }

    List<JsonElement> array(JsonElement value, String what) throws ConfigException {
      if (value == null) {
        return List.of();
      }
      if (!value.isJsonArray()) {
        throw new ConfigException(what + " must be a list");
      }
      return value.getAsJsonArray().asList();
    }

    JsonObject object(JsonElement value, String what) throws ConfigException {
      if (value == null || !value.isJsonObject()) {
        throw new ConfigException(what + " must be an object");
      }
      return value.getAsJsonObject();
    }

    String text(JsonElement value, String what) throws ConfigException {
      if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
        throw new ConfigException(what + " must be a string");
      }
      return value.getAsString();
    }
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

  /**
   * Where each object in a list at the top of the (valid) JSON is, for findings at an entry
   * ({@code "suppressions"}): Gson's tree keeps no positions. Of a key given twice, the last
   * list counts, as for Gson.
   */
  private static List<Span> itemSpans(URI uri, String json, String key) {
    List<Span> spans = new ArrayList<>();
    int depth = 0;
    String lastKey = null; // the last string at the top level: before a list there, its key
    boolean inList = false;
    int itemStart = -1;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '"') {
        int end = i + 1;
        while (json.charAt(end) != '"') {
          end += json.charAt(end) == '\\' ? 2 : 1;
        }
        if (depth == 1) {
          lastKey = json.substring(i + 1, end);
        }
        i = end;
      } else if (c == '{' || c == '[') {
        depth++;
        if (c == '[' && depth == 2 && key.equals(lastKey)) {
          inList = true;
          spans.clear();
        } else if (inList && depth == 3) {
          itemStart = i;
        }
      } else if (c == '}' || c == ']') {
        if (inList && depth == 3) {
          spans.add(new Span(uri, itemStart, i + 1));
        } else if (inList && depth == 2) {
          inList = false;
        }
        depth--;
      }
    }
    return spans;
  }

  private static Span keySpan(URI uri, String json, String key) {
    int at = json.indexOf('"' + key + '"');
    return at < 0 ? new Span(uri, 0, 0) : new Span(uri, at, at + key.length() + 2);
  }
}
