package dev.topo.lsp;

import dev.topo.check.Cancellation;
import dev.topo.ide.Folding;
import dev.topo.ide.Parsed;
import java.util.List;
import org.eclipse.lsp4j.FoldingRange;

/**
 * {@code textDocument/foldingRange}: the editor layer's {@link Folding} (blocks, multi-line
 * comments and runs of line comments, the imports at the top of a file) in the protocol's
 * ranges. Whole lines only, which every client supports.
 */
final class FoldingRangeFeature {
  private FoldingRangeFeature() {}

  /** The folds of a snapshot, written to the client straight from the editor layer's ({@link FoldingRanges}). */
  static List<FoldingRange> folds(Parsed snapshot, Cancellation cancel) {
    return new FoldingRanges(Folding.of(snapshot, cancel));
  }
}
