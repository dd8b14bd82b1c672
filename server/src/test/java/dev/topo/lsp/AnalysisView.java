package dev.topo.lsp;

import dev.topo.check.Analyzer.Analysis;
import dev.topo.check.Finding;
import dev.topo.model.Entity;
import dev.topo.model.FileModel;
import dev.topo.model.Import;
import dev.topo.model.LineMap;
import dev.topo.model.Problem;
import dev.topo.model.Suppression;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * An analysis as plain values, so that two analyses compare with {@code equals}: every file
 * of the program with its text, line starts, imports, declarations (entities compare with
 * their spans, down to every property), problems and suppressions, then the findings with
 * their spans and related places. {@link FileModel} itself cannot be compared so, because
 * its {@link LineMap} has no value equality.
 */
record AnalysisView(List<FileView> files, List<Finding> findings) {
  record FileView(URI uri, String text, List<Integer> lineStarts, List<Import> imports, List<Entity> declarations,
      List<Problem> problems, List<Suppression> suppressions) {
    static FileView of(FileModel file) {
      return new FileView(file.uri(), file.text(), AnalysisView.lineStarts(file.lines()), file.imports(), file.declarations(),
          file.problems(), file.suppressions());
    }
  }

  static AnalysisView of(Analysis analysis) {
    return new AnalysisView(analysis.program().files().stream().map(FileView::of).toList(), analysis.findings());
  }

  static List<Integer> lineStarts(LineMap lines) {
    List<Integer> starts = new ArrayList<>(lines.lineCount());
    for (int i = 0; i < lines.lineCount(); i++) {
      starts.add(lines.lineStart(i));
    }
    starts.add(lines.length());
    return starts;
  }
}
