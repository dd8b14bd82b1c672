package dev.topo.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The in-process pipe: what goes in comes out in order, whichever threads write and read, then the end. */
class LocalPipeTest {
  @Test
  void bytesWrittenFromOneThreadAfterAnotherComeOutInOrderThenTheEnd() throws Exception {
    LocalPipe pipe = new LocalPipe();
    Random random = new Random(3);
    byte[] sent = new byte[200_000];
    random.nextBytes(sent);
    // Each write from a thread of its own, which ends before the next: Java's piped streams break so.
    int at = 0;
    while (at < sent.length) {
      int from = at;
      int length = Math.min(sent.length - at, 1 + random.nextInt(5_000));
      CompletableFuture.runAsync(() -> {
        try {
          pipe.out.write(sent, from, length);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }, runnable -> new Thread(runnable).start()).get();
      at += length;
    }
    pipe.out.write(7);
    pipe.out.close();
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[1 + random.nextInt(3_000)];
    int n;
    while ((n = pipe.in.read(buffer, 0, buffer.length)) >= 0) {
      received.write(buffer, 0, n);
    }
    byte[] all = received.toByteArray();
    assertEquals(sent.length + 1, all.length);
    assertArrayEquals(sent, java.util.Arrays.copyOf(all, sent.length));
    assertEquals(7, all[sent.length]);
    assertEquals(-1, pipe.in.read(), "the end stays the end");
  }
}
