package dev.topo.lsp;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document whose {@code didOpen} or {@code didChange} was too large to read: the message is
 * skipped as it streams by, but its first bytes name the document (a client writes the method
 * and the URI before the text), so the server can tell the user on the document itself.
 *
 * @param bytes the size of the message refused
 */
record RefusedDocument(URI uri, long bytes) {
  /** How much of a refused message is looked at for the method and the document. */
  static final int HEAD_BYTES = 64 * 1024;

  private static final Pattern DOCUMENT_METHOD =
      Pattern.compile("\"method\"\\s*:\\s*\"textDocument/did(?:Open|Change)\"");
  private static final Pattern URI_FIELD = Pattern.compile("\"uri\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\")");

  /** The document a refused message's first bytes open or change, if they say so before the text. */
  static Optional<RefusedDocument> of(byte[] head, int length, long bytes) {
    String text = new String(head, 0, length, StandardCharsets.UTF_8);
    Matcher uri = URI_FIELD.matcher(text);
    if (!DOCUMENT_METHOD.matcher(text).find() || !uri.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new RefusedDocument(URI.create(JsonParser.parseString(uri.group(1)).getAsString()), bytes));
    } catch (JsonParseException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
