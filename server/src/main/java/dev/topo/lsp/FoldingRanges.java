package dev.topo.lsp;

import com.google.gson.TypeAdapterFactory;
import dev.topo.ide.Folding;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;

/**
 * A version's folds as the protocol's ranges, each made only when read: the launcher writes
 * them straight from the folds as JSON bytes ({@link #WRITER}). A 7,000-line design has a
 * thousand folds, asked for after every keystroke: through Gson's list and reflective adapters
 * they made those adapters the first code the JIT's second compiler spent its time on while the
 * user typed, and every line number a string made and dropped.
 */
final class FoldingRanges extends AbstractList<FoldingRange> implements RandomAccess {
  private final List<Folding.Fold> folds;

  FoldingRanges(List<Folding.Fold> folds) {
    this.folds = folds;
  }

  @Override
  public FoldingRange get(int index) {
    Folding.Fold fold = folds.get(index);
    FoldingRange range = new FoldingRange(fold.startLine(), fold.endLine());
    range.setKind(kind(fold.kind()));
    return range;
  }

  @Override
  public int size() {
    return folds.size();
  }

  /** The protocol's name of a kind; none for a block, a plain region. */
  private static String kind(Folding.Kind kind) {
    return switch (kind) {
      case COMMENT -> FoldingRangeKind.Comment;
      case IMPORTS -> FoldingRangeKind.Imports;
      case BLOCK -> null;
    };
  }

  private static final byte[] START = ascii("{\"startLine\":");
  private static final byte[] END = ascii(",\"endLine\":");
  private static final byte[] COMMENT = ascii(",\"kind\":\"" + FoldingRangeKind.Comment + "\"}");
  private static final byte[] IMPORTS = ascii(",\"kind\":\"" + FoldingRangeKind.Imports + "\"}");
  private static final byte[] CLOSE = ascii("}");

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** The JSON array Gson's reflection would write of these ranges (its fields in its order, nulls left out). */
  void writeTo(Utf8Buffer out) {
    out.write('[');
    for (int i = 0; i < folds.size(); i++) {
      Folding.Fold fold = folds.get(i);
      if (i > 0) {
        out.write(',');
      }
      out.writeUtf8(START);
      out.writeInt(fold.startLine());
      out.writeUtf8(END);
      out.writeInt(fold.endLine());
      out.writeUtf8(switch (fold.kind()) {
        case COMMENT -> COMMENT;
        case IMPORTS -> IMPORTS;
        case BLOCK -> CLOSE;
      });
    }
    out.write(']');
  }

  /** Writes {@link FoldingRanges} (registered on the launcher's Gson, which finds it by the runtime type of the answer). */
  static final TypeAdapterFactory WRITER = GsonHooks.writtenAsBytes(FoldingRanges.class, FoldingRanges::writeTo);
}
