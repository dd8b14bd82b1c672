package dev.topo.lsp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.lsp4j.jsonrpc.JsonRpcException;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.Message;

/**
 * LSP4J's writer of outgoing messages, the same header and JSON, with each message
 * serialized into a {@link Utf8Buffer} taken from a pool instead of into fresh strings and
 * arrays. Messages are serialized in parallel, each on its own buffer, and written whole
 * one at a time. A buffer grown past {@link #KEPT} by a rare huge answer is let go, so the
 * pool holds no more than a few ordinary answers' worth.
 */
final class BufferedMessageConsumer extends StreamMessageConsumer {
  static final int KEPT = 4 << 20;

  private final OutputStream output;
  private final MessageJsonHandler handler;
  private final Object outputLock = new Object();
  private final ConcurrentLinkedQueue<Utf8Buffer> pool = new ConcurrentLinkedQueue<>();

  BufferedMessageConsumer(OutputStream output, MessageJsonHandler handler) {
    super(output, handler);
    this.output = output;
    this.handler = handler;
  }

  @Override
  public void consume(Message message) {
    Utf8Buffer buffer = pool.poll();
    if (buffer == null) {
      buffer = new Utf8Buffer(8192);
    }
    try {
      buffer.reset();
      // As handler.serialize does, onto a writer that can also copy JSON already encoded.
      handler.getGson().toJson(message, Message.class, new Utf8JsonWriter(buffer));
      buffer.flush();
      byte[] header = getHeader(buffer.size()).getBytes(StandardCharsets.US_ASCII);
      synchronized (outputLock) {
        output.write(header);
        buffer.writeTo(output);
        output.flush();
      }
    } catch (IOException e) {
      throw new JsonRpcException(e);
    } finally {
      if (buffer.capacity() <= KEPT) {
        pool.offer(buffer);
      }
    }
  }
}
