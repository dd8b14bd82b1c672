package dev.topo.lsp;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eclipse.lsp4j.ClientInfo;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.adapters.InitializeParamsTypeAdapter;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The JSON of {@code initialize}, read and written without reading an annotation. Gson looks for
 * annotations on every class and field it makes an adapter for; the first annotation read
 * loads the JDK's annotation parser and makes a proxy class for each annotation type, and with
 * the adapters for the forty fields of {@code ServerCapabilities} and the generic types of its
 * {@code Either}s that was some 50 ms of a plain start, before the answer.
 *
 * <p>The answer is written field by field as Gson's reflective adapters would (a test compares
 * the two for several clients). Of the classes an answer can hold, only
 * {@code ServerCapabilities.experimental} has an adapter of its own ({@code @JsonAdapter}; a
 * test walks them all): an answer with it set is written by Gson. Of the request, LSP4J's own
 * adapter of {@code InitializeParams} is registered by hand (Gson would find it by its
 * annotation), and the client's name and workspace folders, which editors send, are read as
 * the strings they are.
 */
final class InitializeJson {
  private InitializeJson() {}

  /** The fields Gson writes of a class, in its order: the class's own, then its superclass's; neither static, transient nor synthetic. */
  private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
    @Override
    protected List<Field> computeValue(Class<?> type) {
      List<Field> fields = new ArrayList<>();
      for (Class<?> declaring = type; declaring != Object.class; declaring = declaring.getSuperclass()) {
        for (Field field : declaring.getDeclaredFields()) {
          if ((field.getModifiers() & (Modifier.STATIC | Modifier.TRANSIENT)) == 0 && !field.isSynthetic()) {
            field.setAccessible(true);
            fields.add(field);
          }
        }
      }
      return List.copyOf(fields);
    }
  };

  /** Gson's factories for {@code initialize}, to register before LSP4J's. */
  static final List<TypeAdapterFactory> FACTORIES = List.of(writer(), new InitializeParamsTypeAdapter.Factory(),
      stringsReader(ClientInfo.class), stringsReader(WorkspaceFolder.class));

  private static TypeAdapterFactory writer() {
    return GsonHooks.forClass(InitializeResult.class, (gson, gsons) -> new TypeAdapter<InitializeResult>() {
      @Override
      public void write(JsonWriter out, InitializeResult value) throws IOException {
        if (value != null && value.getCapabilities() != null && value.getCapabilities().getExperimental() != null) {
          gsons.get().write(out, value);
        } else {
          InitializeJson.write(gson, out, value);
        }
      }

      @Override
      public InitializeResult read(JsonReader in) throws IOException {
        return gsons.get().read(in);
      }
    });
  }

  /**
   * Reads a class of string fields by their names, as Gson's reflective adapter would, skipping
   * names it does not have (a test compares the two); written by Gson.
   */
  private static <X> TypeAdapterFactory stringsReader(Class<X> type) {
    return GsonHooks.forClass(type, (gson, gsons) -> new TypeAdapter<X>() {
      @Override
      public void write(JsonWriter out, X value) throws IOException {
        gsons.get().write(out, value);
      }

      @Override
      public X read(JsonReader in) throws IOException {
        if (in.peek() == JsonToken.NULL) {
          in.nextNull();
          return null;
        }
        X value = newInstance(type);
        in.beginObject();
        while (in.hasNext()) {
          Field field = stringField(type, in.nextName());
          if (field == null) {
            in.skipValue();
          } else {
            set(field, value, gson.getAdapter(String.class).read(in));
          }
        }
        in.endObject();
        return value;
      }
    });
  }

  /**
   * One value: an LSP4J data class field by field, an {@code Either} as the side it holds, a
   * collection as an array, a string, boolean or whole number as itself; anything else (an
   * enum, a map) by Gson's adapter for its class.
   */
  @SuppressWarnings("unchecked")
  private static void write(Gson gson, JsonWriter out, Object value) throws IOException {
    if (value == null) {
      out.nullValue();
    } else if (value instanceof String text) {
      out.value(text);
    } else if (value instanceof Boolean flag) {
      out.value(flag);
    } else if (value instanceof Integer || value instanceof Long) {
      out.value(((Number) value).longValue());
    } else if (value instanceof Either<?, ?> either) {
      write(gson, out, either.get());
    } else if (value instanceof Collection<?> items) {
      out.beginArray();
      for (Object item : items) {
        write(gson, out, item);
      }
      out.endArray();
    } else if (isData(value.getClass())) {
      out.beginObject();
      for (Field field : FIELDS.get(value.getClass())) {
        Object set = get(field, value);
        if (set != null) {
          out.name(field.getName());
          write(gson, out, set);
        }
      }
      out.endObject();
    } else {
      Class<?> type = value instanceof Enum<?> constant ? constant.getDeclaringClass() : value.getClass();
      ((TypeAdapter<Object>) gson.getAdapter(type)).write(out, value);
    }
  }

  /** LSP4J's protocol classes, plain data (its enums are written by its own adapter). */
  static boolean isData(Class<?> type) {
    return type.getPackageName().equals("org.eclipse.lsp4j") && !type.isEnum();
  }

  private static Field stringField(Class<?> type, String name) {
    for (Field field : FIELDS.get(type)) {
      if (field.getName().equals(name)) {
        if (field.getType() != String.class) {
          throw new IllegalStateException(field + " is not a string");
        }
        return field;
      }
    }
    return null;
  }

  private static <X> X newInstance(Class<X> type) {
    try {
      return type.getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type + " cannot be made", e);
    }
  }

  private static void set(Field field, Object value, Object to) {
    try {
      field.set(value, to);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(field + " cannot be set", e);
    }
  }

  private static Object get(Field field, Object value) {
    try {
      return field.get(value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(field + " cannot be read", e);
    }
  }
}
