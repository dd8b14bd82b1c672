package dev.topo.knowledge;

import dev.topo.check.ClosestNames;
import dev.topo.check.Rule;
import dev.topo.check.rules.Rules;
import dev.topo.model.Keyword;
import dev.topo.model.Namespace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explanations of every concept of the language and every rule, in English and Korean,
 * read from Markdown resources ({@code dev/topo/knowledge/LANG/concepts|rules/ID.md}).
 * Loaded once and immutable, so it can be shared by every thread.
 */
public final class KnowledgeBase {
  public static final List<String> LANGUAGES = List.of("en", "ko");
  public static final String FALLBACK = "en";
  /** The concept that gives the whole picture before the keywords. */
  public static final String OVERVIEW = "overview";
  /** The system property that says where the generated docs ({@code docs/}) are published. */
  public static final String DOCS_URL_PROPERTY = "topo.docs.url";
  /** The environment variable that says the same, when the property is not set. */
  public static final String DOCS_URL_VARIABLE = "TOPO_DOCS_URL";
  /**
   * Where the docs folder is published, as the faces read it from their own environment (the
   * property first, then the variable): no address is assumed, since a link to a page that may
   * not exist is worse than none (SARIF and LSP both allow it absent). Passed in, never read
   * here, so that what a build or a test sees does not depend on the machine's environment.
   */
  public static Optional<String> docs(java.util.function.Function<String, String> environment) {
    return docsBase(System.getProperty(DOCS_URL_PROPERTY, environment.apply(DOCS_URL_VARIABLE)));
  }

  /** The address of a rule's page in the docs, for links from diagnostics and reports, when there is one. */
  public static Optional<String> rulePage(Optional<String> docs, String ruleId) {
    return docs.map(base -> base + "rules/" + ruleId + ".md");
  }

  /** A configured address as a folder: blank means none, and a missing final '/' is added. */
  static Optional<String> docsBase(String configured) {
    if (configured == null || configured.isBlank()) {
      return Optional.empty();
    }
    String base = configured.strip();
    return Optional.of(base.endsWith("/") ? base : base + "/");
  }

  private static final Pattern SNIPPET = Pattern.compile("```topo\\n(.*?)```", Pattern.DOTALL);

  /**
   * Read on first use, not when the class is: the faces call {@link #docs} while starting, and
   * reading every entry in both languages then would delay the server's first answer.
   */
  private static final class Loaded {
    static final KnowledgeBase INSTANCE = load();
  }

  /** Entries by language, then by id; concepts first, in teaching order, then rules. */
  private final Map<String, Map<String, Entry>> entries;

  private KnowledgeBase(Map<String, Map<String, Entry>> entries) {
    this.entries = entries;
  }

  public static KnowledgeBase get() {
    return Loaded.INSTANCE;
  }

  /** The concepts: the overview, every keyword of the language, every namespace. */
  public static List<String> conceptIds() {
    List<String> ids = new ArrayList<>(List.of(OVERVIEW));
    for (Keyword keyword : Keyword.values()) {
      ids.add(keyword.knowledgeEntry());
    }
    for (Namespace n : Namespace.values()) {
      ids.add(n.word());
    }
    return List.copyOf(ids);
  }

  /** Every id that has an entry: concepts, then rules. */
  public List<String> ids() {
    return List.copyOf(entries.get(FALLBACK).keySet());
  }

  /** The entry in the language asked for ("ko", "ko-KR", ...), else in English. */
  public Optional<Entry> entry(String id, String locale) {
    Entry found = entries.getOrDefault(language(locale), Map.of()).get(id);
    return Optional.ofNullable(found != null ? found : entries.get(FALLBACK).get(id));
  }

  public Optional<Entry> rule(Rule rule, String locale) {
    return entry(rule.id(), locale);
  }

  /** The language of a locale that the knowledge base has, else English. */
  public static String language(String locale) {
    if (locale == null) {
      return FALLBACK;
    }
    String lang = locale.toLowerCase(Locale.ROOT).split("[-_]")[0];
    return LANGUAGES.contains(lang) ? lang : FALLBACK;
  }

  /** Ids that look like a misspelt or partial one, closest first. */
  public List<String> closeMatches(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return ids().stream()
        .filter(id -> id.contains(w) || w.contains(id) || ClosestNames.distance(w, id) <= Math.max(2, w.length() / 3))
        .sorted(Comparator.comparingInt((String id) -> ClosestNames.distance(w, id)).thenComparing(id -> id))
        .limit(5)
        .toList();
  }

  private static KnowledgeBase load() {
    Map<String, Map<String, Entry>> all = new LinkedHashMap<>();
    for (String lang : LANGUAGES) {
      Map<String, Entry> byId = new LinkedHashMap<>();
      for (String id : conceptIds()) {
        read(lang, Entry.Kind.CONCEPT, id).ifPresent(e -> byId.put(id, e));
      }
      for (String rule : Rules.ids()) {
        read(lang, Entry.Kind.RULE, rule).ifPresent(e -> byId.put(rule, e));
      }
      all.put(lang, java.util.Collections.unmodifiableMap(byId));
    }
    return new KnowledgeBase(Map.copyOf(all));
  }

  static String resource(String lang, Entry.Kind kind, String id) {
    return "/dev/topo/knowledge/" + lang + "/" + (kind == Entry.Kind.RULE ? "rules" : "concepts") + "/" + id + ".md";
  }

  private static Optional<Entry> read(String lang, Entry.Kind kind, String id) {
    try (InputStream in = KnowledgeBase.class.getResourceAsStream(resource(lang, kind, id))) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(parse(id, kind, lang, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Line 1 is "# Title", line 2 the one-line summary; snippets are the ```topo blocks. */
  static Entry parse(String id, Entry.Kind kind, String lang, String text) {
    String markdown = text.replace("\r\n", "\n").strip();
    String[] lines = markdown.split("\n", 3);
    String title = lines[0].replaceFirst("^#\\s*", "").strip();
    String summary = lines.length > 1 ? lines[1].strip() : "";
    List<String> snippets = new ArrayList<>();
    Matcher m = SNIPPET.matcher(markdown);
    while (m.find()) {
      snippets.add(m.group(1));
    }
    return new Entry(id, kind, lang, title, summary, markdown, List.copyOf(snippets));
  }
}
