package dev.topo.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client's byte stream as well-formed frames only: each header block is read here, and
 * only a block with a usable {@code Content-Length} goes on to LSP4J's reader, rewritten as
 * that one header, followed by exactly its body. Anything else is dropped, and reading
 * resynchronises on the next {@code Content-Length:} found, even in the middle of a line:
 * so a block without a length, a length such as {@code 2.5}, or a body longer than its
 * length (a client that counted characters, not bytes) costs one message, not the
 * connection, where LSP4J alone would glue the leftover to every header that follows.
 * Header lines and blocks are capped, so a line with no end allocates nothing.
 */
final class FramingInputStream extends InputStream {
  private static final byte[] MARK = "Content-Length:".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern LENGTH = Pattern.compile("Content-Length:[ \\t]*(\\d{1,10})[ \\t]*");
  /** Longer header lines are garbage: only their tail is kept, to find a mark that spans the cut. */
  static final int MAX_LINE = 8 * 1024;
  /** More header lines than this without a blank one are garbage too. */
  static final int MAX_LINES = 64;

  private final InputStream in;
  /** The header of the frame being served, and how much of it is served. */
  private byte[] header = new byte[0];
  private int headerServed;
  /** How much of the frame's body is left to pass through. */
  private long bodyLeft;
  /** Whether standard error was told once that the stream was out of step. */
  private boolean warned;

  FramingInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (headerServed == header.length && bodyLeft == 0 && !nextFrame()) {
      return -1;
    }
    if (headerServed < header.length) {
      int n = Math.min(length, header.length - headerServed);
      System.arraycopy(header, headerServed, buffer, offset, n);
      headerServed += n;
      return n;
    }
    int n = in.read(buffer, offset, (int) Math.min(length, bodyLeft));
    if (n > 0) {
      bodyLeft -= n;
    }
    return n;
  }

  /** Reads header blocks until one has a usable length, and makes it the frame to serve; false at the end of input. */
  private boolean nextFrame() throws IOException {
    long length = -1;
    int lines = 0;
    while (true) {
      String line = readLine();
      if (line == null) {
        return false;
      }
      int mark = line.indexOf("Content-Length:");
      if (mark > 0) {
        resynchronised("text before a header");
        line = line.substring(mark);
        length = -1;
        lines = 0;
      }
      if (line.isEmpty()) {
        if (length >= 0) {
          header = ("Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
          headerServed = 0;
          bodyLeft = length;
          return true;
        }
        if (lines > 0) {
          resynchronised("a header block without a usable Content-Length");
        }
        lines = 0;
        continue;
      }
      if (++lines > MAX_LINES) {
        resynchronised("a header block of more than " + MAX_LINES + " lines");
        length = -1;
        lines = 0;
      }
      if (line.startsWith("Content-Length:")) {
        Matcher m = LENGTH.matcher(line);
        // A length past an int is no length: nothing that large is sent, so no body is skipped for it.
        length = m.matches() && Long.parseLong(m.group(1)) <= Integer.MAX_VALUE ? Long.parseLong(m.group(1)) : -1;
      }
    }
  }

  /** A header line without its line break (CRLF or LF), at most MAX_LINE characters of its tail; null at the end of input. */
  private String readLine() throws IOException {
    byte[] line = new byte[256];
    int size = 0;
    boolean cut = false;
    while (true) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      if (b == '\n') {
        break;
      }
      if (size == line.length) {
        if (size < MAX_LINE) {
          line = Arrays.copyOf(line, Math.min(MAX_LINE, size * 2));
        } else {
          // Keep the tail, where a mark may have begun.
          System.arraycopy(line, size - MARK.length, line, 0, MARK.length);
          size = MARK.length;
          cut = true;
        }
      }
      line[size++] = (byte) b;
    }
    if (cut) {
      resynchronised("a header line longer than " + MAX_LINE + " bytes");
    }
    if (size > 0 && line[size - 1] == '\r') {
      size--;
    }
    return new String(line, 0, size, StandardCharsets.ISO_8859_1);
  }

  /** Says once, on standard error, that the stream was out of step; the server's log has no client to go to here. */
  private void resynchronised(String what) {
    if (!warned) {
      warned = true;
      System.err.println("[topo] skipped " + what + " in the client's messages and read on from the next"
          + " Content-Length (reported once)");
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
