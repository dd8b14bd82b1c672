package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What LSP4J's reader gets from the client's bytes: well-formed frames only, whatever came before them. */
class FramingInputStreamTest {
  static final String A = "{\"id\":1}";
  static final String B = "{\"id\":22}";

  static String frame(String body) {
    return "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
  }

  static String framed(String sent) throws IOException {
    try (FramingInputStream in = new FramingInputStream(new ByteArrayInputStream(sent.getBytes(StandardCharsets.UTF_8)))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void wellFormedFramesPassAsTheyAreWithOtherHeadersDroppedAndLfAlone() throws IOException {
    assertEquals(frame(A) + frame(B), framed(frame(A) + frame(B)));
    assertEquals(frame(A), framed("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: 8\r\n\r\n" + A));
    assertEquals(frame(A), framed("Content-Length:8\n\n" + A));
  }

  @Test
  void aBlockWithoutAUsableLengthCostsItsOwnMessageOnly() throws IOException {
    assertEquals(frame(B), framed("Content-Type: x\r\n\r\n" + A + frame(B)));
    assertEquals(frame(B), framed("Content-Length: 2.5\r\n\r\n" + A + frame(B)));
    assertEquals(frame(B), framed("Content-Length: -8\r\n\r\n" + A + frame(B)));
    assertEquals(frame(B), framed("Content-Length: 2147483648\r\n\r\n" + frame(B)));
  }

  @Test
  void aLengthShortOfItsBodyLeavesTheRestBehindAndTheNextHeaderIsFoundAfterIt() throws IOException {
    // A client that counted the characters of "é", not its two bytes.
    String body = "{\"text\":\"host é\"}";
    String sent = "Content-Length: " + body.length() + "\r\n\r\n" + body + frame(B);
    String truncated = new String(body.getBytes(StandardCharsets.UTF_8), 0, body.length(), StandardCharsets.UTF_8);
    assertEquals("Content-Length: " + body.length() + "\r\n\r\n" + truncated + frame(B), framed(sent));
  }

  @Test
  void anEndlessHeaderLineOrBlockIsDroppedWithoutKeepingIt() throws IOException {
    String garbage = "x".repeat(5 * FramingInputStream.MAX_LINE);
    assertEquals(frame(B), framed(garbage + frame(B)));
    assertEquals(frame(B), framed(garbage + "\r\n" + frame(B)));
    assertEquals(frame(B), framed("X-a: 1\r\n".repeat(FramingInputStream.MAX_LINES + 1) + frame(B)));
    assertEquals("", framed(garbage));
  }

  @Test
  void aBodyIsNeverSearchedForHeaders() throws IOException {
    String tricky = "{\"text\":\"Content-Length: 3\\r\\n\\r\\n\"}";
    assertEquals(frame(tricky) + frame(B), framed(frame(tricky) + frame(B)));
  }
}
