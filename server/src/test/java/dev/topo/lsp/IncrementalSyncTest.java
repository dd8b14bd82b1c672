package dev.topo.lsp;

import dev.topo.ide.Snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.Slow;
import dev.topo.TestFiles;
import dev.topo.check.Cancellation;
import dev.topo.tools.TopologyGenerator;
import dev.topo.workspace.TextDocument;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental sync gives exactly what a full analysis gives. Seeded random edit sequences
 * (insertions, deletions and replacements of random ranges by random fragments of topology
 * text, several changes in one {@code didChange}, CRLF and lone CR line ends, characters past
 * a line's end, whole-text replacements, version gaps) are sent to the server's
 * {@code didChange}, which applies them with {@link TextDocument#edit}. A model of the client
 * applies the same changes as the LSP defines them; at the end, the server's text must be
 * the client's, and the server's analysis (through its caches, which random snapshots in
 * between have filled) must equal, span for span, the analysis of the final text by a new
 * session. A quarter of the sequences edit an imported open document too, and the
 * importer's analysis must follow.
 */
@Slow
class IncrementalSyncTest {
  static final URI ROOT = URI.create("file:///topo-incremental-test/ws/"); // nothing there on disk
  static final URI MAIN = ROOT.resolve("main.topo");
  static final URI LIB = ROOT.resolve("lib.topo");
  /** How many sequences; {@code -Dtopo.incremental.sequences=N} runs more. */
  static final int SEQUENCES = Integer.getInteger("topo.incremental.sequences", 1_000);

  /** Pieces that edits insert: tokens, statements, line ends of every kind, comments, odd characters. */
  static final String[] PIECES = {"", " ", "  ", "\n", "\r\n", "\r", "\t", "{", "}", "{\n", "}\n", "\"", ";", ",",
      "//", "/*", "*/", "// a comment\n", "/* c */", "host ", "vm ", "container ", "pod ", "module ", "cluster ",
      "os linux", "os windows \"server 2022\"", "cpu 4", "cpu 0.5", "memory 8GiB", "memory 512MiB",
      "image \"registry.example.com/a/b:1.0\"", "image \"x:latest\"", "runtime docker \"24.0\"", "hypervisor kvm",
      "library openssl \"3.0.2\"", "requires openssl \">=3\"", "nodes n1, n2", "replicas 3", "load high",
      "language java", "privileged true", "import \"lib.topo\"\n", "import \"main.topo\"\n", "import \"../x.topo\"\n",
      "// topo-ignore missing-limits\n", "// topo-ignore unpinned-image because\r\n", "😀", "𝄞", "é", "한국어",
      "\uFEFF", "\u0000", "\uD800", "n1", "web", "host-0", "-", "1.5", "999999999999999999999", "Gi"};

  static List<String> corpus;

  @BeforeAll
  static void readCorpus() throws IOException {
    List<String> texts = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(TestFiles.samples())) {
      for (Path p : walk.filter(f -> f.toString().endsWith(".topo")).sorted().toList()) {
        texts.add(Files.readString(p));
      }
    }
    texts.add(new TopologyGenerator(11).single(200));
    texts.add(new TopologyGenerator(12).single(400));
    texts.add("");
    int plain = texts.size();
    for (int i = 0; i < plain; i += 3) {
      texts.add(texts.get(i).replace("\n", "\r\n")); // files written on Windows
    }
    texts.add(texts.get(0).replace("\n", "\r")); // and the old Mac line end
    corpus = texts;
  }

  /** One sequence's documents as the client has them, and the events that made them, for the failure message. */
  static final class Script {
    final Random random;
    final Map<URI, String> texts = new LinkedHashMap<>();
    final Map<URI, Integer> versions = new LinkedHashMap<>();
    final List<String> log = new ArrayList<>();

    /**
     * No lone surrogates: LSP4J's client writes them raw and the UTF-8 stream turns them
     * into '?' before the server sees them (a JavaScript client escapes them), so a sequence
     * sent over the protocol keeps every character whole.
     */
    final boolean wellFormed;

    Script(long seed, boolean wellFormed) {
      this.random = new Random(seed);
      this.wellFormed = wellFormed;
    }

    String fragment() {
      String fragment = anyFragment();
      while (wellFormed && !whole(fragment)) {
        fragment = anyFragment();
      }
      return fragment;
    }

    private String anyFragment() {
      Random r = random;
      switch (r.nextInt(5)) {
        case 0, 1:
          return PIECES[r.nextInt(PIECES.length)];
        case 2: {
          StringBuilder s = new StringBuilder();
          for (int i = 1 + r.nextInt(4); i > 0; i--) {
            s.append(PIECES[r.nextInt(PIECES.length)]).append(r.nextBoolean() ? " " : "\n");
          }
          return s.toString();
        }
        case 3: {
          String source = corpus.get(r.nextInt(corpus.size()));
          int from = source.isEmpty() ? 0 : r.nextInt(source.length());
          return source.substring(from, Math.min(source.length(), from + r.nextInt(80)));
        }
        default: {
          String n = "t" + r.nextInt(50);
          String eol = r.nextInt(4) == 0 ? "\r\n" : "\n";
          return String.join(eol, "host " + n + " {", "  os linux", "  cpu 2", "  memory 4GiB",
              "  runtime docker", "  container c" + n + " { os linux; image \"a:1\"; cpu 1" + (r.nextBoolean() ? "; memory 1Gi" : "") + " }",
              "}", "");
        }
      }
    }

    /** A random range of the text: mostly short, sometimes long, rarely to the end; sometimes past a line's end. */
    Range range(String text) {
      Random r = random;
      int start = r.nextInt(text.length() + 1);
      if (wellFormed) {
        start = boundary(text, start);
      }
      int length = switch (r.nextInt(10)) {
        case 0, 1, 2, 3 -> 0;
        case 4, 5, 6 -> r.nextInt(8);
        case 7, 8 -> r.nextInt(200);
        default -> text.length();
      };
      Position from = Edits.position(text, start);
      int end = Math.min(text.length(), start + length);
      if (wellFormed) {
        end = boundary(text, end);
      }
      Position to = Edits.position(text, end);
      if (r.nextInt(20) == 0) { // a character past the line's end, which the LSP clamps
        to = new Position(to.getLine(), to.getCharacter() + 1 + r.nextInt(6));
        if (r.nextBoolean() && from.getLine() < to.getLine()) {
          from = new Position(from.getLine(), from.getCharacter() + 1 + r.nextInt(6));
        }
      }
      if (r.nextInt(100) == 0) { // a line past the last, which is the end of the text
        to = new Position(Edits.position(text, text.length()).getLine() + 1 + r.nextInt(3), r.nextInt(3));
      }
      return new Range(from, to);
    }

    /** A didChange of one to five changes to one document, applied to the client's text as it goes. */
    DidChangeTextDocumentParams change(URI uri) {
      String text = texts.get(uri);
      List<TextDocumentContentChangeEvent> changes = new ArrayList<>();
      int count = random.nextInt(4) == 0 ? 2 + random.nextInt(4) : 1;
      for (int i = 0; i < count; i++) {
        String fragment = fragment();
        if (random.nextInt(40) == 0) {
          String whole = corpus.get(random.nextInt(corpus.size())) + fragment;
          changes.add(new TextDocumentContentChangeEvent(whole));
          text = whole;
        } else {
          Range range = range(text);
          changes.add(new TextDocumentContentChangeEvent(range, fragment));
          text = Edits.apply(text, range, fragment);
        }
      }
      int version = versions.get(uri) + (random.nextInt(10) == 0 ? 2 + random.nextInt(5) : 1); // gaps are allowed
      texts.put(uri, text);
      versions.put(uri, version);
      log.add(uri.getPath().substring(ROOT.getPath().length()) + " v" + version + ": " + describe(changes));
      return new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri.toString(), version), changes);
    }

    DidOpenTextDocumentParams open(URI uri, String text) {
      texts.put(uri, text);
      versions.put(uri, 1);
      return new DidOpenTextDocumentParams(new TextDocumentItem(uri.toString(), "topology", 1, text));
    }

    String context(long seed) {
      return "sequence with seed " + seed + ":\n  " + String.join("\n  ", log) + "\n";
    }
  }

  /** Whether a text has no lone surrogate. */
  static boolean whole(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** The offset moved back to the start of the character it splits, if it splits one. */
  static int boundary(String text, int offset) {
    return offset > 0 && offset < text.length() && Character.isHighSurrogate(text.charAt(offset - 1))
        && Character.isLowSurrogate(text.charAt(offset)) ? offset - 1 : offset;
  }

  static String describe(List<TextDocumentContentChangeEvent> changes) {
    List<String> parts = new ArrayList<>();
    for (TextDocumentContentChangeEvent c : changes) {
      String text = visible(c.getText());
      parts.add(c.getRange() == null ? "all := \"" + abbreviate(text) + "\""
          : c.getRange().getStart().getLine() + ":" + c.getRange().getStart().getCharacter() + "-"
              + c.getRange().getEnd().getLine() + ":" + c.getRange().getEnd().getCharacter() + " := \"" + abbreviate(text) + "\"");
    }
    return String.join(", ", parts);
  }

  /** Diagnostics one a line, for failure messages that can be read. */
  static String render(List<Diagnostic> diagnostics) {
    StringBuilder s = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      Range r = d.getRange();
      s.append(r.getStart().getLine()).append(':').append(r.getStart().getCharacter()).append('-')
          .append(r.getEnd().getLine()).append(':').append(r.getEnd().getCharacter()).append(' ')
          .append(d.getCode().getLeft()).append(' ').append(visible(d.getMessage().getLeft())).append('\n');
    }
    return s.toString();
  }

  /** Control characters and lone surrogates escaped, so that a failure message survives the test report. */
  static String visible(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        out.append("\\\\");
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c < 0x20 || c == 0xFEFF || Character.isSurrogate(c)
          && !(Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
          && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…(" + s.length() + ")";
  }

  static long seed(int sequence) {
    return 0x5EED_0000L + 7_919L * sequence;
  }

  /**
   * The server itself, its methods called directly as LSP4J calls them, initialized by a
   * client that pulls diagnostics: nothing is analysed until asked, so that this test takes
   * the snapshots itself, at chosen moments.
   */
  static TopoLanguageServer server() {
    ClientCapabilities pulling = new ClientCapabilities();
    pulling.setTextDocument(new TextDocumentClientCapabilities());
    pulling.getTextDocument().setDiagnostic(new DiagnosticCapabilities());
    InitializeParams params = new InitializeParams();
    params.setCapabilities(pulling);
    params.setWorkspaceFolders(List.of(new WorkspaceFolder(ROOT.toString(), "ws")));
    TopoLanguageServer server = new TopoLanguageServer(status -> {});
    server.initialize(params).join();
    return server;
  }

  /** A new session over the same workspace, for the full analysis to compare with. */
  static Session freshSession() {
    Session session = new Session();
    session.setRoots(List.of(ROOT));
    return session;
  }

  @Test
  @Timeout(300) // 5 to 8 s on two busy cores; a hang must still end the build
  void randomEditSequencesGiveTheTextModelAndFindingsOfAFullAnalysis() {
    int imported = 0;
    int changes = 0;
    for (int sequence = 0; sequence < SEQUENCES; sequence++) {
      long seed = seed(sequence);
      Script script = new Script(seed, false);
      Random r = script.random;
      boolean withImport = sequence % 4 == 3;
      TopoLanguageServer server = server();
      Session session = server.session();
      TextDocumentService service = server.getTextDocumentService();
      String start = corpus.get(r.nextInt(corpus.size()));
      if (withImport) {
        imported++;
        service.didOpen(script.open(LIB, corpus.get(r.nextInt(corpus.size()))));
        start = "import \"lib.topo\"\ncluster k { nodes host-0, n1 }\n" + start;
      }
      service.didOpen(script.open(MAIN, start));
      for (int events = 1 + r.nextInt(10); events > 0; events--) {
        URI target = withImport && r.nextBoolean() ? LIB : MAIN;
        DidChangeTextDocumentParams params = script.change(target);
        changes += params.getContentChanges().size();
        String before = session.documents().get(target).orElseThrow().text();
        service.didChange(params);
        // Checked at once, so that a failure names the change that went wrong.
        assertEquals(visible(script.texts.get(target)), visible(session.documents().get(target).orElseThrow().text()),
            "the server's text is the client's after the last change; " + script.context(seed) + "from: " + visible(before));
        if (r.nextInt(3) == 0) { // fills the caches mid-way, as the diagnostics would
          session.snapshot(r.nextBoolean() ? MAIN : target, Cancellation.NONE);
        }
      }
      assertLikeAFullAnalysis(session, script, seed);
      server.shutdown();
      server.exit();
    }
    System.err.printf("[incremental] %d sequences (%d with an open import), %d changes%n", SEQUENCES, imported, changes);
    assertTrue(imported >= SEQUENCES / 5 && changes > SEQUENCES * 3, "the sequences exercise what they should");
  }

  /** The server's text, analysis and diagnostics of every open document equal a new session's on the final texts. */
  static void assertLikeAFullAnalysis(Session session, Script script, long seed) {
    Session fresh = freshSession();
    script.texts.forEach((uri, text) -> fresh.documents().open(new TextDocument(uri, script.versions.get(uri), text)));
    for (URI uri : script.texts.keySet()) {
      String context = script.context(seed) + "document " + uri;
      TextDocument document = session.documents().get(uri).orElseThrow();
      assertEquals(visible(script.texts.get(uri)), visible(document.text()), "the server's text is the client's; " + context);
      assertEquals(script.versions.get(uri), document.version(), context);
      Snapshot incremental = session.snapshot(uri, Cancellation.NONE).orElseThrow();
      Snapshot full = fresh.snapshot(uri, Cancellation.NONE).orElseThrow();
      assertEquals(AnalysisView.of(full.analysis()), AnalysisView.of(incremental.analysis()), context);
      assertEquals(DiagnosticsFeature.diagnostics(full, fresh.settings()),
          DiagnosticsFeature.diagnostics(incremental, session.settings()), context);
    }
  }

  /**
   * The same kind of sequences through the whole server over a socket: LSP4J's JSON
   * (de)serialisation of multi-change events included. The pushed diagnostics of a document's
   * final version, and the pulled ones of every document (an importer too), equal a new
   * session's diagnostics of the final texts.
   */
  @Test
  @Timeout(120)
  void throughTheProtocolTheLastDiagnosticsAreThoseOfAFullAnalysis(@TempDir Path dir) throws Exception {
    URI root = dir.toUri();
    try (TestClient lsp = new TestClient()) {
      lsp.initialize(root);
      TextDocumentService documents = lsp.documents();
      for (int sequence = 0; sequence < 30; sequence++) {
        long seed = seed(SEQUENCES + sequence);
        Script script = new Script(seed, true);
        Random r = script.random;
        boolean withImport = sequence % 3 == 2;
        URI main = root.resolve("main-" + sequence + ".topo");
        URI lib = root.resolve("lib-" + sequence + ".topo");
        String start = corpus.get(r.nextInt(corpus.size()));
        if (withImport) {
          documents.didOpen(script.open(lib, corpus.get(r.nextInt(corpus.size()))));
          start = "import \"lib-" + sequence + ".topo\"\ncluster k { nodes host-0, n1 }\n" + start;
        }
        documents.didOpen(script.open(main, start));
        for (int events = 1 + r.nextInt(10); events > 0; events--) {
          documents.didChange(script.change(withImport && r.nextBoolean() ? lib : main));
          if (r.nextInt(4) == 0) {
            Thread.sleep(r.nextInt(20)); // let some intermediate versions be analysed
          }
        }

        for (URI uri : script.texts.keySet()) {
          String context = script.context(seed) + "document " + uri;
          List<Diagnostic> expected = TestClient.expectedDiagnostics(root, script.texts, uri);
          DocumentDiagnosticReport pulled = lsp.await(documents.diagnostic(new DocumentDiagnosticParams(
              new TextDocumentIdentifier(uri.toString()))));
          assertEquals(render(expected), render(pulled.getLeft().getItems()), "pulled; " + context);
          assertEquals(expected, pulled.getLeft().getItems(), "pulled; " + context);
          if (!withImport) { // with an import, a re-check for the import's edit may publish the same version again
            int version = script.versions.get(uri);
            List<Diagnostic> pushed = lsp.awaitDiagnostics(uri, version)
                .getDiagnostics();
            assertEquals(render(expected), render(pushed), "pushed; " + context);
            assertEquals(expected, pushed, "pushed; " + context);
          }
        }
        for (URI uri : script.texts.keySet()) {
          documents.didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri.toString())));
        }
      }
    }
  }
}
