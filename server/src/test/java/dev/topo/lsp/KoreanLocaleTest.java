package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.topo.KoreanText;
import dev.topo.Slow;
import dev.topo.TestFiles;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over the protocol, with {@code topology.locale: ko}: diagnostics, their notes, code-action
 * titles, lenses and hints are Korean.
 */
class KoreanLocaleTest {
  @TempDir
  Path dir;

  static final String TEXT = """
      host win-01 {
        os windows
        runtime docker
        container web { os linux; image "web:1.0"; cpu 1; memory 1Gi }
      }
      """;

  @Test
  void diagnosticsAndCodeActionsFollowTheLocaleSetting() throws Exception {
    URI uri = dir.resolve("main.topo").toUri();
    JsonObject settings = new JsonObject();
    settings.addProperty("locale", "ko");
    try (TestClient lsp = new TestClient()) {
      lsp.initialize(dir.toUri(), new ClientCapabilities(), settings, "en-US");
      lsp.open(uri, TEXT);
      Diagnostic mismatch = lsp.awaitDiagnostics(uri, 1).getDiagnostics().stream()
          .filter(d -> d.getCode().getLeft().equals("container-os-mismatch")).findFirst().orElseThrow();
      assertEquals("'web' 컨테이너의 OS는 Linux입니다. 그런데 이 컨테이너를 실행하는 'win-01' 호스트의 커널은 Windows입니다",
          mismatch.getMessage().getLeft());
      assertEquals("'win-01' 호스트의 OS는 Windows입니다", mismatch.getRelatedInformation().get(0).getMessage());

      List<CodeAction> actions = lsp.await(lsp.documents().codeAction(new CodeActionParams(
          new TextDocumentIdentifier(uri.toString()), mismatch.getRange(), new CodeActionContext(List.of(mismatch)))))
          .stream().map(Either::getRight).toList();
      List<String> titles = actions.stream().map(CodeAction::getTitle).toList();
      assertEquals(List.of("'web' 컨테이너를 'win-01' 호스트의 새 Linux VM('win-01-linux')으로 이동하고 'hypervisor hyper-v' 선언",
          "'web' 컨테이너를 'win-01' 호스트와 같은 Windows 컨테이너로 선언(이미지가 정말 Windows 이미지일 때만)",
          "topo-ignore로 'container-os-mismatch' 억제"), titles);
      assertEquals(List.of(mismatch), actions.get(0).getDiagnostics(), "the action carries the diagnostic as it was published");
    }
  }

  @Test
  void lensesAndHintsFollowTheLocaleSetting() throws Exception {
    URI uri = dir.resolve("main.topo").toUri();
    TextDocumentIdentifier document = new TextDocumentIdentifier(uri.toString());
    JsonObject settings = new JsonObject();
    settings.addProperty("locale", "ko");
    try (TestClient lsp = new TestClient()) {
      lsp.initialize(dir.toUri(), new ClientCapabilities(), settings, null);
      lsp.open(uri, CodeActionRoundTripTest.TEXT);
      lsp.awaitDiagnostics(uri, 1);
      List<? extends CodeLens> lenses = lsp.await(lsp.documents().codeLens(new CodeLensParams(document)));
      assertEquals(List.of("CPU 1/8 · 메모리 1/16 GiB", "요청 CPU 4/7 여유 · 메모리 4/15 GiB 여유"),
          lenses.stream().map(l -> l.getCommand().getTitle()).toList());
      List<InlayHint> hints = lsp.await(lsp.documents().inlayHint(new InlayHintParams(document,
          new Range(new Position(0, 0), new Position(20, 0)))));
      assertEquals(List.of("= 총 CPU 4 · 메모리 4 GiB"), hints.stream().map(h -> h.getLabel().getLeft()).toList());
      assertEquals("'p' 파드의 레플리카 2개, 각각 CPU 2, 메모리 2 GiB 요청(컨테이너 요청의 합)",
          hints.get(0).getTooltip().getRight().getValue());
    }
  }

  /** A Markdown link's target ({@code (command:...)}): an address, not words. */
  static final Pattern LINK_TARGET = Pattern.compile("\\]\\([^)]*\\)");
  /** Where a hover may say something: the first of each word of the samples' code, and every diagnostic's start. */
  static final Pattern WORD = Pattern.compile("[\\w\"{}]+");

