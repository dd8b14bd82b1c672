package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.junit.jupiter.api.Test;

/** The pooled writer of outgoing messages sends the very bytes LSP4J's own writer would. */
class BufferedMessageConsumerTest {
  private static final MessageJsonHandler HANDLER = new MessageJsonHandler(Map.of());

  /** Texts of every kind a message carries: ASCII, Latin-1, Korean, emoji, lone surrogate halves, escapes. */
  private static String randomText(Random random) {
    String[] pieces = {"host web", "\u00b7", "\ucee8\ud14c\uc774\ub108", "\ud83d\ude80", "\ud83d", "\ude80", "\"\\\n\t",
        "\u2028", "\u0000", "\u07ff\u0800\uffff"};
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(40); i > 0; i--) {
      text.append(pieces[random.nextInt(pieces.length)]);
    }
    return text.toString();
  }

  private static byte[] lsp4j(Object message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new StreamMessageConsumer(out, HANDLER).consume((org.eclipse.lsp4j.jsonrpc.messages.Message) message);
    return out.toByteArray();
  }

  private static ResponseMessage response(String text) {
    ResponseMessage message = new ResponseMessage();
    message.setId(7);
    message.setResult(List.of(text, Map.of("detail", text)));
    return message;
  }

  @Test
  void everyTextIsFramedAndEncodedAsLsp4jDoes() {
    Random random = new Random(16);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BufferedMessageConsumer consumer = new BufferedMessageConsumer(out, HANDLER);
    for (int i = 0; i < 500; i++) {
      ResponseMessage message = response(randomText(random));
      out.reset();
      consumer.consume(message);
      assertArrayEquals(lsp4j(message), out.toByteArray(), () -> "for " + message);
    }
  }

  @Test
  void aBufferGrownByAHugeAnswerWritesTheSmallOneAfterItWhole() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BufferedMessageConsumer consumer = new BufferedMessageConsumer(out, HANDLER);
    ResponseMessage huge = response("\ud83d\ude80 host ".repeat(100_000));
    ResponseMessage small = response("vm");
    consumer.consume(huge);
    consumer.consume(small);
    byte[] expected = new String(lsp4j(huge), StandardCharsets.UTF_8).concat(new String(lsp4j(small),
        StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(expected, out.toByteArray());
  }

  @Test
  void messagesWrittenFromManyThreadsArriveWholeOneAfterAnother() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BufferedMessageConsumer consumer = new BufferedMessageConsumer(out, HANDLER);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> sent = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        NotificationMessage message = new NotificationMessage();
        message.setMethod("window/logMessage");
        message.setParams(Map.of("message", "x".repeat(i * 50) + "\u00b7"));
        sent.add(pool.submit(() -> consumer.consume(message)));
      }
      for (Future<?> f : sent) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    // Each frame, read by its Content-Length, is one whole message; together they are all 200.
    byte[] bytes = out.toByteArray();
    int at = 0;
    int frames = 0;
    while (at < bytes.length) {
      String rest = new String(bytes, at, Math.min(40, bytes.length - at), StandardCharsets.US_ASCII);
      int length = Integer.parseInt(rest.substring("Content-Length: ".length(), rest.indexOf('\r')));
      at += rest.indexOf("\r\n\r\n") + 4;
      String body = new String(bytes, at, length, StandardCharsets.UTF_8);
      assertEquals('}', body.charAt(body.length() - 1), body);
      HANDLER.parseMessage(body);
      at += length;
      frames++;
    }
    assertEquals(200, frames);
  }

  @Test
  void aNumbersDigitsAreWrittenAsIntegerToStringWritesThem() {
    int[] numbers = {0, 7, 9, 10, 99, 100, 12345, 999_999_999, 1_000_000_000, Integer.MAX_VALUE, -1, -10, Integer.MIN_VALUE};
    Utf8Buffer buffer = new Utf8Buffer(4);
    StringBuilder expected = new StringBuilder();
    for (int n : numbers) {
      buffer.writeInt(n);
      buffer.write(' ');
      expected.append(n).append(' ');
    }
    assertEquals(expected.toString(), buffer.toString());
    Utf8Buffer halfPair = new Utf8Buffer(4);
    halfPair.write("a\ud83d", 0, 2);
    halfPair.writeInt(5);
    assertEquals("a?5", halfPair.toString(), "a half pair still waiting is written before the digits, as '?'");
  }
}
