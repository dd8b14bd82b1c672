package dev.topo.lsp;

import dev.topo.check.Analyzer.Analysis;
import dev.topo.check.Finding;
import dev.topo.model.FileModel;
import java.util.List;

/**
 * An analysis as plain values, so that two analyses compare with {@code equals}: every file
 * model of the program (text, lines, imports, declarations with their spans, problems and
 * suppressions), then the findings with their spans and related places. The analysis itself
 * holds a program, which is not a value.
 */
record AnalysisView(List<FileModel> files, List<Finding> findings) {
  static AnalysisView of(Analysis analysis) {
    return new AnalysisView(analysis.program().files(), analysis.findings());
  }
}
