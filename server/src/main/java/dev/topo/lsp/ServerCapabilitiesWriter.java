package dev.topo.lsp;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Writes the server's capabilities, the answer to {@code initialize}, with Gson's adapters made
 * only for the fields that are set. Gson's own writer makes one for every field's type, and
 * {@code ServerCapabilities} has forty, most of them an {@code Either} of options the server
 * never declares: some 30 ms of a start before the answer, for fields written as nothing.
 * The JSON is Gson's (a test compares the two); capabilities this writer cannot vouch for
 * (a field with its own {@code @JsonAdapter}, a value of a subclass) go to Gson's writer.
 */
final class ServerCapabilitiesWriter {
  private ServerCapabilitiesWriter() {}

  /** The fields Gson writes, in its order: declared, neither static nor transient. */
  private static final List<Field> FIELDS = fields();

  private static List<Field> fields() {
    List<Field> fields = new ArrayList<>();
    for (Field field : ServerCapabilities.class.getDeclaredFields()) {
      if ((field.getModifiers() & (Modifier.STATIC | Modifier.TRANSIENT)) == 0) {
        field.setAccessible(true);
        fields.add(field);
      }
    }
    return List.copyOf(fields);
  }

  static final TypeAdapterFactory WRITER = GsonHooks.forClass(ServerCapabilities.class, (gson, gsons) ->
      new TypeAdapter<>() {
        @Override
        public void write(JsonWriter out, ServerCapabilities value) throws IOException {
          if (value == null || !plain(value)) {
            gsons.get().write(out, value);
            return;
          }
          out.beginObject();
          for (Field field : FIELDS) {
            Object set = get(field, value);
            if (set != null) {
              out.name(field.getName());
              writeField(gson, field, set, out);
            }
          }
          out.endObject();
        }

        @Override
        public ServerCapabilities read(JsonReader in) throws IOException {
          return gsons.get().read(in);
        }
      });

  @SuppressWarnings("unchecked")
  private static void writeField(Gson gson, Field field, Object value, JsonWriter out) throws IOException {
    ((TypeAdapter<Object>) gson.getAdapter(TypeToken.get(field.getGenericType()))).write(out, value);
  }

  /** Whether every field set is one this writer writes as Gson would: no adapter of its own, of its declared class. */
  private static boolean plain(ServerCapabilities value) {
    for (Field field : FIELDS) {
      Object set = get(field, value);
      if (set != null && (field.isAnnotationPresent(JsonAdapter.class)
          || !(set instanceof Either<?, ?> || set.getClass() == field.getType()))) {
        return false;
      }
    }
    return true;
  }

  private static Object get(Field field, ServerCapabilities value) {
    try {
      return field.get(value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("ServerCapabilities." + field.getName() + " cannot be read", e);
    }
  }
}
