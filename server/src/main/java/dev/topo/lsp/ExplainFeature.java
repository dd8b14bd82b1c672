package dev.topo.lsp;

import dev.topo.ide.Snapshot;
import dev.topo.check.Cancellation;
import dev.topo.check.Finding;
import dev.topo.knowledge.Entry;
import dev.topo.knowledge.KnowledgeBase;
import dev.topo.ide.Concepts;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Position;

/**
 * The custom request {@code topology/explain} that the VS Code extension's "Explain" command
 * sends: the whole knowledge-base entry for the finding at the position (its rule), else for
 * the keyword there, in the session's locale; null when there is neither.
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
    String locale = session.settings().locale();
    List<Finding> findings = HoverFeature.findingsAt(snapshot, offset);
    Optional<Entry> entry = findings.isEmpty() ? Optional.empty()
        : KnowledgeBase.get().rule(findings.get(0).rule(), locale);
    if (entry.isEmpty()) {
      entry = Concepts.at(snapshot.file(), offset).flatMap(c -> KnowledgeBase.get().entry(c.id(), locale));
    }
    return entry.map(e -> new Explanation(e.markdown())).orElse(null);
  }
}
