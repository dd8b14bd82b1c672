package dev.topo.lsp;

import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;
import org.eclipse.lsp4j.SemanticTokens;

/**
 * Semantic tokens' integers as the protocol lists them, held unboxed: a 36,000-line design
 * has some 750,000 of them, which as a {@code List<Integer>} cost a reference and often a
 * box each, grown by copying, and compared box by box for each delta. Held as stretches of
 * arrays, in order: a stretch of a block's tokens encoded once ({@link TokenPieces}) is
 * shared, not copied into one array for each version (250 KB a keystroke at 10,000 lines),
 * and a delta skips the stretches two versions share without reading them. Read-only once
 * built; the launcher writes it as bytes ({@link #WRITER}).
 */
final class EncodedTokens extends AbstractList<Integer> implements RandomAccess {
  /** Stretches shorter than this are copied: a block's two leading deltas, a gap's few tokens. */
  private static final int SHARED = 16;

  /** Stretch {@code i} is {@code arrays[i][froms[i], tos[i])}, never empty; {@code ends[i]} is where it ends in the whole. */
  private final int[][] arrays;
  private final int[] froms;
  private final int[] tos;
  private final int[] ends;
  private final int size;

  private EncodedTokens(int[][] arrays, int[] froms, int[] tos, int[] ends) {
    this.arrays = arrays;
    this.froms = froms;
    this.tos = tos;
    this.ends = ends;
    this.size = ends.length == 0 ? 0 : ends[ends.length - 1];
  }

  /** Makes the integers in order. The arrays it is handed whole stretches of must not change afterwards. */
  static final class Builder {
    private int[][] arrays = new int[8][];
    private int[] froms = new int[8];
    private int[] tos = new int[8];
    private int count;
    /** Where single integers and short stretches are copied; a stretch of it stays open from {@code openFrom}. */
    private int[] own;
    private int ownSize;
    private int openFrom;
    private int size;

    /** Room for so many tokens (five integers each) in the copied part; it grows as needed. */
    Builder(int tokens) {
      own = new int[Math.max(16, tokens * 5)];
    }

    void append(int value) {
      if (ownSize == own.length) {
        // The stretches made of the old array keep it; it is not written again.
        own = Arrays.copyOf(own, own.length * 2);
      }
      own[ownSize++] = value;
      size++;
    }

    /** The integers {@code [from, to)} of {@code source}, shared when long enough to be worth a stretch of their own. */
    void append(int[] source, int from, int to) {
      if (to - from < SHARED) {
        for (int i = from; i < to; i++) {
          append(source[i]);
        }
        return;
      }
      closeOwn();
      add(source, from, to);
      size += to - from;
    }

    int size() {
      return size;
    }

    EncodedTokens build() {
      closeOwn();
      int[] ends = new int[count];
      int end = 0;
      for (int i = 0; i < count; i++) {
        end += tos[i] - froms[i];
        ends[i] = end;
      }
      return new EncodedTokens(Arrays.copyOf(arrays, count), Arrays.copyOf(froms, count), Arrays.copyOf(tos, count),
          ends);
    }

    private void closeOwn() {
      if (ownSize > openFrom) {
        add(own, openFrom, ownSize);
        openFrom = ownSize;
      }
    }

    private void add(int[] array, int from, int to) {
      if (count == arrays.length) {
        arrays = Arrays.copyOf(arrays, count * 2);
        froms = Arrays.copyOf(froms, count * 2);
        tos = Arrays.copyOf(tos, count * 2);
      }
      arrays[count] = array;
      froms[count] = from;
      tos[count] = to;
      count++;
    }
  }

  /** The integers, in an array of their own size. */
  int[] ints() {
    int[] all = new int[size];
    for (int i = 0, at = 0; i < arrays.length; i++) {
      System.arraycopy(arrays[i], froms[i], all, at, tos[i] - froms[i]);
      at = ends[i];
    }
    return all;
  }

  private int length(int stretch) {
    return tos[stretch] - froms[stretch];
  }

