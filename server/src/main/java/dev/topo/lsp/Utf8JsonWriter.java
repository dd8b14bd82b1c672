package dev.topo.lsp;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;

/**
 * Gson's writer onto a {@link Utf8Buffer}, which can also take a value already written as
 * UTF-8 JSON: an outline block rendered once goes out as a copy of its bytes, not encoded
 * character by character again after every keystroke.
 */
final class Utf8JsonWriter extends JsonWriter {
  private final Utf8Buffer buffer;

  Utf8JsonWriter(Utf8Buffer buffer) {
    super(buffer);
    this.buffer = buffer;
  }

  /** A whole JSON value, already encoded; Gson's writer puts the separator before it as for any value. */
  void rawValue(byte[] utf8) throws IOException {
    valueBuffer().writeUtf8(utf8);
  }

  /** The buffer, for the caller to write one whole JSON value into, after the separator Gson's writer puts before any value. */
  Utf8Buffer valueBuffer() throws IOException {
    jsonValue("");
    return buffer;
  }
}
