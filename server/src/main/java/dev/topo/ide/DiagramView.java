package dev.topo.ide;

import dev.topo.check.Finding;
import dev.topo.workspace.Program;
import java.util.List;

/**
 * What the editor's diagram of a document draws: the program of the document's snapshot, as
 * analysed (no parse of its own), and the findings the editor shows as diagnostics, so that
 * the diagram's badges agree with the squiggles (no info ones when those are hidden).
 */
public record DiagramView(Program program, List<Finding> findings) {
  public DiagramView {
    findings = List.copyOf(findings);
  }

  public static DiagramView of(Snapshot snapshot, boolean showInfo) {
    return new DiagramView(snapshot.analysis().program(), Diagnostics.shown(snapshot, showInfo));
  }
}
