package dev.topo.cli;

import dev.topo.check.Analyzer;
import dev.topo.check.Analyzer.Analysis;
import dev.topo.check.Cancellation;
import dev.topo.check.Checker;
import dev.topo.check.Config;
import dev.topo.check.Finding;
import dev.topo.model.LineMap;
import dev.topo.model.Related;
import dev.topo.model.Span;
import dev.topo.workspace.ParseCache;
import dev.topo.workspace.Program;
import dev.topo.workspace.RememberedSources;
import dev.topo.workspace.SourceProvider;
import dev.topo.yaml.Manifests;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a set of files and everything they import. Each file is analysed as the root of
 * its own program and contributes the findings located in it, which is exactly what the
 * language server shows for that file open; so each finding is reported once. The
 * Kubernetes manifests of one folder are one cluster, analysed once with the first of them.
 * Each file given has its own workspace (root and configuration); a file reached only through
 * imports is checked in the workspace of the first file that imported it, unless that
 * workspace's configuration excludes it.
 */
final class CheckRun {
  /** A file to check, the root its imports may not leave, and the checker its configuration makes. */
  record Target(Path file, Path root, Checker checker) {}

  /** One analyzer per workspace, so that its files share the root and the configuration. */
  private record Workspace(Path root, Checker checker) {}

  private final SourceProvider sources;
  private final ParseCache cache;
  private final Map<Workspace, Analyzer> analyzers = new HashMap<>();
  private final Path displayBase;

  /**
   * @param displayBase the folder report paths are relative to, when they are inside it
   * @param manifests what the command line says of what Kubernetes and Compose files leave unsaid
   */
  CheckRun(SourceProvider sources, Path displayBase, Manifests.Defaults manifests) {
    // Each file read and parsed once, however many programs of the run contain it.
    this.sources = new RememberedSources(sources);
    this.cache = ParseCache.modelsOnly(manifests);
    this.displayBase = displayBase.toAbsolutePath().normalize();
  }

  /**
   * What a run checked: the analysis of each file given that no file of the run imports, as the
   * root of its program (a file imported is in its importer's program, drawn inside it); every
   * finding in every file checked, once; the lines of each file met, to print places; the files
   * met only through imports that their configuration excludes, which are not checked; and the
   * configurations' suppressions that matched a finding in any program of the run.
   */
  record Checked(List<Analysis> given, List<Finding> findings, Map<URI, LineMap> lines, int files, Set<URI> leftOut,
      Set<Config.Suppression> suppressionsUsed, CheckRun run) {
    /** The run with more findings (which only the whole run can tell), in order. */
    Checked with(List<Finding> more) {
      List<Finding> all = new ArrayList<>(findings);
      all.addAll(more);
      all.sort(Finding.ORDER);
      return new Checked(given, List.copyOf(all), lines, files, leftOut, suppressionsUsed, run);
    }

    /** The findings as reports print them. */
    Report report() {
      List<Report.Entry> entries = new ArrayList<>();
      for (Finding f : findings) {
        List<Report.Note> notes = new ArrayList<>();
        for (Related r : f.related()) {
          notes.add(new Report.Note(run.locate(r.span(), lines), r.text()));
        }
        entries.add(new Report.Entry(f.rule(), f.severity(), f.text(), run.locate(f.span(), lines), notes));
      }
      return new Report(entries, files);
    }
  }

