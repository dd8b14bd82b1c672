package dev.topo.lsp;

import dev.topo.check.Cancellation;
import dev.topo.ide.Snapshot;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;

/** {@code textDocument/hover}: {@link dev.topo.ide.Hover} in the session's locale, as Markdown with its range. */
public final class HoverFeature {
  private HoverFeature() {}

  /** The hover at a position, or null when there is nothing to say. */
  public static Hover hover(Session session, Snapshot snapshot, Position position, Cancellation cancel) {
    int offset = Positions.offset(snapshot.lines(), position);
    return dev.topo.ide.Hover.at(snapshot, offset, session.settings().locale(), cancel).map(result -> {
      Hover hover = new Hover(new MarkupContent(MarkupKind.MARKDOWN, result.markdown()));
      hover.setRange(Positions.range(snapshot.lines(), result.span()));
      return hover;
    }).orElse(null);
  }
}
