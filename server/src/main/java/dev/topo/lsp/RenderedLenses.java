package dev.topo.lsp;

import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.StringJoiner;
import org.eclipse.lsp4j.CodeLens;

/**
 * The code lenses of one top-level block together with their JSON as LSP4J writes them, made
 * once ({@link BlockRenders}, {@link ProtocolJson}): the client asks for every lens after each
 * keystroke. The lenses of a document go out as {@link All}, written as the blocks' stored
 * bytes.
 */
final class RenderedLenses {
  private final List<CodeLens> lenses;
  /** The lenses' JSON, separated by commas, without the brackets of a list. */
  private final String json;
  private final byte[] utf8;

  private RenderedLenses(List<CodeLens> lenses, String json) {
    this.lenses = lenses;
    this.json = json;
    this.utf8 = json.getBytes(StandardCharsets.UTF_8);
  }

  /** The lenses with their JSON written now, once. */
  static RenderedLenses of(List<CodeLens> lenses) {
    StringJoiner json = new StringJoiner(",");
    for (CodeLens lens : lenses) {
      json.add(ProtocolJson.of(lens));
    }
    return new RenderedLenses(lenses, json.toString());
  }

  /** These lenses {@code lines} lines further down (up, when negative): the block moved but did not change. */
  RenderedLenses moved(int lines) {
    return new RenderedLenses(
        lenses.stream().map(lens -> new CodeLens(Positions.movedDown(lens.getRange(), lines), lens.getCommand(), lens.getData()))
            .toList(),
        Positions.movedDown(json, lines));
  }

  /** A document's lenses, block after block; written by {@link #WRITER} as the blocks' stored JSON. */
  static final class All extends AbstractList<CodeLens> implements RandomAccess {
    private final List<RenderedLenses> blocks;
    private final List<CodeLens> lenses;

    All(List<RenderedLenses> blocks) {
      this.blocks = blocks;
      List<CodeLens> all = new ArrayList<>();
      for (RenderedLenses block : blocks) {
        all.addAll(block.lenses);
      }
      this.lenses = all;
    }

    @Override
    public CodeLens get(int index) {
      return lenses.get(index);
    }

    @Override
    public int size() {
      return lenses.size();
    }

    private void writeTo(Utf8Buffer out) {
      out.write('[');
      boolean first = true;
      for (RenderedLenses block : blocks) {
        if (block.utf8.length > 0) {
          if (!first) {
            out.write(',');
          }
          out.writeUtf8(block.utf8);
          first = false;
        }
      }
      out.write(']');
    }
  }

  /**
   * Writes {@link All} onto the server's outgoing buffer as the blocks' stored bytes, and onto
   * any other writer as Gson writes a list (registered on the launcher's Gson, which finds it
   * by the runtime type of the answer); reading is left to Gson.
   */
  static final TypeAdapterFactory WRITER = GsonHooks.forClass(All.class, (gson, gsons) -> new TypeAdapter<>() {
    @Override
    public void write(JsonWriter out, All all) throws IOException {
      if (all != null && out instanceof Utf8JsonWriter bytes) {
        all.writeTo(bytes.valueBuffer());
      } else {
        gsons.get().write(out, all);
      }
    }

    @Override
    public All read(JsonReader in) throws IOException {
      return gsons.get().read(in);
    }
  });
}
