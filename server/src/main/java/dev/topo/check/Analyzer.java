package dev.topo.check;

import dev.topo.workspace.ParseCache;
import dev.topo.workspace.Program;
import dev.topo.workspace.ProgramLoader;
import dev.topo.workspace.SourceProvider;
import java.net.URI;
import java.util.List;
import java.util.Set;

/** The whole pipeline for one document: parse (cached), gather imports, link, check. */
public final class Analyzer {
  private final ProgramLoader loader;
  private final Checker checker;

  public Analyzer(SourceProvider sources, ParseCache cache, URI workspaceRoot, Checker checker) {
    this(new ProgramLoader(sources, cache, workspaceRoot), checker);
  }

  private Analyzer(ProgramLoader loader, Checker checker) {
    this.loader = loader;
    this.checker = checker;
  }

  /** An analyzer for a run that analyses many roots ({@link ProgramLoader#forManyRoots}). */
  public static Analyzer forManyRoots(SourceProvider sources, ParseCache cache, URI workspaceRoot, Checker checker) {
    return new Analyzer(ProgramLoader.forManyRoots(sources, cache, workspaceRoot), checker);
  }

  /**
   * The result of analysing one document as the root of its program.
   *
   * @param suppressionsUsed the configuration's suppressions that matched a finding here
   */
  public record Analysis(Program program, List<Finding> findings, Set<Config.Suppression> suppressionsUsed) {
    Analysis(Program program, Checker.Result result) {
      this(program, result.findings(), result.suppressionsUsed());
    }
  }

  /** The program of a document, linked but not checked. */
  public Program load(URI document, String text) {
    return loader.load(document, text);
  }

  public Analysis analyze(URI document, String text, Cancellation cancel) {
    return analyze(document, text, cancel, null);
  }

  /** As {@link #analyze(URI, String, Cancellation)}, re-checking only the blocks an edit changed ({@link BlockFindings}). */
  public Analysis analyze(URI document, String text, Cancellation cancel, BlockFindings blocks) {
    Program program = loader.load(document, text);
    cancel.check();
    return new Analysis(program, checker.run(program, cancel, false, blocks));
  }

  /**
   * As {@link #analyze}, with the findings in the root's companions too: for a run that
   * reports every file, so that a folder of manifests is checked once, not once a file.
   */
  public Analysis analyzeWithCompanions(URI document, String text, Cancellation cancel) {
    Program program = loader.load(document, text);
    cancel.check();
    return new Analysis(program, checker.run(program, cancel, true));
  }
}
