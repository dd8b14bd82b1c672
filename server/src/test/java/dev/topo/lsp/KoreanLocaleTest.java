package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Over the protocol, with {@code topology.locale: ko}: diagnostics, their notes and code-action titles are Korean. */
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
      assertTrue(titles.contains("'web' 컨테이너의 OS를 'win-01' 호스트의 커널과 같은 Windows로 변경"), titles.toString());
      assertTrue(titles.contains("topo-ignore로 'container-os-mismatch' 숨기기"), titles.toString());
      CodeAction fix = actions.stream().filter(a -> Boolean.TRUE.equals(a.getIsPreferred())).findFirst().orElseThrow();
      assertEquals(List.of(mismatch), fix.getDiagnostics(), "the action carries the diagnostic as it was published");
    }
  }
}
