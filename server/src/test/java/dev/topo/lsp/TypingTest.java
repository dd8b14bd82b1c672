package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.Slow;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Typing through a large file one character at a time, as an editor sends it: one
 * {@code didChange} per keystroke, without waiting for the server. Diagnostics must never
 * go back to an older version, and the last ones must be those of the final text.
 */
@Slow
class TypingTest {
  @TempDir
  Path dir;

  /**
   * A new host typed in the middle of the file, so that every finding after it moves. It
   * ends with a container whose OS does not match its host's kernel, and has a comment with
   * Korean text and a character outside the BMP (two UTF-16 units) to keep columns honest.
   */
  static final String TYPED = """
      host typed-01 {
        os windows "server 2022"  // 새 호스트 𝄞
        cpu 16
        memory 32GiB
        runtime docker "24.0"

        vm typed-vm {
          os linux "debian 12"
          cpu 4
          memory 8GiB
        }

        container typed-web {
          os linux
          image "registry.example.com/typed/web:1.0.0"
          cpu 1
          memory 1GiB
        }
      }

      """;

  /**
   * @param pauseAtKey a pause after each keystroke: with 0 every analysis but the last is
   *     overtaken, so only the last version is published; with a few milliseconds the
   *     half-typed states in between are analysed too (and must not break the analysis)
   * @param pauseAtLineEnd a pause at each line end, as a typist makes, long enough for an
   *     analysis to finish: intermediate versions are then published, and their order is
   *     checked on many publications
   */
  @ParameterizedTest(name = "pauses of {0} ms at each key and {1} ms at each line end")
  @CsvSource({"0, 0", "3, 0", "0, 100"})
  @Timeout(60) // each run takes a few seconds; a hang must still end the build
  void typingThroughALargeFileNeverPublishesStaleDiagnosticsNorLogsAnException(int pauseAtKey, int pauseAtLineEnd)
      throws Exception {
    String sample = generate(29);
    assertTrue(sample.lines().count() >= 1900, "a sample of about 2,000 lines: " + sample.lines().count());
    URI uri = dir.resolve("fleet.topo").toUri();

    // LSP4J reports an exception thrown by a notification handler (didChange) only through
    // java.util.logging, which the test client silences: listen to it while typing.
    Logger jsonrpc = Logger.getLogger("org.eclipse.lsp4j.jsonrpc");
    List<LogRecord> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
    Handler recorder = new Handler() {
      @Override
      public void publish(LogRecord record) {
        problems.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    List<Throwable> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();

    long started = System.nanoTime();
    try (TestClient lsp = new TestClient()) {
      lsp.initialize(dir.toUri());
      Level level = jsonrpc.getLevel(); // as TestClient set it: it silences closed sockets
      jsonrpc.setLevel(Level.WARNING);
      jsonrpc.addHandler(recorder);
      Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
      try {
        lsp.open(uri, sample);
        lsp.awaitDiagnostics(uri, 1);

        // Type at the start of the line of the middle host's comment.
        int line = lineOf(sample, "// host 20");
        int character = 0;
        int version = 1;
        String text = sample;
        int offset = text.indexOf("// host 20");
        for (int i = 0; i < TYPED.length(); ) {
          int width = Character.charCount(TYPED.codePointAt(i)); // a surrogate pair is one keystroke
          String typed = TYPED.substring(i, i + width);
          lsp.edit(uri, ++version, line, character, line, character, typed);
          if (pauseAtKey > 0) {
            Thread.sleep(pauseAtKey);
          }
          text = text.substring(0, offset) + typed + text.substring(offset);
          offset += width;
          i += width;
          if (typed.equals("\n")) {
            line++;
            character = 0;
            if (pauseAtLineEnd > 0) {
              Thread.sleep(pauseAtLineEnd);
            }
          } else {
            character += width; // UTF-16 units, as the protocol counts
          }
        }
        int last = version;
        PublishDiagnosticsParams fin = lsp.awaitDiagnostics(uri, last);
        // Anything still in flight would arrive now; nothing older may follow the final version.
        Thread.sleep(300);

        List<PublishDiagnosticsParams> published = lsp.published(uri);
        int newest = 0;
        for (PublishDiagnosticsParams p : published) {
          assertNotNull(p.getVersion(), "every publication carries its version");
          assertTrue(p.getVersion() >= newest,
              "version " + p.getVersion() + " published after version " + newest + ": " + versions(published));
          newest = p.getVersion();
        }
        assertEquals(last, published.get(published.size() - 1).getVersion(), "the last publication is for the final text");

        // The same diagnostics as a fresh session that sees only the final text.
        List<Diagnostic> expected = TestClient.expectedDiagnostics(dir.toUri(), Map.of(uri, text), uri);
        assertEquals(expected, fin.getDiagnostics());
        assertTrue(expected.stream().anyMatch(d -> d.getCode().getLeft().equals("container-os-mismatch")
            && d.getMessage().getLeft().contains("typed-web")), "the typed block's own finding is there: " + expected);

        List<MessageParams> logged = lsp.logs().stream()
            .filter(m -> m.getType() == MessageType.Error || m.getMessage().contains("Exception")
                || m.getMessage().contains("\tat "))
            .toList();
        assertEquals(List.of(), logged, "the server's log holds no exception");
        assertEquals(List.of(), problems.stream().map(r -> r.getLevel() + " " + r.getMessage() + " " + r.getThrown()).toList(),
            "LSP4J logged no failure");
        assertEquals(List.of(), uncaught, "no thread died of an exception");
      } finally {
        Thread.setDefaultUncaughtExceptionHandler(previous);
        jsonrpc.removeHandler(recorder);
        jsonrpc.setLevel(level);
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertTrue(took.toSeconds() < 10, "typed through the sample in " + took.toMillis() + " ms");
  }

  private static List<Integer> versions(List<PublishDiagnosticsParams> published) {
    List<Integer> versions = new ArrayList<>();
    published.forEach(p -> versions.add(p.getVersion()));
    return versions;
  }

  private static int lineOf(String text, String piece) {
    int at = text.indexOf(piece);
    return (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
  }

  /**
   * A fleet of hosts, each with a VM running a container and a module, containers on the
   * host itself, and a cluster over all of them with a pod per host. A few findings are
   * planted (missing limits, an unpinned image) so that there is something to publish and
   * its positions move as text is typed above them.
   */
  static String generate(int hosts) {
    StringBuilder s = new StringBuilder("// A generated fleet for the typing test.\n\n");
    for (int h = 0; h < hosts; h++) {
      String n = String.format("%02d", h);
      s.append("// host ").append(h).append('\n');
      s.append("host node-").append(n).append(" {\n")
          .append("  os linux \"ubuntu 22.04\"\n")
          .append("  cpu 64\n")
          .append("  memory 256GiB\n")
          .append("  hypervisor kvm\n")
          .append("  runtime containerd \"1.7\"\n")
          .append("  library openssl \"3.0.2\"\n\n");
      for (String v : List.of("a", "b")) {
        s.append("  vm vm-").append(n).append('-').append(v).append(" {\n")
            .append("    os linux \"debian 12\"\n")
            .append("    cpu 8\n")
            .append("    memory 16GiB\n")
            .append("    runtime docker \"24.0\"\n")
            .append("    library openjdk \"17.0.9\"\n\n")
            .append("    container app-").append(n).append('-').append(v).append(" {\n")
            .append("      os linux\n")
            .append("      image \"registry.example.com/fleet/app:1.").append(h).append(".0\"\n")
            .append("      cpu 1\n");
        if (!(h % 10 == 3 && v.equals("a"))) {
          s.append("      memory 1GiB\n"); // else: missing-limits
        }
        s.append("      library openjdk \"17.0.9\"\n\n")
            .append("      module svc-").append(n).append('-').append(v).append(" {\n")
            .append("        language java\n")
            .append("        requires openjdk \">=17 <18\"\n")
            .append("        load medium\n")
            .append("      }\n")
            .append("    }\n")
            .append("  }\n\n");
      }
      s.append("  container proxy-").append(n).append(" {\n")
          .append("    os linux\n")
          .append("    image \"registry.example.com/fleet/proxy")
          .append(h % 10 == 7 ? ":latest" : ":2.4.1").append("\"\n") // :latest is unpinned
          .append("    cpu 0.5\n")
          .append("    memory 512MiB\n")
          .append("  }\n")
          .append("}\n\n");
    }
    s.append("cluster fleet {\n  nodes ");
    for (int h = 0; h < hosts; h++) {
      s.append(h == 0 ? "" : ", ").append("node-").append(String.format("%02d", h));
    }
    s.append("\n\n");
    for (int h = 0; h < hosts; h++) {
      s.append("  pod web-").append(h).append(" {\n")
          .append("    replicas 2\n")
          .append("    container web {\n")
          .append("      os linux\n")
          .append("      image \"registry.example.com/fleet/web:3.").append(h).append(".1\"\n")
          .append("      cpu 0.5\n")
          .append("      memory 512MiB\n")
          .append("    }\n")
          .append("  }\n\n");
    }
    s.append("}\n");
    return s.toString();
  }
}
