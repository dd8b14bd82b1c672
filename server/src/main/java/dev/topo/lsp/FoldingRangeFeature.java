package dev.topo.lsp;

import dev.topo.ide.Snapshot;
import dev.topo.syntax.Folding;
import java.util.List;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;

/**
 * {@code textDocument/foldingRange}: blocks, multi-line comments and runs of line comments,
 * and the imports at the top of a file. Whole lines only, which every client supports.
 */
final class FoldingRangeFeature {
  private FoldingRangeFeature() {}

  static List<FoldingRange> folds(Snapshot snapshot) {
    return Folding.of(snapshot.syntax()).stream().map(FoldingRangeFeature::range).toList();
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
