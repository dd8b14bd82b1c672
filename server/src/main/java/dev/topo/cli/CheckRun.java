package dev.topo.cli;

import dev.topo.check.Analyzer;
import dev.topo.check.Analyzer.Analysis;
import dev.topo.check.Cancellation;
import dev.topo.check.Checker;
import dev.topo.check.Finding;
import dev.topo.model.FileModel;
import dev.topo.model.LineMap;
import dev.topo.model.Related;
import dev.topo.model.Span;
import dev.topo.workspace.ParseCache;
import dev.topo.workspace.SourceProvider;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a set of files and everything they import. Each file is analysed as the root of
 * its own program and contributes the findings located in it, which is exactly what the
 * language server shows for that file open; so each finding is reported once.
 */
final class CheckRun {
  private final SourceProvider sources;
  private final Analyzer analyzer;
  private final Path root;

  CheckRun(SourceProvider sources, Path root, Checker checker) {
    this.sources = sources;
    this.root = root;
    this.analyzer = new Analyzer(sources, ParseCache.modelsOnly(), root.toUri(), checker);
  }

  /** Checks the files, plus extra findings (the configuration's) with the lines of their file. */
  Report run(List<Path> files, List<Finding> extra, Map<URI, LineMap> extraLines) {
    Map<URI, LineMap> lines = new HashMap<>(extraLines);
    List<Finding> findings = new ArrayList<>(extra);
    Set<URI> seen = new LinkedHashSet<>();
    Set<URI> given = new LinkedHashSet<>();
    Deque<URI> queue = new ArrayDeque<>();
    for (Path file : files) {
      URI uri = file.toAbsolutePath().normalize().toUri();
      if (seen.add(uri)) {
        queue.add(uri);
        given.add(uri);
      }
    }
    while (!queue.isEmpty()) {
      URI uri = queue.poll();
      String text = sources.read(uri).orElse(null);
      if (text == null) {
        if (given.contains(uri)) {
          // A file named on the command line that cannot be read is the user's to know.
          throw new Main.UserError("cannot read " + Path.of(uri));
        }
        continue; // an imported file that vanished since its import was resolved
      }
      Analysis analysis = analyzer.analyze(uri, text, Cancellation.NONE);
      findings.addAll(analysis.findings());
      for (FileModel file : analysis.program().files()) {
        lines.putIfAbsent(file.uri(), file.lines());
        if (seen.add(file.uri())) {
          queue.add(file.uri());
        }
      }
    }
    findings.sort(Finding.ORDER);
    List<Report.Entry> entries = new ArrayList<>();
    for (Finding f : findings) {
      List<Report.Note> notes = new ArrayList<>();
      for (Related r : f.related()) {
        notes.add(new Report.Note(locate(r.span(), lines), r.message()));
      }
      entries.add(new Report.Entry(f.rule(), f.severity(), f.message(), locate(f.span(), lines), notes));
    }
    return new Report(entries, seen.size());
  }

  private PrintedSpan locate(Span span, Map<URI, LineMap> lines) {
    LineMap map = lines.getOrDefault(span.source(), LineMap.of(""));
    return PrintedSpan.of(displayPath(span.source()), map, span);
  }

  /** Relative to the workspace root when inside it, with forward slashes; absolute otherwise. */
  String displayPath(URI uri) {
    if (!"file".equals(uri.getScheme())) {
      return uri.toString();
    }
    Path path = Path.of(uri);
    Path base = root.toAbsolutePath().normalize();
    String shown = path.startsWith(base) ? base.relativize(path).toString() : path.toString();
    return shown.replace('\\', '/');
  }
}
