package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.Slow;
import dev.topo.TestFiles;
import dev.topo.check.Analyzer;
import dev.topo.check.Cancellation;
import dev.topo.check.Checker;
import dev.topo.check.rules.Rules;
import dev.topo.tools.TopologyGenerator;
import dev.topo.workspace.TextDocument;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Analyses running at once share what the server shares (one session: its open documents,
 * its parse cache, its snapshots, the parser's static DFA) and must give what they give
 * alone; and a long typing session must end with the diagnostics of its final text.
 */
@Slow
class ConcurrencyTest {
  static final URI ROOT = URI.create("file:///topo-concurrency-test/ws/"); // nothing there on disk
  static final int THREADS = 8;
  static final int ANALYSES_PER_THREAD = 1_000;

  /** One analysis to run: a document of the session at its open text, or another text under an open document's name. */
  record Input(URI uri, String text, boolean open) {}

  /**
   * Samples, generated programs of 200 to 1,000 lines, a program split over five files with a
   * second importer of some of its parts (so that programs share cached imports), and
   * half-typed cuts of them, which take the parser's error-recovery path. Each open
   * document also has a variant text under its name: analysing it replaces the cached model
   * of that name while other threads read it.
   */
  static List<Input> inputs(Session session) throws Exception {
    List<Input> inputs = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(TestFiles.samples())) {
      for (Path p : walk.filter(f -> f.toString().endsWith(".topo")).sorted().toList()) {
        String name = TestFiles.samples().relativize(p).toString().replace('\\', '/');
        inputs.add(new Input(ROOT.resolve(name), Files.readString(p), true));
      }
    }
    for (int i = 0; i < 4; i++) {
      inputs.add(new Input(ROOT.resolve("generated-" + i + ".topo"), new TopologyGenerator(100 + i).single(200 + 250 * i), true));
    }
    for (Map.Entry<String, String> part : new TopologyGenerator(7).split(1_000, 4).entrySet()) {
      inputs.add(new Input(ROOT.resolve(part.getKey()), part.getValue(), true));
    }
    inputs.add(new Input(ROOT.resolve("second-main.topo"),
        "import \"parts/part-0.topo\"\nimport \"parts/part-1.topo\"\ncluster extra { nodes host-0, host-1 }\n", true));
    Random random = new Random(42);
    int opened = inputs.size();
    for (int i = 0; i < opened; i++) {
      Input input = inputs.get(i);
      String text = input.text();
      int cut = text.isEmpty() ? 0 : random.nextInt(text.length());
      String variant = i % 2 == 0 ? text.substring(0, cut) : text.substring(0, cut) + "\n host x { cpu" + text.substring(cut);
      inputs.add(new Input(input.uri(), variant, false));
      inputs.add(new Input(ROOT.resolve("cut-" + i + ".topo"), text.substring(0, cut), true));
    }
    for (Input input : inputs) {
      if (input.open()) {
        session.documents().open(new TextDocument(input.uri(), 1, input.text()));
      }
    }
    session.changed();
    return inputs;
  }

  static Session session() {
    Session session = new Session();
    session.setRoots(List.of(ROOT));
    return session;
  }

  /** The analysis of an input in a session: through its snapshot when the text is the open one. */
  static AnalysisView analyse(Session session, Input input) {
    if (input.open()) {
      return AnalysisView.of(session.snapshot(input.uri(), Cancellation.NONE).orElseThrow().analysis());
    }
    Analyzer analyzer = new Analyzer(session.documents(), session.cache(), ROOT,
        new Checker(Rules.all(), session.configFor(input.uri())));
    return AnalysisView.of(analyzer.analyze(input.uri(), input.text(), Cancellation.NONE));
  }

  @Test
  @Timeout(300) // about 10 s on two busy cores; a deadlock must still end the build
  void eightThreadsOfAThousandAnalysesEachGiveWhatASerialRunGives() throws Exception {
    // The serial run: each input alone, in a session of its own.
    Session serialSession = session();
    List<Input> inputs = inputs(serialSession);
    List<AnalysisView> serial = new ArrayList<>();
    long serialStart = System.nanoTime();
    for (Input input : inputs) {
      serial.add(analyse(serialSession, input));
    }
    long serialMillis = (System.nanoTime() - serialStart) / 1_000_000;

    Session shared = session();
    inputs(shared);
    Queue<String> mismatches = new ConcurrentLinkedQueue<>();
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    AtomicInteger analyses = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      long seed = 1_000L + t;
      Thread thread = new Thread(() -> {
        Random random = new Random(seed);
        try {
          start.await();
          for (int i = 0; i < ANALYSES_PER_THREAD; i++) {
            int k = random.nextInt(inputs.size());
            if (random.nextBoolean()) {
              shared.changed(); // as an edit elsewhere would: every cached snapshot is stale
            }
            AnalysisView result = analyse(shared, inputs.get(k));
            analyses.incrementAndGet();
            if (!result.equals(serial.get(k)) && mismatches.size() < 5) {
              mismatches.add("thread seeded " + seed + ", analysis " + i + " of " + inputs.get(k).uri()
                  + (inputs.get(k).open() ? "" : " (variant text)") + ":\n expected " + serial.get(k) + "\n got " + result);
            }
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      }, "analysis-" + t);
      threads.add(thread);
      thread.start();
    }
    long concurrentStart = System.nanoTime();
    start.countDown();
    for (Thread thread : threads) {
      thread.join(TimeUnit.MINUTES.toMillis(4));
      assertTrue(!thread.isAlive(), thread.getName() + " is still running: a deadlock?");
    }
    long concurrentMillis = (System.nanoTime() - concurrentStart) / 1_000_000;
    assertEquals(List.of(), List.copyOf(failures), "no analysis threw");
    assertEquals(List.of(), List.copyOf(mismatches), "every analysis is the serial one");
    assertEquals(THREADS * ANALYSES_PER_THREAD, analyses.get());
    System.err.printf("[concurrency] %d inputs: serial once %d ms; %d threads x %d analyses %d ms, all equal%n",
        inputs.size(), serialMillis, THREADS, ANALYSES_PER_THREAD, concurrentMillis);
  }

  @TempDir
  Path dir;

  /**
   * Typing at 10 ms a keystroke through a 5,000-line file, for {@code topo.typing.seconds}
   * seconds (10 in the build; the long profile types for 30): pieces of a host block typed at
   * random places, with backspaces, never waiting for the server. Diagnostics never go back
   * to an older version, and the last ones equal a new session's on the final text.
   */
  @Test
  @Timeout(180)
  void typingThroughAFiveThousandLineFileEndsWithTheDiagnosticsOfAFullAnalysis() throws Exception {
    int seconds = Integer.getInteger("topo.typing.seconds", 10);
    String text = new TopologyGenerator(5).single(5_000);
    assertTrue(text.lines().count() >= 4_900, "a file of 5,000 lines: " + text.lines().count());
    URI uri = dir.resolve("typed.topo").toUri();
    Random random = new Random(5);
    int keystrokes = 0;
    int version = 1;
    long lastKey;
    try (TestClient lsp = new TestClient()) {
      lsp.initialize(dir.toUri());
      lsp.open(uri, text);
      lsp.awaitDiagnostics(uri, 1);

      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      int offset = 0;
      int typed = TypingTest.TYPED.length(); // where we are in the piece being typed: start a new one
      while (System.nanoTime() < end) {
        if (typed >= TypingTest.TYPED.length() || random.nextInt(200) == 0) {
          offset = text.indexOf('\n', random.nextInt(text.length())) + 1; // a line start somewhere
          typed = random.nextInt(TypingTest.TYPED.length() / 2);
        }
        Position at = Edits.position(text, offset);
        if (random.nextInt(10) == 0 && offset > 0 && !Character.isSurrogate(text.charAt(offset - 1))) {
          Position before = Edits.position(text, offset - 1); // a backspace
          lsp.edit(uri, ++version, before.getLine(), before.getCharacter(), at.getLine(), at.getCharacter(), "");
          text = text.substring(0, offset - 1) + text.substring(offset);
          offset--;
        } else {
          int width = Character.charCount(TypingTest.TYPED.codePointAt(typed));
          String key = TypingTest.TYPED.substring(typed, typed + width);
          lsp.edit(uri, ++version, at.getLine(), at.getCharacter(), at.getLine(), at.getCharacter(), key);
          text = text.substring(0, offset) + key + text.substring(offset);
          offset += width;
          typed += width;
        }
        keystrokes++;
        Thread.sleep(10);
      }
      lastKey = System.nanoTime();
      int last = version;
      PublishDiagnosticsParams fin = lsp.awaitDiagnostics(uri, last);
      long settleMillis = (System.nanoTime() - lastKey) / 1_000_000;
      Thread.sleep(300); // anything still in flight arrives now: nothing older may follow

      List<PublishDiagnosticsParams> published = lsp.published(uri);
      int newest = 0;
      for (PublishDiagnosticsParams p : published) {
        assertTrue(p.getVersion() >= newest, "version " + p.getVersion() + " published after " + newest);
        newest = p.getVersion();
      }
      assertEquals(last, newest, "the last publication is for the final text");

      List<Diagnostic> expected = TestClient.expectedDiagnostics(dir.toUri(), Map.of(uri, text), uri);
      assertEquals(IncrementalSyncTest.render(expected), IncrementalSyncTest.render(fin.getDiagnostics()));
      assertEquals(expected, fin.getDiagnostics());
      assertTrue(keystrokes > seconds * 20, "typed " + keystrokes + " keys in " + seconds + " s");
      System.err.printf("[typing] %d s, %d keystrokes into %d lines, %d publications, final diagnostics %d ms after the last key, %d findings%n",
          seconds, keystrokes, text.lines().count(), published.size(), settleMillis, expected.size());
    }
  }
}
