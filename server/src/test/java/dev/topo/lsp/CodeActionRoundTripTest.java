package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over the protocol: the capabilities are declared, a quick fix asked for a published
 * diagnostic is applied as the client would and the next diagnostics no longer have it, and
 * lenses and hints arrive.
 */
class CodeActionRoundTripTest {
  @TempDir
  Path dir;

  static final String TEXT = """
      host win-01 {
        os windows
        cpu 8
        memory 16GiB
        runtime docker
        container web { os linux; image "web:1.0"; cpu 1; memory 1Gi }
      }

      cluster k {
        nodes win-01
        pod p {
          replicas 2
          container api { os windows; image "api:1.0"; cpu 2; memory 2GiB }
        }
      }
      """;

  @Test
  void aQuickFixForAPublishedDiagnosticClearsItAndLensesAndHintsArrive() throws Exception {
    URI uri = dir.resolve("main.topo").toUri();
    TextDocumentIdentifier document = new TextDocumentIdentifier(uri.toString());
    try (TestClient lsp = new TestClient()) {
      var capabilities = lsp.initialize(dir.toUri()).getCapabilities();
      assertTrue(capabilities.getCodeActionProvider().getRight().getCodeActionKinds()
          .containsAll(List.of(CodeActionKind.QuickFix, CodeActionKind.RefactorExtract, CodeActionKind.Source)));
      assertEquals(Boolean.FALSE, capabilities.getCodeLensProvider().getResolveProvider());
      assertEquals(Boolean.TRUE, capabilities.getInlayHintProvider().getLeft());

      lsp.open(uri, TEXT);
      PublishDiagnosticsParams published = lsp.awaitDiagnostics(uri, 1);
      Diagnostic mismatch = published.getDiagnostics().stream()
          .filter(d -> d.getCode().getLeft().equals("container-os-mismatch")).findFirst().orElseThrow();

      List<Either<Command, CodeAction>> actions = lsp.await(lsp.documents()
          .codeAction(new CodeActionParams(document, mismatch.getRange(), new CodeActionContext(List.of(mismatch)))));
      // The move into a Linux VM: several edits in one document, the hypervisor's among them.
      CodeAction fix = actions.stream().map(Either::getRight)
          .filter(a -> a.getTitle().startsWith("Move container 'web' into a new linux VM")).findFirst().orElseThrow();
      assertEquals(List.of(mismatch), fix.getDiagnostics());
      List<TextEdit> edits = new ArrayList<>(fix.getEdit().getChanges().get(uri.toString()));

      // As a client applies a workspace edit: the last edit first, each as a change of the buffer.
      edits.sort(Comparator.comparing((TextEdit e) -> e.getRange().getStart().getLine())
          .thenComparing(e -> e.getRange().getStart().getCharacter()).reversed());
      List<TextDocumentContentChangeEvent> changes = edits.stream()
          .map(e -> new TextDocumentContentChangeEvent(e.getRange(), e.getNewText())).toList();
      lsp.documents().didChange(
          new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri.toString(), 2), changes));
      PublishDiagnosticsParams after = lsp.awaitDiagnostics(uri, 2);
      assertTrue(after.getDiagnostics().stream().noneMatch(d -> d.getCode().getLeft().equals("container-os-mismatch")),
          after.toString());

      List<? extends CodeLens> lenses = lsp.await(lsp.documents().codeLens(new CodeLensParams(document)));
      assertEquals(List.of("cpu 1/8 · memory 1/16 GiB", "cpu 1/1 · memory 1/1 GiB", "requests cpu 4/7 free · memory 4/15 GiB free"),
          lenses.stream().map(l -> l.getCommand().getTitle()).toList());

      List<InlayHint> hints = lsp.await(lsp.documents().inlayHint(new InlayHintParams(document,
          new Range(new Position(0, 0), new Position(20, 0)))));
      assertEquals(List.of("= 4 cpu · 4 GiB in all"), hints.stream().map(h -> h.getLabel().getLeft()).toList());
      // Eight lines down: the hypervisor, and the VM's opening, four statements, closing and blank line.
      assertEquals(new Position(19, 14), hints.get(0).getPosition());
    }
  }
}
