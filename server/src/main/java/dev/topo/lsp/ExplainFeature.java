package dev.topo.lsp;

import dev.topo.check.Cancellation;
import dev.topo.ide.Explain;
import dev.topo.ide.Snapshot;
import dev.topo.knowledge.KnowledgeBase;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentPositionParams;

/**
 * The custom request {@code topology/explain} that the VS Code extension's "Explain" command
 * sends: for a place ({@code textDocument}, {@code position}), {@link Explain} in the
 * session's locale; for a hover's link ({@code entry}), that entry. Null when there is
 * nothing to explain.
 */
public final class ExplainFeature {
  public static final String METHOD = "topology/explain";

  private ExplainFeature() {}

  /** The answer on the wire: {@code { "markdown": "..." }}. */
  public record Explanation(String markdown) {}

  /** A place in a document, or the id of an entry (a rule or a concept). */
  public static final class Params extends TextDocumentPositionParams {
    private String entry;

    public String getEntry() {
      return entry;
    }

    public void setEntry(String entry) {
      this.entry = entry;
    }
  }

  /** A whole entry by its id, in the session's locale; null for an id the knowledge base lacks. */
  public static Explanation entry(Session session, String id) {
    return KnowledgeBase.get().entry(id, session.settings().locale()).map(e -> new Explanation(e.markdown())).orElse(null);
  }

  public static Explanation explain(Session session, Snapshot snapshot, Position position, Cancellation cancel) {
    cancel.check();
    if (position == null) {
      return null;
    }
    int offset = Positions.offset(snapshot.lines(), position);
    return Explain.at(snapshot, offset, session.settings().locale(), cancel).map(Explanation::new).orElse(null);
  }
}
