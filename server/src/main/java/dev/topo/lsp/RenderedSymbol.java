package dev.topo.lsp;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.lsp4j.DocumentSymbol;

/**
 * A top-level outline symbol together with its JSON as LSP4J writes it, so that an outline
 * block the edit did not touch is written to the client as text already made, not walked
 * again by Gson's reflection ({@link #WRITER}, registered on the launcher's Gson). The JSON
 * is {@code transient}: a Gson without the hook writes this symbol as any other.
 */
final class RenderedSymbol extends DocumentSymbol {
  private final transient String json;
  /** The JSON as UTF-8, encoded once: the outline is written whole after every keystroke. */
  private final transient byte[] utf8;

  /** {@code symbol}'s fields (its children shared, not copied) with the JSON that stands for them. */
  RenderedSymbol(DocumentSymbol symbol, String json) {
    super(symbol.getName(), symbol.getKind(), symbol.getRange(), symbol.getSelectionRange(), symbol.getDetail(),
        symbol.getChildren());
    setTags(symbol.getTags());
    setDeprecated(symbol.getDeprecated());
    this.json = json;
    this.utf8 = json.getBytes(StandardCharsets.UTF_8);
  }

  /** The symbol with its JSON written now, once. */
  static RenderedSymbol of(DocumentSymbol symbol) {
    return new RenderedSymbol(symbol, ProtocolJson.of(symbol));
  }

  String json() {
    return json;
  }

  /**
   * This symbol as it is {@code lines} lines further down (up, when negative): the block
   * moved, as everything after an added line does, but did not change.
   */
  RenderedSymbol moved(int lines) {
    return new RenderedSymbol(moved(this, lines), Positions.movedDown(json, lines));
  }

  private static DocumentSymbol moved(DocumentSymbol symbol, int lines) {
    DocumentSymbol moved = new DocumentSymbol(symbol.getName(), symbol.getKind(),
        Positions.movedDown(symbol.getRange(), lines), Positions.movedDown(symbol.getSelectionRange(), lines),
        symbol.getDetail(),
        symbol.getChildren() == null ? null : symbol.getChildren().stream().map(c -> moved(c, lines)).toList());
    moved.setTags(symbol.getTags());
    moved.setDeprecated(symbol.getDeprecated());
    return moved;
  }

  /**
   * Writes a {@link RenderedSymbol} as its stored JSON (onto the server's outgoing buffer as
   * its stored bytes), and any other document symbol as Gson would. Only a streaming writer
   * takes raw JSON; a tree writer (Gson's {@code toJsonTree}) gets the symbol field by field.
   */
  static final TypeAdapterFactory WRITER = new TypeAdapterFactory() {
    @Override
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
      if (!DocumentSymbol.class.isAssignableFrom(type.getRawType())) {
        return null;
      }
      TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
      return new TypeAdapter<>() {
        @Override
        public void write(JsonWriter out, T value) throws IOException {
          if (value instanceof RenderedSymbol rendered && out instanceof Utf8JsonWriter bytes) {
            bytes.rawValue(rendered.utf8);
          } else if (value instanceof RenderedSymbol rendered && out.getClass() == JsonWriter.class) {
            out.jsonValue(rendered.json);
          } else {
            delegate.write(out, value);
          }
        }

        @Override
        public T read(JsonReader in) throws IOException {
          return delegate.read(in);
        }
      };
    }
  };
}
