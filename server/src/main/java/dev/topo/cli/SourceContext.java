package dev.topo.cli;

import dev.topo.check.Analyzer.Analysis;
import dev.topo.model.Entity;
import dev.topo.model.FileModel;
import dev.topo.model.LineMap;
import dev.topo.workspace.FileSystemSources;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What reports show of a finding beyond its position: the text of its file, for source
 * excerpts, and the blocks it is in, for fingerprints that survive edits elsewhere.
 */
final class SourceContext {
  private SourceContext() {}

  /** A run's report, with the texts of its files and the entity of each finding. */
  static Report report(CheckRun.Checked checked) {
    Map<URI, FileModel> models = models(checked);
    return checked.report().withSources(sources(checked, models)).withEntities(checked.findings().stream()
        .map(f -> entity(models.get(f.span().source()), f.span().start())).toList());
  }

  /**
   * The text of every file the run checked, by the path reports show, for excerpts and the
   * formats that list clean files: the texts the checker read, and configuration files (whose
   * text it does not keep) from the disk.
   * A text that no longer has the lines the checker saw (the file changed since) is left
   * out, rather than putting carets under the wrong characters.
   */
  private static Map<String, String> sources(CheckRun.Checked checked, Map<URI, FileModel> models) {
    FileSystemSources disk = new FileSystemSources();
    Map<String, String> texts = new HashMap<>();
    checked.lines().forEach((uri, lines) -> {
      if (checked.leftOut().contains(uri)) {
        return;
      }
      String text = models.containsKey(uri) ? models.get(uri).text() : disk.read(uri).orElse(null);
      if (text != null && LineMap.of(text).equals(lines)) {
        texts.put(checked.run().displayPath(uri), text);
      }
    });
    return texts;
  }

  /**
   * Every file model the run built, by file: each file met is in the program of a file given
   * that nothing imports (those of a cycle that nothing else imports are read again).
   */
  private static Map<URI, FileModel> models(CheckRun.Checked checked) {
    Map<URI, FileModel> models = new HashMap<>();
    for (Analysis analysis : checked.given()) {
      for (FileModel file : analysis.program().files()) {
        models.putIfAbsent(file.uri(), file);
      }
    }
    return models;
  }

  /**
   * The blocks an offset is in, outermost first: "host app-01 > container web". Reports that
   * must recognise a finding after edits (GitLab's fingerprints) use it with the message,
   * which does not always name the entity.
   */
  private static String entity(FileModel file, int offset) {
    List<String> path = new ArrayList<>();
    List<Entity> level = file == null ? List.of() : file.declarations();
    for (boolean deeper = true; deeper; ) {
      deeper = false;
      for (Entity e : level) {
        if (file.span(e).contains(offset)) {
          path.add(e.kind().keyword() + " " + e.name().text());
          level = e.children();
          deeper = true;
          break;
        }
      }
    }
    return String.join(" > ", path);
  }
}
