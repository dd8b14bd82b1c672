package dev.topo.lsp;

import dev.topo.model.Limits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageProducer;

/**
 * LSP4J's reader, over frames that {@link FramingInputStream} has made well-formed, except
 * that it refuses a message whose {@code Content-Length} is over a cap instead of allocating
 * that many bytes (the body is skipped as it streams by), refuses JSON nested too deep for
 * Gson's recursive parser, and survives any one bad message: the refusal is logged on stderr
 * and the next message is read as usual.
 */
final class BoundedMessageProducer extends StreamMessageProducer {
  /** The largest message accepted: far above any real document (the parser stops at 8 Mi characters). */
  static final int MAX_MESSAGE_BYTES = Limits.MAX_MESSAGE_BYTES;

  private final Consumer<RefusedDocument> refused;

  /** @param refused told of each document whose message was too large to read, when the message names it */
  BoundedMessageProducer(InputStream input, MessageJsonHandler jsonHandler, MessageIssueHandler issueHandler,
      Consumer<RefusedDocument> refused) {
    super(new FramingInputStream(input), jsonHandler, issueHandler);
    this.refused = refused;
  }

  /** JSON nested deeper than this is refused before Gson, whose parser recurses, sees it. */
  static final int MAX_NESTING = 1000;

  @Override
  protected boolean handleMessage(InputStream input, Headers headers) {
    try {
      if (headers.contentLength > MAX_MESSAGE_BYTES) {
        return skip(input, headers.contentLength);
      }
      if (headers.contentLength < 0) {
        return super.handleMessage(input, headers); // LSP4J reports the missing length
      }
      byte[] body = input.readNBytes(headers.contentLength);
      if (body.length < headers.contentLength) {
        return false;
      }
      if (nesting(body) > MAX_NESTING) {
        System.err.println("[topo] refused a message nested more than " + MAX_NESTING + " deep");
        return true;
      }
      return super.handleMessage(new ByteArrayInputStream(body), headers);
    } catch (IOException e) {
      fireStreamClosed(e);
      return false;
    } catch (StackOverflowError | RuntimeException e) {
      fireError(e); // one bad message must not end the connection
      return true;
    }
  }

  private boolean skip(InputStream input, long length) throws IOException {
    // Read into a small buffer rather than skip(): a pipe cannot seek.
    byte[] buffer = new byte[RefusedDocument.HEAD_BYTES];
    byte[] head = new byte[RefusedDocument.HEAD_BYTES];
    int headLength = 0;
    long remaining = length;
    while (remaining > 0) {
      int read = input.read(buffer, 0, (int) Math.min(buffer.length, remaining));
      if (read < 0) {
        return false;
      }
      int kept = Math.min(read, head.length - headLength);
      System.arraycopy(buffer, 0, head, headLength, kept);
      headLength += kept;
      remaining -= read;
    }
    System.err.println("[topo] refused a message of " + length + " bytes: the limit is " + MAX_MESSAGE_BYTES);
    RefusedDocument.of(head, headLength, length).ifPresent(refused);
    return true;
  }

  /** The deepest nesting of arrays and objects, strings skipped. */
  static int nesting(byte[] json) {
    int depth = 0;
    int deepest = 0;
    boolean inString = false;
    for (int i = 0; i < json.length; i++) {
      byte b = json[i];
      if (inString) {
        if (b == '\\') {
          i++;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '[' || b == '{') {
        deepest = Math.max(deepest, ++depth);
      } else if (b == ']' || b == '}') {
        depth--;
      }
    }
    return deepest;
  }
}
