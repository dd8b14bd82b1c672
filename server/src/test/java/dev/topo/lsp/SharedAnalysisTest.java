package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.check.Cancellation;
import dev.topo.ide.Snapshot;
import dev.topo.tools.TopologyGenerator;
import dev.topo.workspace.TextDocument;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;

/**
 * After a keystroke the diagnostics and half a dozen requests want the same version: it is
 * analysed once, whoever asks first, and the others wait for that analysis; a request sent
 * for a version that an edit replaced before its work started is refused, not worked out.
 */
class SharedAnalysisTest {
  static final URI URI_ = URI.create("file:///shared/ws/big.topo");
  /** Big enough that an analysis takes long enough for the askers to overlap. */
  static final String TEXT = new TopologyGenerator(3).single(6_000);

  private static Session sessionWith(String text) {
    Session session = new Session();
    session.markInitialized();
    session.change(() -> session.documents().open(new TextDocument(URI_, 1, text)));
    return session;
  }

  @Test
  void askersOfOneVersionShareOneAnalysis() throws Exception {
    Session session = sessionWith(TEXT);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<Snapshot>> asked = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        asked.add(CompletableFuture.supplyAsync(() -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          return session.snapshot(URI_, Cancellation.NONE).orElseThrow();
        }, pool));
      }
      start.countDown();
      Snapshot first = asked.get(0).get();
      for (CompletableFuture<Snapshot> other : asked) {
        assertSame(first, other.get(), "each asker analysed the version again");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void oneAskerCancelledDoesNotCancelTheOthers() throws Exception {
    Session session = sessionWith(TEXT);
    AtomicBoolean firstGaveUp = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CompletableFuture<Snapshot> quitter = CompletableFuture.supplyAsync(
          () -> session.snapshot(URI_, firstGaveUp::get).orElseThrow(), pool);
      Thread.sleep(20); // the quitter is analysing now
      CompletableFuture<Snapshot> stayer = CompletableFuture.supplyAsync(
          () -> session.snapshot(URI_, Cancellation.NONE).orElseThrow(), pool);
      Thread.sleep(20);
      firstGaveUp.set(true);
      Snapshot kept = stayer.get();
      assertEquals(1, kept.document().version());
      assertTrue(quitter.handle((s, e) -> s != null || e != null).get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRequestForAReplacedVersionIsRefusedAsContentModified() throws Exception {
    Session session = sessionWith("host h {\n  os linux\n}\n");
    List<Runnable> queued = new ArrayList<>();
    ExecutorService later = new OneParsePerVersionTest.OnTheSpot() {
      @Override
      public void execute(Runnable command) {
        queued.add(command);
      }
    };
    Requests requests = new Requests(session, later);
    CompletableFuture<Integer> stale = requests.compute(URI_.toString(), (s, cancel) -> s.document().version(), -1);
    CompletableFuture<Integer> current;
    session.change(() -> session.documents().update(new TextDocument(URI_, 2, "host h {\n  os linux\n}\n\n")));
    current = requests.compute(URI_.toString(), (s, cancel) -> s.document().version(), -1);
    queued.forEach(Runnable::run);

    ExecutionException refused = assertThrows(ExecutionException.class, stale::get);
    ResponseErrorException error = assertInstanceOf(ResponseErrorException.class, refused.getCause());
    assertEquals(ResponseErrorCode.ContentModified.getValue(), error.getResponseError().getCode());
    assertEquals(2, current.get(), "the request sent after the edit is answered on the new version");
  }

  @Test
  void whatReadsOnlyTheParseDoesNotWaitForAnAnalysis() throws Exception {
    Session session = sessionWith(TEXT);
    Requests requests = new Requests(session, new OneParsePerVersionTest.OnTheSpot());
    int blocks = requests.computeParsed(URI_.toString(), (parsed, cancel) -> parsed.file().declarations().size(), -1).get();
    assertTrue(blocks > 10, "the parse answered: " + blocks);
    assertTrue(session.lastSnapshot(URI_).isEmpty(), "colours, folds and the outline made an analysis");
    requests.compute(URI_.toString(), (snapshot, cancel) -> snapshot.analysis().findings().size(), -1).get();
    assertSame(session.lastSnapshot(URI_).orElseThrow(), session.parsed(URI_).orElseThrow(),
        "once analysed, the parse is the analysis's");
  }
}
