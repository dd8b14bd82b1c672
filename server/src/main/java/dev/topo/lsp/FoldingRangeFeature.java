package dev.topo.lsp;

import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import dev.topo.check.Cancellation;
import dev.topo.ide.Folding;
import dev.topo.ide.Parsed;
import java.io.IOException;
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

  /**
   * Writes a {@link FoldingRange} field by field, as Gson's reflection writes it (the same
   * fields in the same order, nulls left out) but without it: a 7,000-line design has a
   * thousand folds, asked after every keystroke, and reflection wrote them at a few
   * microseconds each. Registered on the launcher's Gson ({@code FoldingRangeFeatureTest}
   * holds it to Gson's output); reading is left to Gson.
   */
  static final TypeAdapterFactory WRITER = GsonHooks.forClass(FoldingRange.class, (gson, gsons) -> new TypeAdapter<>() {
    @Override
    public void write(JsonWriter out, FoldingRange range) throws IOException {
      if (range == null) {
        out.nullValue();
        return;
      }
      out.beginObject();
      out.name("startLine").value(range.getStartLine());
      out.name("endLine").value(range.getEndLine());
      optional(out, "startCharacter", range.getStartCharacter());
      optional(out, "endCharacter", range.getEndCharacter());
      if (range.getKind() != null) {
        out.name("kind").value(range.getKind());
      }
      if (range.getCollapsedText() != null) {
        out.name("collapsedText").value(range.getCollapsedText());
      }
      out.endObject();
    }

    private static void optional(JsonWriter out, String name, Integer value) throws IOException {
      if (value != null) {
        out.name(name).value(value);
      }
    }

    @Override
    public FoldingRange read(JsonReader in) throws IOException {
      return gsons.get().read(in);
    }
  });
}
