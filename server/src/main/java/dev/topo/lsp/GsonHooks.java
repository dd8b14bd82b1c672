package dev.topo.lsp;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;

/** What the server adds to LSP4J's Gson, and that Gson as it is without it. */
final class GsonHooks {
  private GsonHooks() {}

  /**
   * LSP4J's Gson before the server adds its hooks: what the client would get without them. In
   * a class of its own, made when first used: the launcher reads the hooks before it answers
   * {@code initialize}, and a Gson costs a start 30 ms of CPU.
   */
  static final class Plain {
    static final Gson GSON = new MessageJsonHandler(Map.of()).getGson();
  }

  /**
   * A factory of the server's adapter for exactly {@code type}, handed Gson's own adapter for it
   * as a supplier, made only when first asked for: making Gson's reflective adapters is the cost
   * some of these hooks exist to save.
   */
  static <X> TypeAdapterFactory forClass(Class<X> type,
      BiFunction<Gson, Supplier<TypeAdapter<X>>, TypeAdapter<X>> adapter) {
    return new TypeAdapterFactory() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> asked) {
        if (asked.getRawType() != type) {
          return null;
        }
        TypeAdapterFactory self = this;
        DeferredRpc.Once<TypeAdapter<X>> gsons = new DeferredRpc.Once<>(
            () -> gson.getDelegateAdapter(self, TypeToken.get(type)));
        return (TypeAdapter<T>) adapter.apply(gson, gsons::get);
      }
    };
  }

  /**
   * A factory of a writer that puts a {@code type}'s JSON straight onto the server's outgoing
   * buffer, and through a buffer of its own onto any other writer; reading is left to Gson.
   * For answers of thousands of numbers: Gson's writer makes a string of each, and its method
   * for a number is a large compilation for the JIT in the first seconds of typing.
   */
  static <X> TypeAdapterFactory writtenAsBytes(Class<X> type, BiConsumer<X, Utf8Buffer> writer) {
    return forClass(type, (gson, gsons) -> new TypeAdapter<X>() {
      @Override
      public void write(JsonWriter out, X value) throws IOException {
        if (value == null) {
          out.nullValue();
        } else {
          writeValue(out, buffer -> writer.accept(value, buffer));
        }
      }

      @Override
      public X read(JsonReader in) throws IOException {
        return gsons.get().read(in);
      }
    });
  }

  /** One JSON value written as bytes: in place onto the server's outgoing buffer, through a buffer of its own onto any other writer. */
  static void writeValue(JsonWriter out, Consumer<Utf8Buffer> value) throws IOException {
    if (out instanceof Utf8JsonWriter bytes) {
      value.accept(bytes.valueBuffer());
    } else {
      Utf8Buffer text = new Utf8Buffer(256);
      value.accept(text);
      out.jsonValue(text.toString());
    }
  }
}
