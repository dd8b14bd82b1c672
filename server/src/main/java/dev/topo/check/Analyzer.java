package dev.topo.check;

import dev.topo.workspace.ParseCache;
import dev.topo.workspace.Program;
import dev.topo.workspace.ProgramLoader;
import dev.topo.workspace.SourceProvider;
import java.net.URI;
import java.util.List;

/** The whole pipeline for one document: parse (cached), gather imports, link, check. */
public final class Analyzer {
  private final ProgramLoader loader;
  private final Checker checker;

  public Analyzer(SourceProvider sources, ParseCache cache, URI workspaceRoot, Checker checker) {
    this.loader = new ProgramLoader(sources, cache, workspaceRoot);
    this.checker = checker;
  }

  /** The result of analysing one document as the root of its program. */
  public record Analysis(Program program, List<Finding> findings) {}

  public Analysis analyze(URI document, String text, Cancellation cancel) {
    Program program = loader.load(document, text);
    cancel.check();
    return new Analysis(program, checker.check(program, cancel));
  }

  /**
   * As {@link #analyze}, with the findings in the root's companions too: for a run that
   * reports every file, so that a folder of manifests is checked once, not once a file.
   */
  public Analysis analyzeWithCompanions(URI document, String text, Cancellation cancel) {
    Program program = loader.load(document, text);
    cancel.check();
    return new Analysis(program, checker.check(program, cancel, true));
  }
}
