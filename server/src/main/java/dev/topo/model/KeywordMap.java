package dev.topo.model;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;

/**
 * An immutable map of a block's few keywords, as two arrays looked through in order, where
 * {@code Map.ofEntries} made an entry for each and a hash table of twice their number: a file
 * holds one for every block.
 */
final class KeywordMap<V> extends AbstractMap<Keyword, V> {
  private static final KeywordMap<?> EMPTY = new KeywordMap<>(new Keyword[0], new Object[0]);

  private final Keyword[] keys;
  private final Object[] values;

  private KeywordMap(Keyword[] keys, Object[] values) {
    this.keys = keys;
    this.values = values;
  }

  /** The same mappings, in the given map's order; neither keys nor values may be null. */
  @SuppressWarnings("unchecked")
  static <V> KeywordMap<V> copyOf(Map<Keyword, ? extends V> map) {
    if (map instanceof KeywordMap<?> kept) {
      return (KeywordMap<V>) kept;
    }
    if (map.isEmpty()) {
      return (KeywordMap<V>) EMPTY;
    }
    Keyword[] keys = new Keyword[map.size()];
    Object[] values = new Object[keys.length];
    int i = 0;
    for (Map.Entry<Keyword, ? extends V> e : map.entrySet()) {
      keys[i] = Objects.requireNonNull(e.getKey());
      values[i++] = Objects.requireNonNull(e.getValue());
    }
    return new KeywordMap<>(keys, values);
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] == key) {
        return (V) values[i];
      }
    }
    return null;
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void forEach(BiConsumer<? super Keyword, ? super V> action) {
    for (int i = 0; i < keys.length; i++) {
      action.accept(keys[i], (V) values[i]);
    }
  }

  /** The values without an entry made for each, for readers of every property (a moved finding's). */
  @Override
  public Collection<V> values() {
    return new AbstractCollection<>() {
      @Override
      public Iterator<V> iterator() {
        return new Walk<>(values.length, i -> values[i]);
      }

      @Override
      public int size() {
        return values.length;
      }
    };
  }

  @Override
  public Set<Map.Entry<Keyword, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<Keyword, V>> iterator() {
        return new Walk<>(keys.length, i -> Map.entry(keys[i], values[i]));
      }

      @Override
      public int size() {
        return keys.length;
      }
    };
  }

  /** The positions of the arrays, in order, each as the function reads it. */
  private static final class Walk<T> implements Iterator<T> {
    private final int size;
    private final IntFunction<Object> at;
    private int next;

    Walk(int size, IntFunction<Object> at) {
      this.size = size;
      this.at = at;
    }

    @Override
    public boolean hasNext() {
      return next < size;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T next() {
      if (next >= size) {
        throw new NoSuchElementException();
      }
      return (T) at.apply(next++);
    }
  }
}
