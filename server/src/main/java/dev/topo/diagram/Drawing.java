package dev.topo.diagram;

import dev.topo.check.Finding;
import dev.topo.workspace.Program;
import java.util.List;
import java.util.Optional;

/** The one way every face draws a program: build, focus when asked, fold when large, lay out. */
public final class Drawing {
  private Drawing() {}

  /** The whole program, laid out. */
  public static Diagram of(Program program, List<Finding> findings) {
    return Layout.of(Fold.ifLarge(DiagramBuilder.build(program, findings)));
  }

  /** One host or cluster and what it touches, laid out; empty when no host or cluster has that name. */
  public static Optional<Diagram> focused(Program program, List<Finding> findings, String name) {
    return Focus.on(DiagramBuilder.build(program, findings), name).map(d -> Layout.of(Fold.ifLarge(d)));
  }
}
