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
 * are fixed. Two identical findings are two entries. Files are recorded relative to the
 * baseline's own folder, so that the same baseline serves a check run from any directory.
 */
final class Baseline {
  static final int VERSION = 2;
  /** Version 1 recorded files as reports print them (relative to the current directory or --root); still read. */
  private static final int PRINTED_PATHS = 1;

  /** What identifies a finding across edits. */
  record Key(String rule, String file, String entity, String message) {
    String describe() {
      return file + (entity.isEmpty() ? "" : " (" + entity + ")") + ": [" + rule + "] " + message;
    }
  }

  /** The new findings of a report, and the baseline's entries that matched none. */
  record Applied(Report report, List<Key> stale) {}

  private final List<Key> keys;
  private final Path folder;
  private final int version;

  private Baseline(List<Key> keys, Path folder, int version) {
    this.keys = keys;
    this.folder = folder;
    this.version = version;
  }

  /**
   * A report's findings as a baseline to write to {@code file}.
   *
   * @param reportBase the folder the report's paths are relative to
   */
  static String write(Report report, Path reportBase, Path file) {
    Path folder = folderOf(file);
    JsonArray findings = new JsonArray();
    report.entries().stream().map(e -> key(e, relativeTo(folder, reportBase, e.location().path())))
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
      int version = root.get("version") == null ? 0 : root.get("version").getAsInt();
      if (version != VERSION && version != PRINTED_PATHS) {
        throw new Main.UserError("the baseline " + file + " is of a version this topo does not read (" + version
            + "): write it again with --write-baseline");
      }
      List<Key> keys = new ArrayList<>();
      for (JsonElement element : root.getAsJsonArray("findings")) {
        JsonObject f = element.getAsJsonObject();
        keys.add(new Key(f.get("rule").getAsString(), f.get("file").getAsString(), f.get("entity").getAsString(),
            f.get("message").getAsString()));
      }
      return new Baseline(List.copyOf(keys), folderOf(file), version);
    } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NullPointerException e) {
      throw new Main.UserError("the baseline " + file + " is not one topo wrote: " + e.getMessage());
    }
  }

  private static Path folderOf(Path file) {
    return file.toAbsolutePath().normalize().getParent();
  }

  private static Key key(Report.Entry e, String file) {
    return new Key(e.rule().id(), file, e.entity(), e.message());
  }

  /** A path as a report prints it (relative to {@code reportBase}, or absolute), relative to {@code folder}. */
  private static String relativeTo(Path folder, Path reportBase, String printed) {
    Path absolute = reportBase.toAbsolutePath().resolve(printed).normalize();
    try {
      return folder.relativize(absolute).toString().replace('\\', '/');
    } catch (IllegalArgumentException onAnotherDrive) {
      return absolute.toString().replace('\\', '/');
    }
  }

  /**
   * The report without the findings the baseline knows, each entry matching one finding at most.
   *
   * @param reportBase the folder the report's paths are relative to
   */
  Applied apply(Report report, Path reportBase) {
    Map<Key, Integer> left = new LinkedHashMap<>();
    keys.forEach(key -> left.merge(key, 1, Integer::sum));
    List<Report.Entry> fresh = new ArrayList<>();
    for (Report.Entry entry : report.entries()) {
      String printed = entry.location().path();
      Key key = key(entry, version == PRINTED_PATHS ? printed : relativeTo(folder, reportBase, printed));
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
