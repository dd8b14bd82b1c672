package dev.topo.lsp;

import dev.topo.check.Cancellation;
import dev.topo.ide.Explain;
import dev.topo.ide.Snapshot;
import org.eclipse.lsp4j.Position;

/**
 * The custom request {@code topology/explain} that the VS Code extension's "Explain" command
 * sends: {@link Explain} in the session's locale; null when there is nothing to explain.
 */
public final class ExplainFeature {
  public static final String METHOD = "topology/explain";

  private ExplainFeature() {}

  /** The answer on the wire: {@code { "markdown": "..." }}. */
  public record Explanation(String markdown) {}

  public static Explanation explain(Session session, Snapshot snapshot, Position position, Cancellation cancel) {
    cancel.check();
    if (position == null) {
      return null;
    }
    int offset = Positions.offset(snapshot.lines(), position);
    return Explain.at(snapshot, offset, session.settings().locale(), cancel).map(Explanation::new).orElse(null);
  }
}
