package dev.topo.lsp;

import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * Semantic tokens' integers as the protocol lists them, held unboxed: a 36,000-line design
 * has some 750,000 of them, which as a {@code List<Integer>} cost a reference and often a
 * box each, grown by copying, and compared box by box for each delta. Read-only once made;
 * the JSON writer reads it as any list.
 */
final class EncodedTokens extends AbstractList<Integer> implements RandomAccess {
  private int[] values;
  private int size;

  /** Room for so many tokens (five integers each); a token split over lines takes more, and the room grows. */
  EncodedTokens(int tokens) {
    values = new int[Math.max(16, tokens * 5)];
  }

  void append(int value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  /** The integers {@code [from, to)} of {@code source}, appended in one copy. */
  void append(int[] source, int from, int to) {
    int count = to - from;
    if (size + count > values.length) {
      values = Arrays.copyOf(values, Math.max(size * 2, size + count));
    }
    System.arraycopy(source, from, values, size, count);
    size += count;
  }

  /** The integers, in an array of their own size. */
  int[] ints() {
    return Arrays.copyOf(values, size);
  }

  int at(int index) {
    return values[index];
  }

  /**
   * Writes the integers as Gson writes a list of them, without boxing each and asking Gson at
   * each which adapter its runtime type wants: a 10,000-line design opens with 60,000 of them
   * (registered on the launcher's Gson, which finds it by the runtime type of the list).
   */
  static final TypeAdapterFactory WRITER = GsonHooks.forClass(EncodedTokens.class, (gson, gsons) -> new TypeAdapter<>() {
    @Override
    public void write(JsonWriter out, EncodedTokens tokens) throws IOException {
      if (tokens == null) {
        out.nullValue();
        return;
      }
      out.beginArray();
      for (int i = 0; i < tokens.size; i++) {
        out.value(tokens.values[i]);
      }
      out.endArray();
    }

    @Override
    public EncodedTokens read(JsonReader in) throws IOException {
      return gsons.get().read(in);
    }
  });

  @Override
  public Integer get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return values[index];
  }

  @Override
  public int size() {
    return size;
  }
}
