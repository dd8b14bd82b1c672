package dev.topo.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.topo.check.Config;
import dev.topo.check.rules.Rules;
import dev.topo.knowledge.KnowledgeBase;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The client's {@code topology.*} settings: the locale of explanations, rule severities that
 * override {@code .topo.json}, whether info findings are shown, and whether opened Kubernetes
 * manifests and Compose files are checked ({@code topology.yaml.enable}: off by default, so
 * that topo says nothing in YAML files unless asked, beside whatever YAML extension is there).
 * Beside them, where the docs are published ({@code docs}), which the server's own environment
 * says, not the client: diagnostics link to rule pages only when it is known.
 */
public record Settings(String locale, Map<String, String> rules, boolean showInfo, boolean yaml, Optional<String> docs) {
  public static final Settings DEFAULT = new Settings(KnowledgeBase.FALLBACK, Map.of(), true, false);

  /** Settings that leave YAML files alone. */
  public Settings(String locale, Map<String, String> rules, boolean showInfo) {
    this(locale, rules, showInfo, false);
  }

  /** Settings without a docs address. */
  public Settings(String locale, Map<String, String> rules, boolean showInfo, boolean yaml) {
    this(locale, rules, showInfo, yaml, Optional.empty());
  }

  /** These settings, with diagnostics linking to rule pages under {@code docs} when it is present. */
  public Settings withDocs(Optional<String> docs) {
    return new Settings(locale, rules, showInfo, yaml, docs);
  }

  /**
   * Reads the settings object (the {@code topology} section, or initializationOptions);
   * anything missing or of the wrong type keeps its default.
   */
  public static Settings from(Object json, String clientLocale) {
    String locale = clientLocale == null ? KnowledgeBase.FALLBACK : clientLocale;
    Map<String, String> rules = new LinkedHashMap<>();
    boolean showInfo = true;
    boolean yaml = false;
    if (json instanceof JsonObject o) {
      if (o.get("topology") instanceof JsonObject nested) {
        o = nested;
      }
      if (isString(o.get("locale")) && !o.get("locale").getAsString().equals("auto")) {
        locale = o.get("locale").getAsString();
      }
      if (o.get("rules") instanceof JsonObject r) {
        for (Map.Entry<String, JsonElement> e : r.entrySet()) {
          if (isString(e.getValue())) {
            rules.put(e.getKey(), e.getValue().getAsString());
          }
        }
      }
      showInfo = isBoolean(o.get("showInfo")) ? o.get("showInfo").getAsBoolean() : showInfo;
      // VS Code sends {"yaml": {"enable": true}}; a client that keeps dotted keys flat, "yaml.enable".
      JsonElement enable = o.get("yaml") instanceof JsonObject y ? y.get("enable") : o.get("yaml.enable");
      yaml = isBoolean(enable) && enable.getAsBoolean();
    }
    return new Settings(KnowledgeBase.language(locale), Map.copyOf(rules), showInfo, yaml);
  }

  private static boolean isBoolean(JsonElement e) {
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean();
  }

  private static boolean isString(JsonElement e) {
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
  }

  /** The rule settings as a configuration to lay over the workspace's file. */
  public Config ruleConfig() {
    return Config.fromMap(URI.create("settings:topology.rules"), rules, Rules.ids()).config();
  }
}
