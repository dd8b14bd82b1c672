package dev.topo.ide;

import dev.topo.check.Analyzer.Analysis;
import dev.topo.model.FileModel;
import dev.topo.model.LineMap;
import dev.topo.syntax.DocumentSyntax;
import dev.topo.workspace.SyntaxSource;
import dev.topo.workspace.TextDocument;
import java.net.URI;

/**
 * A document's text and its analysis as the root of its program, at one moment, and the
 * concrete syntax of the program's files, read from the parse the analysis made.
 */
public record Snapshot(TextDocument document, Analysis analysis, long generation, SyntaxSource syntaxes) implements Parsed {
  @Override
  public FileModel file() {
    return analysis.program().root();
  }

  /** The document's tokens, tree and statements: made at most once per version, whatever asks. */
  @Override
  public DocumentSyntax syntax() {
    return syntaxes.syntax(file());
  }

  @Override
  public LineMap lines() {
    return document.lines();
  }

  /** The lines of any file of the program (for related places in imported files). */
  public LineMap lines(URI uri) {
    for (FileModel f : analysis.program().files()) {
      if (f.uri().equals(uri)) {
        return f.lines();
      }
    }
    return document.lines();
  }
}
