package dev.topo.lsp;

import dev.topo.check.Cancellation;
import dev.topo.ide.Selection;
import dev.topo.ide.Parsed;
import dev.topo.model.Span;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SelectionRange;

/**
 * {@code textDocument/selectionRange}: the editor layer's {@link Selection} (the word, its
 * statement, the enclosing blocks and the file) for each position, each range the parent of
 * the one inside it. There is one answer per position, in order, as the protocol requires,
 * even for a position past the end.
 */
final class SelectionRangeFeature {
  private SelectionRangeFeature() {}

  static List<SelectionRange> ranges(Parsed snapshot, List<Position> positions, Cancellation cancel) {
    if (positions == null) {
      return List.of();
    }
    List<SelectionRange> result = new ArrayList<>();
    for (Position position : positions) {
      int offset = position == null ? 0 : Positions.offset(snapshot.lines(), position);
      SelectionRange parent = null;
      List<Selection.Step> steps = Selection.at(snapshot, offset, cancel);
      for (int i = steps.size() - 1; i >= 0; i--) {
        Selection.Step step = steps.get(i);
        Span span = new Span(snapshot.document().uri(), step.start(), step.end());
        parent = new SelectionRange(Positions.range(snapshot.lines(), span), parent);
      }
      result.add(parent);
    }
    return result;
  }
}
