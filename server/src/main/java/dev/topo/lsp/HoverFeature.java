package dev.topo.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.topo.check.Cancellation;
import dev.topo.ide.Snapshot;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;

/**
 * {@code textDocument/hover}: {@link dev.topo.ide.Hover} in the session's locale, as Markdown
 * with its range, and with command links to the Explain view when the client said in its
 * initializationOptions that it runs them ({@code "commandLinks": ["topology.explain"]}).
 */
public final class HoverFeature {
  private HoverFeature() {}

  /** Whether initializationOptions list the explain command among the commands Markdown links may run. */
  public static boolean commandLinks(Object initializationOptions) {
    return initializationOptions instanceof JsonObject o && o.get("commandLinks") instanceof JsonArray commands
        && commands.contains(new JsonPrimitive(dev.topo.ide.Hover.EXPLAIN_COMMAND));
  }

  /** The hover at a position, or null when there is nothing to say. */
  public static Hover hover(Session session, Snapshot snapshot, Position position, Cancellation cancel) {
    int offset = Positions.offset(snapshot.lines(), position);
    return dev.topo.ide.Hover.at(snapshot, offset, session.settings().locale(), session.commandLinks(),
        cancel).map(result -> {
      Hover hover = new Hover(new MarkupContent(MarkupKind.MARKDOWN, result.markdown()));
      hover.setRange(Positions.range(snapshot.lines(), result.span()));
      return hover;
    }).orElse(null);
  }
}
