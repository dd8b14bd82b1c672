package dev.topo.lsp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A writer that encodes what it is given as UTF-8 into a byte array it keeps from one
 * message to the next. LSP4J's own way to a message's bytes (a {@code StringWriter}, its
 * string, then that string's bytes) makes three copies of each answer, an outline of
 * several hundred kilobytes among them, on every keystroke; with the JVM's default
 * collector, each fresh copy is written to memory the process has never touched, and the
 * page faults cost more than the copying.
 */
final class Utf8Buffer extends Writer {
  private byte[] bytes;
  private final char[] scratch = new char[STRETCH];
  private int size;
  /** The first half of a surrogate pair whose second half is still to come. */
  private char high;

  /** Characters encoded between checks for room: a long text grows the array by what it needs, not three times its length. */
  private static final int STRETCH = 4096;

  Utf8Buffer(int capacity) {
    bytes = new byte[capacity];
  }

  /** Forgets what was written, keeping the array. */
  void reset() {
    size = 0;
    high = 0;
  }

  int size() {
    return size;
  }

  int capacity() {
    return bytes.length;
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, size);
  }

  @Override
  public void write(int c) {
    room(4);
    put((char) c);
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    for (int end = offset + length; offset < end; offset += STRETCH) {
      encode(chars, offset, Math.min(end, offset + STRETCH));
    }
  }

  /** A stretch at a time through an array of its own: array reads are what C1's code does fast, not charAt. */
  @Override
  public void write(String text, int offset, int length) {
    for (int end = offset + length; offset < end; offset += STRETCH) {
      int stop = Math.min(end, offset + STRETCH);
      text.getChars(offset, stop, scratch, 0);
      encode(scratch, 0, stop - offset);
    }
  }

  /** {@code chars[from, to)}, ASCII in a tight loop on locals, anything else through {@link #put}. */
  private void encode(char[] chars, int from, int to) {
    room(3 * (to - from));
    byte[] b = bytes;
    int n = size;
    char pending = high;
    for (int i = from; i < to; i++) {
      char c = chars[i];
      if (c < 0x80 && pending == 0) {
        b[n++] = (byte) c;
      } else {
        size = n;
        put(c);
        n = size;
        pending = high;
      }
    }
    size = n;
  }

  /** Bytes that are UTF-8 already (JSON rendered once and kept), copied as they are. */
  void writeUtf8(byte[] utf8) {
    flush();
    room(utf8.length);
    System.arraycopy(utf8, 0, bytes, size, utf8.length);
    size += utf8.length;
  }

  /** A number's decimal digits, without a string made for them. */
  void writeInt(int value) {
    flush();
    room(11);
    if (value < 0) {
      bytes[size++] = '-';
      if (value == Integer.MIN_VALUE) {
        writeUtf8(MIN_DIGITS);
        return;
      }
      value = -value;
    }
    int end = size + digits(value);
    for (int i = end - 1; i >= size; i--, value /= 10) {
      bytes[i] = (byte) ('0' + value % 10);
    }
    size = end;
  }

  private static final byte[] MIN_DIGITS = "2147483648".getBytes(StandardCharsets.US_ASCII);

  private static int digits(int value) {
    int n = 1;
    for (long limit = 10; value >= limit; limit *= 10) {
      n++;
    }
    return n;
  }

  /** What was written, as text. */
  @Override
  public String toString() {
    return new String(bytes, 0, size, StandardCharsets.UTF_8);
  }

  @Override
  public Writer append(CharSequence text) {
    String s = String.valueOf(text);
    write(s, 0, s.length());
    return this;
  }

  /** One character, joined to the half of a pair before it; a half without its other is written as '?', as String.getBytes does. */
  private void put(char c) {
    if (high != 0) {
      char first = high;
      high = 0;
      if (Character.isLowSurrogate(c)) {
        int code = Character.toCodePoint(first, c);
        bytes[size++] = (byte) (0xF0 | code >> 18);
        bytes[size++] = (byte) (0x80 | (code >> 12 & 0x3F));
        bytes[size++] = (byte) (0x80 | (code >> 6 & 0x3F));
        bytes[size++] = (byte) (0x80 | (code & 0x3F));
        return;
      }
      bytes[size++] = '?';
    }
    if (c < 0x80) {
      bytes[size++] = (byte) c;
    } else if (c < 0x800) {
      bytes[size++] = (byte) (0xC0 | c >> 6);
      bytes[size++] = (byte) (0x80 | (c & 0x3F));
    } else if (Character.isHighSurrogate(c)) {
      high = c;
    } else if (Character.isLowSurrogate(c)) {
      bytes[size++] = '?';
    } else {
      bytes[size++] = (byte) (0xE0 | c >> 12);
      bytes[size++] = (byte) (0x80 | (c >> 6 & 0x3F));
      bytes[size++] = (byte) (0x80 | (c & 0x3F));
    }
  }

  /** Room for {@code more} bytes (and a pending half pair's '?'). */
  private void room(int more) {
    if (size + more + 1 > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more + 1));
    }
  }

  /** A message ends with whatever half pair is still waiting. */
  @Override
  public void flush() {
    if (high != 0) {
      high = 0;
      room(1);
      bytes[size++] = '?';
    }
  }

  @Override
  public void close() {
    flush();
  }
}
