package dev.topo.lsp;

import dev.topo.check.Cancellation;
import dev.topo.ide.InlayHints;
import dev.topo.ide.Snapshot;
import dev.topo.knowledge.KnowledgeBase;
import java.util.List;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * {@code textDocument/inlayHint}: the {@link InlayHints} within the requested range, each
 * padded from the word it follows, with a Markdown tooltip.
 */
public final class InlayHintFeature {
  private InlayHintFeature() {}

  public static List<InlayHint> inlayHints(Snapshot snapshot, InlayHintParams params, Cancellation cancel) {
    return inlayHints(snapshot, params, KnowledgeBase.FALLBACK, cancel);
  }

  /** The hints with their labels and tooltips in the session's locale. */
  public static List<InlayHint> inlayHints(Snapshot snapshot, InlayHintParams params, String locale,
      Cancellation cancel) {
    if (params.getRange() == null) {
      return List.of();
    }
    int from = Positions.offset(snapshot.lines(), params.getRange().getStart());
    int to = Positions.offset(snapshot.lines(), params.getRange().getEnd());
    return InlayHints.between(snapshot, from, to, cancel).stream().map(h -> {
      InlayHint hint = new InlayHint(Positions.position(snapshot.lines(), h.offset()), Either.forLeft(h.text().text(locale)));
      hint.setPaddingLeft(true);
      hint.setTooltip(new MarkupContent(MarkupKind.MARKDOWN, h.tip().text(locale)));
      return hint;
    }).toList();
  }
}
