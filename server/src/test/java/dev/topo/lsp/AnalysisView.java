package dev.topo.lsp;

import dev.topo.check.Analyzer.Analysis;
import dev.topo.model.ResolvedModel;
import dev.topo.workspace.Program;
import java.util.List;

/**
 * An analysis as plain values, so that two analyses compare with {@code equals}: every file
 * model of the program (text, lines, imports, declarations with their places, problems and
 * suppressions), then the findings with their places, related places and data, each element
 * where its program puts it. The analysis itself holds a program, which is not a value, and
 * its elements are told apart by the parse they came from.
 */
record AnalysisView(List<String> files, List<String> findings) {
  static AnalysisView of(Analysis analysis) {
    Program program = analysis.program();
    return new AnalysisView(program.files().stream().map(ResolvedModel::of).toList(),
        analysis.findings().stream().map(f -> f.rule().info().id() + " " + ResolvedModel.of(
            List.of(f.severity(), f.text(), f.span(), f.related(), f.data()), program::span)).toList());
  }
}
