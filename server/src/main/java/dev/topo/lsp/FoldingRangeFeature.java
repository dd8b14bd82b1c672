package dev.topo.lsp;

import dev.topo.check.Cancellation;
import dev.topo.ide.Folding;
import dev.topo.ide.Parsed;
import java.util.List;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;

/**
 * {@code textDocument/foldingRange}: the editor layer's {@link Folding} (blocks, multi-line
 * comments and runs of line comments, the imports at the top of a file) in the protocol's
 * ranges. Whole lines only, which every client supports.
 */
final class FoldingRangeFeature {
  private FoldingRangeFeature() {}

  static List<FoldingRange> folds(Parsed snapshot, Cancellation cancel) {
    return Folding.of(snapshot, cancel).stream().map(FoldingRangeFeature::range).toList();
  }

  private static FoldingRange range(Folding.Fold fold) {
    FoldingRange range = new FoldingRange(fold.startLine(), fold.endLine());
    switch (fold.kind()) {
      case COMMENT -> range.setKind(FoldingRangeKind.Comment);
      case IMPORTS -> range.setKind(FoldingRangeKind.Imports);
      case BLOCK -> { } // a plain region: the protocol has no kind for it
    }
    return range;
  }
}