  /**
   * Every sample opened in a Korean session: what the server shows a user (diagnostics and
   * their notes, hovers on findings, keywords and entities, code-action titles, lenses,
   * inlay hints and their tooltips) has no English words, by the scan the CLI's test uses.
   * About 900 hovers: under a minute on a loaded machine, so the quick loop leaves it out.
   */
  @Test
  @Slow
  void whatTheServerShowsOnTheSamplesHasNoEnglish() throws Exception {
    Set<String> ids = KoreanText.ids();
    JsonObject settings = new JsonObject();
    settings.addProperty("locale", "ko");
    List<String> english = new ArrayList<>();
    Map<String, Integer> scanned = new TreeMap<>();
    Set<String> words = new HashSet<>();
    try (TestClient lsp = new TestClient(); Stream<Path> walk = Files.walk(TestFiles.samples())) {
      lsp.initialize(TestFiles.samples().toUri(), new ClientCapabilities(), settings, null);
      for (Path file : walk.filter(f -> f.toString().endsWith(".topo")).sorted().toList()) {
        URI uri = file.toUri();
        String text = Files.readString(file);
        TextDocumentIdentifier document = new TextDocumentIdentifier(uri.toString());
        Set<String> shown = new LinkedHashSet<>();
        BiConsumer<String, String> scan = (what, said) -> {
          scanned.merge(what, 1, Integer::sum);
          List<String> found = KoreanText.english(LINK_TARGET.matcher(said).replaceAll("]"), ids);
          if (!found.isEmpty() && shown.add(said)) {
            english.add(file.getFileName() + " " + what + " " + found + " in: " + said);
          }
        };
        lsp.open(uri, text);
        List<Diagnostic> diagnostics = lsp.awaitDiagnostics(uri, 1).getDiagnostics();
        for (Diagnostic d : diagnostics) {
          scan.accept("diagnostic", d.getMessage().getLeft());
          if (d.getRelatedInformation() != null) {
            d.getRelatedInformation().forEach(r -> scan.accept("note", r.getMessage()));
          }
          for (Either<Command, CodeAction> action : lsp.await(lsp.documents().codeAction(new CodeActionParams(
              document, d.getRange(), new CodeActionContext(List.of(d)))))) {
            scan.accept("code action", action.isLeft() ? action.getLeft().getTitle() : action.getRight().getTitle());
          }
        }
        List<Position> places = new ArrayList<>(diagnostics.stream().map(d -> d.getRange().getStart()).toList());
        List<String> lines = text.lines().toList();
        List<String> code = KoreanText.code(text).lines().toList();
        for (int line = 0; line < code.size(); line++) {
          Matcher word = WORD.matcher(code.get(line));
          while (word.find()) {
            if (words.add(word.group())) { // each keyword, name or value once: the same word says the same
              places.add(new Position(line, word.start()));
            }
          }
        }
        for (Position at : places) {
          Hover hover = lsp.await(lsp.documents().hover(new HoverParams(document, at)));
          if (hover != null) {
            scan.accept("hover", hover.getContents().getRight().getValue());
          }
        }
        for (CodeLens lens : lsp.await(lsp.documents().codeLens(new CodeLensParams(document)))) {
          scan.accept("lens", lens.getCommand().getTitle());
        }
        List<InlayHint> hints = lsp.await(lsp.documents().inlayHint(new InlayHintParams(document,
            new Range(new Position(0, 0), new Position(lines.size(), 0)))));
        for (InlayHint hint : hints) {
          scan.accept("hint", hint.getLabel().getLeft());
          if (hint.getTooltip() != null) {
            scan.accept("hint", hint.getTooltip().isLeft() ? hint.getTooltip().getLeft() : hint.getTooltip().getRight().getValue());
          }
        }
      }
    }
    for (String what : List.of("diagnostic", "note", "code action", "hover", "lens", "hint")) {
      assertTrue(scanned.getOrDefault(what, 0) >= 5, "only " + scanned + " scanned");
    }
    assertEquals(List.of(), english, english.size() + " texts with English");
  }
}
