package dev.topo.workspace;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.RandomAccess;

/**
 * An immutable list that shares its array with the lists made by appending to it: in an import
 * chain the files of each file's program are those of the next file's program and itself, so
 * every program of the chain is a prefix of one array, and making each costs one element, not
 * the chain. Appending to a list that is no longer the longest of its array copies it first.
 */
final class PrefixList<T> extends AbstractList<T> implements RandomAccess {
  /**
   * The array and how much of it the longest list made so far uses. Elements below {@code used}
   * never change; the array is volatile so that a reader sees every element of its list.
   */
  private static final class Shared {
    volatile Object[] items;
    int used;

    Shared(Object[] items, int used) {
      this.items = items;
      this.used = used;
    }
  }

  private final Shared shared;
  private final int size;

  private PrefixList(Shared shared, int size) {
    this.shared = shared;
    this.size = size;
  }

  static <T> PrefixList<T> of(Collection<? extends T> items) {
    Object[] array = items.toArray();
    return new PrefixList<>(new Shared(Arrays.copyOf(array, Math.max(4, array.length)), array.length), array.length);
  }

  /** This list with one more element at its end. */
  PrefixList<T> plus(T item) {
    synchronized (shared) {
      if (shared.used == size) {
        Object[] items = size == shared.items.length ? Arrays.copyOf(shared.items, size * 2) : shared.items;
        items[size] = item;
        shared.items = items; // publishes the element with the array
        shared.used++;
        return new PrefixList<>(shared, size + 1);
      }
    }
    Object[] copy = Arrays.copyOf(snapshot(), Math.max(4, size * 2));
    copy[size] = item;
    return new PrefixList<>(new Shared(copy, size + 1), size + 1);
  }

  private Object[] snapshot() {
    return Arrays.copyOf(shared.items, size);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return (T) shared.items[index];
  }

  @Override
  public int size() {
    return size;
  }
}
