package dev.topo.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings a team accepted when it adopted topo ({@code --write-baseline}), so that a run
 * with {@code --baseline} reports only new ones. A finding is known by its rule, file, entity
 * path and message, never its line, so edits elsewhere in a file do not bring it back; a
 * baseline entry that matches nothing any more is said, so that the file shrinks as findings
 * are fixed. Two identical findings are two entries.
 */
final class Baseline {
  static final int VERSION = 1;

  /** What identifies a finding across edits. */
  record Key(String rule, String file, String entity, String message) {
    static Key of(Report.Entry e) {
      return new Key(e.rule().id(), e.location().path(), e.entity(), e.message());
    }

    String describe() {
      return file + (entity.isEmpty() ? "" : " (" + entity + ")") + ": [" + rule + "] " + message;
    }
  }

  /** The new findings of a report, and the baseline's entries that matched none. */
  record Applied(Report report, List<Key> stale) {}

  private final List<Key> keys;

  private Baseline(List<Key> keys) {
    this.keys = keys;
  }

  static String write(Report report) {
    JsonArray findings = new JsonArray();
    report.entries().stream().map(Key::of)
        .sorted(Comparator.comparing(Key::file).thenComparing(Key::rule).thenComparing(Key::entity).thenComparing(Key::message))
        .forEach(key -> {
          JsonObject finding = new JsonObject();
          finding.addProperty("rule", key.rule());
          finding.addProperty("file", key.file());
          finding.addProperty("entity", key.entity());
          finding.addProperty("message", key.message());
          findings.add(finding);
        });
    JsonObject root = new JsonObject();
    root.addProperty("version", VERSION);
    root.add("findings", findings);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
  }

  static Baseline read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new Main.UserError("cannot read the baseline " + file + " (write one with --write-baseline)");
    }
    try {
      JsonObject root = JsonParser.parseString(text).getAsJsonObject();
      if (root.get("version") == null || root.get("version").getAsInt() != VERSION) {
        throw new Main.UserError("the baseline " + file + " is not of version " + VERSION + ": write it again with --write-baseline");
      }
      List<Key> keys = new ArrayList<>();
      for (JsonElement element : root.getAsJsonArray("findings")) {
        JsonObject f = element.getAsJsonObject();
        keys.add(new Key(f.get("rule").getAsString(), f.get("file").getAsString(), f.get("entity").getAsString(),
            f.get("message").getAsString()));
      }
      return new Baseline(List.copyOf(keys));
    } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NullPointerException e) {
      throw new Main.UserError("the baseline " + file + " is not one topo wrote: " + e.getMessage());
    }
  }

  /** The report without the findings the baseline knows, each entry matching one finding at most. */
  Applied apply(Report report) {
    Map<Key, Integer> left = new LinkedHashMap<>();
    keys.forEach(key -> left.merge(key, 1, Integer::sum));
    List<Report.Entry> fresh = new ArrayList<>();
    for (Report.Entry entry : report.entries()) {
      Key key = Key.of(entry);
      if (left.getOrDefault(key, 0) > 0) {
        left.merge(key, -1, Integer::sum);
      } else {
        fresh.add(entry);
      }
    }
    List<Key> stale = new ArrayList<>();
    left.forEach((key, count) -> {
      for (int i = 0; i < count; i++) {
        stale.add(key);
      }
    });
    return new Applied(report.withEntries(fresh), List.copyOf(stale));
  }
}
