package dev.topo.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A pipe between the two ends of a connection in one process, for any threads: Java's piped
 * streams tie each end to the thread that last used it and break ("write end dead") under
 * LSP4J's thread pools. Each write is one chunk; closing the output ends the input. The
 * benchmarks' arrival clock hands a server's output on to LSP4J through one (they take the
 * server's test classes).
 */
public final class LocalPipe {
  private static final byte[] END = new byte[0];
  private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();

  /** The writing end. */
  public final OutputStream out = new OutputStream() {
    @Override
    public void write(int b) {
      chunks.add(new byte[] {(byte) b});
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (len > 0) {
        chunks.add(Arrays.copyOfRange(b, off, off + len));
      }
    }

    @Override
    public void close() {
      end();
    }
  };

  /** Ends the input after what was written, as closing the output does. */
  public void end() {
    chunks.add(END);
  }

  /** The reading end. */
  public final InputStream in = new InputStream() {
    private byte[] chunk;
    private int at;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (chunk == null || at == chunk.length) {
        try {
          chunk = chunks.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException();
        }
        at = 0;
        if (chunk == END) {
          chunks.add(END); // every later read ends too
          return -1;
        }
      }
      int n = Math.min(len, chunk.length - at);
      System.arraycopy(chunk, at, b, off, n);
      at += n;
      return n;
    }
  };
}