  /** Whether stretch {@code i} of this and {@code j} of {@code other} are the same piece of the same array. */
  private boolean same(int i, EncodedTokens other, int j) {
    return arrays[i] == other.arrays[j] && froms[i] == other.froms[j] && tos[i] == other.tos[j];
  }

  /** How many integers this and {@code other} have in common from the start; shared stretches are skipped unread. */
  int commonPrefix(EncodedTokens other) {
    return common(other, Math.min(size, other.size), false);
  }

  /** How many integers, at most {@code limit}, this and {@code other} have in common at the end. */
  int commonSuffix(EncodedTokens other, int limit) {
    return common(other, limit, true);
  }

  /**
   * How many integers, at most {@code limit}, the two have in common from the start, or from
   * the end: stretch by stretch in that direction, a stretch both share counted without being read.
   */
  private int common(EncodedTokens other, int limit, boolean fromEnd) {
    int step = fromEnd ? -1 : 1;
    int i = fromEnd ? arrays.length - 1 : 0;
    int j = fromEnd ? other.arrays.length - 1 : 0;
    int a = 0; // integers of stretch i already passed
    int b = 0;
    int n = 0;
    while (n < limit && i >= 0 && i < arrays.length && j >= 0 && j < other.arrays.length) {
      if (a == 0 && b == 0 && same(i, other, j) && n + length(i) <= limit) {
        n += length(i);
        i += step;
        j += step;
        continue;
      }
      if (value(i, a, fromEnd) != other.value(j, b, fromEnd)) {
        return n;
      }
      n++;
      if (++a == length(i)) {
        i += step;
        a = 0;
      }
      if (++b == other.length(j)) {
        j += step;
        b = 0;
      }
    }
    return n;
  }

  /** The integer {@code passed} places into stretch {@code i}, counted from its start or its end. */
  private int value(int i, int passed, boolean fromEnd) {
    return fromEnd ? arrays[i][tos[i] - 1 - passed] : arrays[i][froms[i] + passed];
  }

  /** The JSON array Gson writes of these integers as a list, their digits straight into the buffer. */
  void writeTo(Utf8Buffer out) {
    out.write('[');
    boolean first = true;
    for (int s = 0; s < arrays.length; s++) {
      int[] values = arrays[s];
      for (int i = froms[s], to = tos[s]; i < to; i++) {
        if (!first) {
          out.write(',');
        }
        first = false;
        out.writeInt(values[i]);
      }
    }
    out.write(']');
  }

  /**
   * Writes semantic tokens whose integers these are as Gson writes them, without boxing each
   * integer and asking Gson at each which adapter it wants: a 10,000-line design opens with
   * 68,000 of them, and Gson's method for a number was the costliest compilation of the JIT's
   * second compiler in the first seconds of typing (400 ms of its time, measured with {@code
   * -XX:+LogCompilation}). Registered for the answer, not for this list: Gson writes a field
   * declared as {@code List<Integer>} with the list's adapter whatever its runtime type.
   */
  static final TypeAdapterFactory WRITER = GsonHooks.forClass(SemanticTokens.class, (gson, gsons) -> new TypeAdapter<>() {
    @Override
    public void write(JsonWriter out, SemanticTokens tokens) throws IOException {
      if (tokens == null || !(tokens.getData() instanceof EncodedTokens data)) {
        gsons.get().write(out, tokens);
        return;
      }
      out.beginObject();
      if (tokens.getResultId() != null) {
        out.name("resultId").value(tokens.getResultId());
      }
      out.name("data");
      GsonHooks.writeValue(out, data::writeTo);
      out.endObject();
    }

    @Override
    public SemanticTokens read(JsonReader in) throws IOException {
      return gsons.get().read(in);
    }
  });

  @Override
  public Integer get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    int stretch = Arrays.binarySearch(ends, index + 1);
    if (stretch < 0) {
      stretch = -stretch - 1; // the first stretch that ends after the index
    }
    return arrays[stretch][froms[stretch] + index - (stretch == 0 ? 0 : ends[stretch - 1])];
  }

  @Override
  public int size() {
    return size;
  }
}
