package dev.topo.knowledge;

import dev.topo.check.Rule;
import dev.topo.check.rules.Rules;
import dev.topo.model.EntityKind;
import dev.topo.model.Keyword;
import dev.topo.model.Slot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The language as data, for tools outside the core: every statement of the vocabulary (its
 * slots, where it is allowed, its snippet, its knowledge entry's title) and every rule id
 * with its default severity. The build writes it to {@code server/target/topo-language.json}, and
 * the extension's TextMate grammar, snippets and configuration schema are checked
 * against it, so that nothing outside the core restates the language.
 */
public final class LanguageExport {
  private LanguageExport() {}

  /** The export as plain data (maps, lists, strings, booleans) for a face to write as JSON. */
  public static Map<String, Object> data() {
    Map<String, Object> root = new LinkedHashMap<>();
    List<Object> keywords = new ArrayList<>();
    for (Keyword k : Keyword.values()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("word", k.word());
      entry.put("form", k.form().name().toLowerCase(Locale.ROOT));
      List<String> where = new ArrayList<>();
      if (k.allowedIn(null)) {
        where.add("top");
      }
      for (EntityKind kind : EntityKind.values()) {
        if (k.allowedIn(kind)) {
          where.add(kind.keyword());
        }
      }
      entry.put("allowedIn", where);
      entry.put("repeatable", k.repeatable());
      entry.put("snippet", k.snippet());
      entry.put("title", KnowledgeBase.get().entry(k.knowledgeEntry(), "en").map(Entry::title).orElse(""));
      List<Object> slots = new ArrayList<>();
      for (Slot s : k.slots()) {
        Map<String, Object> slot = new LinkedHashMap<>();
        slot.put("label", s.label());
        slot.put("shape", s.shape().name().toLowerCase(Locale.ROOT));
        slot.put("role", s.role().name().toLowerCase(Locale.ROOT));
        slot.put("optional", s.optional());
        slot.put("closed", s.closed());
        slot.put("suggested", s.suggested());
        slots.add(slot);
      }
      entry.put("slots", slots);
      keywords.add(entry);
    }
    root.put("keywords", keywords);
    List<Object> rules = new ArrayList<>();
    for (Rule rule : Rules.all()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", rule.id());
      entry.put("severity", rule.defaultSeverity().word());
      entry.put("title", rule.title());
      rules.add(entry);
    }
    root.put("rules", rules);
    return root;
  }
}
