package dev.topo.cli;

import dev.topo.check.Rule;
import dev.topo.check.Severity;
import dev.topo.model.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a check run found, ready to print: findings in output order with their locations
 * resolved, how many files were checked, and the text of the files checked by the path
 * reports show (for source excerpts, and for the formats that list clean files too; a
 * report made without them prints neither).
 */
record Report(List<Entry> entries, int filesChecked, Map<String, String> sources) {
  /**
   * A finding.
   *
   * @param entity the blocks the finding is in, outermost first ("host app-01 > container web"),
   *     or "" when it is in none or the report was made without them
   */
  record Entry(Rule rule, Severity severity, Message text, PrintedSpan location, List<Note> related, String entity) {
    Entry(Rule rule, Severity severity, Message text, PrintedSpan location, List<Note> related) {
      this(rule, severity, text, location, related, "");
    }

    Entry(Rule rule, Severity severity, String message, PrintedSpan location, List<Note> related) {
      this(rule, severity, Message.literal(message), location, related);
    }

    /** The message in English, for what must not change with the language (baselines, fingerprints). */
    String message() {
      return text.english();
    }

    String message(String language) {
      return text.text(language);
    }
  }

  record Note(PrintedSpan location, Message text) {
    Note(PrintedSpan location, String message) {
      this(location, Message.literal(message));
    }

    String message() {
      return text.english();
    }

    String message(String language) {
      return text.text(language);
    }
  }

  Report(List<Entry> entries, int filesChecked) {
    this(entries, filesChecked, Map.of());
  }

  Report withSources(Map<String, String> texts) {
    return new Report(entries, filesChecked, Map.copyOf(texts));
  }

  /** The report with each entry's entity, given in entry order. */
  Report withEntities(List<String> entities) {
    if (entities.size() != entries.size()) {
      throw new IllegalArgumentException(entities.size() + " entities for " + entries.size() + " entries");
    }
    List<Entry> named = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      named.add(new Entry(e.rule(), e.severity(), e.text(), e.location(), e.related(), entities.get(i)));
    }
    return new Report(named, filesChecked, sources);
  }

  /** The same report with other entries (fewer: a baseline's new findings), its files and sources kept. */
  Report withEntries(List<Entry> kept) {
    return new Report(List.copyOf(kept), filesChecked, sources);
  }

  long count(Severity severity) {
    return entries.stream().filter(e -> e.severity() == severity).count();
  }

  boolean hasAtLeast(Severity threshold) {
    return entries.stream().anyMatch(e -> e.severity().atLeast(threshold));
  }

  /** Every file checked or found at fault, by path, sorted. */
  List<String> files() {
    TreeSet<String> files = new TreeSet<>(sources.keySet());
    entries.forEach(e -> files.add(e.location().path()));
    return new ArrayList<>(files);
  }

  /** The findings of each file, clean files included, by path in {@link #files()} order. */
  Map<String, List<Entry>> byFile() {
    Map<String, List<Entry>> byFile = new LinkedHashMap<>();
    files().forEach(f -> byFile.put(f, new ArrayList<>()));
    entries.forEach(e -> byFile.get(e.location().path()).add(e));
    return byFile;
  }

  /** A file's text, when the report has it. */
  Optional<String> source(String path) {
    return Optional.ofNullable(sources.get(path));
  }
}