  /** Checks the files, plus extra findings (the configuration's) with the lines of their file. */
  Checked check(List<Target> targets, List<Finding> extra, Map<URI, LineMap> extraLines) {
    Map<URI, LineMap> lines = new HashMap<>(extraLines);
    List<Finding> findings = new ArrayList<>(extra);
    // Every file met so far, with the workspace (root and configuration) it is checked in.
    Map<URI, Workspace> seen = new LinkedHashMap<>();
    Set<URI> given = new HashSet<>();
    List<Analysis> givenAnalyses = new ArrayList<>();
    Deque<URI> queue = new ArrayDeque<>();
    for (Target target : targets) {
      URI uri = target.file().toAbsolutePath().normalize().toUri();
      if (seen.putIfAbsent(uri, workspace(target)) == null) {
        queue.add(uri);
        given.add(uri);
      }
    }
    // Manifests checked with the first of their folder to be checked: their cluster is one.
    Set<URI> checkedAsCompanions = new HashSet<>();
    Set<Config.Suppression> suppressionsUsed = new HashSet<>();
    Set<URI> leftOut = new HashSet<>();
    // Every file that some program of the run imports.
    Set<URI> imported = new HashSet<>();
    while (!queue.isEmpty()) {
      URI uri = queue.poll();
      if (checkedAsCompanions.contains(uri)) {
        continue;
      }
      Workspace workspace = seen.get(uri);
      boolean excluded = !given.contains(uri) && workspace.checker().excludes(uri);
      String text = sources.read(uri).orElse(null);
      if (text == null) {
        if (given.contains(uri)) {
          // A file named on the command line that cannot be read is the user's to know.
          throw new Main.UserError("cannot read " + Path.of(uri));
        }
        continue; // an imported file that vanished since its import was resolved
      }
      if (excluded) {
        // Imported, and excluded: left out as it is below a directory given, but what it
        // imports is still met.
        leftOut.add(uri);
        Program program = analyzer(workspace).load(uri, text);
        lines.putIfAbsent(uri, program.root().lines());
        meet(program, workspace, seen, queue, imported);
        continue;
      }
      Analysis analysis = analyzer(workspace).analyzeWithCompanions(uri, text, Cancellation.NONE);
      checkedAsCompanions.addAll(analysis.program().companions());
      findings.addAll(analysis.findings());
      suppressionsUsed.addAll(analysis.suppressionsUsed());
      lines.putIfAbsent(uri, analysis.program().root().lines());
      linesOfFindings(analysis, lines);
      meet(analysis.program(), workspace, seen, queue, imported);
      // A program inside another's is not kept: a chain's programs would hold the chain N times over.
      if (given.contains(uri) && !imported.contains(uri)) {
        givenAnalyses.add(analysis);
      }
    }
    givenAnalyses.removeIf(a -> imported.contains(a.program().root().uri()));
    findings.sort(Finding.ORDER);
    return new Checked(givenAnalyses, findings, lines, seen.size() - leftOut.size(), Set.copyOf(leftOut),
        Set.copyOf(suppressionsUsed), this);
  }

  /**
   * Queues what a program's root imports directly, and its companions: the files below them are
   * met when they are checked in turn. Walking every file of every program instead would cost
   * an import chain its length squared.
   */
  private static void meet(Program program, Workspace workspace, Map<URI, Workspace> seen, Deque<URI> queue,
      Set<URI> imported) {
    List<URI> met = new ArrayList<>(program.companions());
    program.rootImports().forEach(file -> met.add(file.uri()));
    for (URI file : met) {
      imported.add(file);
      if (seen.putIfAbsent(file, workspace) == null) {
        queue.add(file);
      }
    }
  }

  /**
   * The lines of the files the findings and their notes point into that are not the root's:
   * companions, and imports the run may not check itself.
   */
  private static void linesOfFindings(Analysis analysis, Map<URI, LineMap> lines) {
    for (Finding finding : analysis.findings()) {
      lineOf(analysis, finding.span().source(), lines);
      finding.related().forEach(note -> lineOf(analysis, note.span().source(), lines));
    }
  }

  private static void lineOf(Analysis analysis, URI file, Map<URI, LineMap> lines) {
    if (!lines.containsKey(file)) {
      analysis.program().files().stream().filter(f -> f.uri().equals(file)).findFirst()
          .ifPresent(f -> lines.put(file, f.lines()));
    }
  }

  private static Workspace workspace(Target target) {
    return new Workspace(target.root().toAbsolutePath().normalize(), target.checker());
  }

  private Analyzer analyzer(Workspace workspace) {
    return analyzers.computeIfAbsent(workspace, w -> Analyzer.forManyRoots(sources, cache, w.root().toUri(), w.checker()));
  }

  private PrintedSpan locate(Span span, Map<URI, LineMap> lines) {
    LineMap map = lines.getOrDefault(span.source(), LineMap.of(""));
    return PrintedSpan.of(displayPath(span.source()), map, span);
  }

  /** What the run has parsed so far, for tests that check each file is parsed once. */
  ParseCache.Parses parses() {
    return cache.parses();
  }

  /** The folder report paths are relative to. */
  Path displayBase() {
    return displayBase;
  }

  /** Relative to the display base when inside it, with forward slashes; absolute otherwise. */
  String displayPath(URI uri) {
    if (!"file".equals(uri.getScheme())) {
      return uri.toString();
    }
    Path path = Path.of(uri);
    String shown = path.startsWith(displayBase) ? displayBase.relativize(path).toString() : path.toString();
    return shown.replace('\\', '/');
  }
}
