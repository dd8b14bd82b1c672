package dev.topo.diagram;

import dev.topo.check.Cancellation;
import dev.topo.check.Finding;
import dev.topo.workspace.Program;
import java.util.List;
import java.util.Optional;

/** The one way every face draws programs: build, focus when asked, fold when large, lay out. */
public final class Drawing {
  private Drawing() {}

  /**
   * Several programs on one picture, each with the findings located in its files, laid out:
   * the whole of them, or with a name only that host or cluster and what it touches (empty
   * when none has that name).
   */
  public static Optional<Diagram> of(List<Program> programs, List<Finding> findings, Optional<String> focus,
      Cancellation cancel) {
    return unlaid(programs, findings, focus).map(d -> Layout.of(d, cancel));
  }

  /** The same, not laid out: for the faces that leave the layout to their reader (Mermaid, DOT). */
  public static Optional<Diagram> unlaid(List<Program> programs, List<Finding> findings, Optional<String> focus) {
    Diagram all = union(programs, findings);
    Optional<Diagram> shown = focus.isPresent() ? Focus.on(all, focus.get()) : Optional.of(all);
    return shown.map(Fold::ifLarge);
  }

  private static Diagram union(List<Program> programs, List<Finding> findings) {
    return Union.of(programs.stream().map(p -> DiagramBuilder.build(p, findings)).toList());
  }
}
