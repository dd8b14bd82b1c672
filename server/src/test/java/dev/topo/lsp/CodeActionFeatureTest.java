package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.check.Cancellation;
import dev.topo.check.Finding;
import dev.topo.ide.CodeActions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

/**
 * Code actions on the wire: kinds, the client's {@code only} filter and diagnostics, workspace
 * edits in UTF-16 positions (which actions, and what they do, is CodeActionsTest's).
 */
class CodeActionFeatureTest {
  static List<CodeAction> request(Fixture f, Range range, List<Diagnostic> diagnostics, List<String> only) {
    CodeActionContext context = new CodeActionContext(diagnostics);
    context.setOnly(only);
    CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(Fixture.MAIN.toString()), range, context);
    return CodeActionFeature.codeActions(f.snapshot(), params, Settings.DEFAULT, Cancellation.NONE).stream()
        .map(Either::getRight).toList();
  }

  /** The actions at the cursor, as a light bulb asks: no diagnostics, no filter. */
  static List<CodeAction> actions(Fixture f) {
    return request(f, new Range(f.position(), f.position()), List.of(), null);
  }

  static CodeAction action(Fixture f, String title) {
    return actions(f).stream().filter(a -> a.getTitle().equals(title)).findFirst()
        .orElseThrow(() -> new AssertionError("no '" + title + "' in " + actions(f)));
  }

  static String applied(Fixture f, CodeAction action) {
    List<TextEdit> edits = action.getEdit().getChanges().get(Fixture.MAIN.toString());
    return Edits.apply(f.text(), edits == null ? List.of() : edits);
  }

  static final String TWO_FINDINGS = """
      host h {
        os linux; runtime docker
        container c { os linux; privileged true; image "nginx"; cpu 1; memory 1Gi }
      }
      """;

  static final Range LINE_2 = new Range(new Position(2, 0), new Position(2, 60));

  @Test
  void aQuickFixIsPreferredCarriesItsDiagnosticAndEditsByDocument() {
    Fixture f = Fixture.of("host h {\n  os linux\n  runtime docker\n"
        + "  container web { os linux; privileged tr|ue; image \"web:1.0\"; cpu 1; memory 1Gi }\n}\n");
    CodeAction fix = action(f, "Set 'privileged false'");
    assertEquals(CodeActionKind.QuickFix, fix.getKind());
    assertEquals(Boolean.TRUE, fix.getIsPreferred());
    Finding finding = f.snapshot().analysis().findings().get(0);
    assertEquals("weak-isolation", finding.rule().id());
    assertEquals(List.of(DiagnosticsFeature.diagnostic(f.snapshot(), finding)), fix.getDiagnostics());
    assertEquals(f.text().replace("privileged true", "privileged false"), applied(f, fix));
    CodeAction suppress = action(f, "Suppress 'weak-isolation' with topo-ignore");
    assertNull(suppress.getIsPreferred());
  }

  @Test
  void aFixThatOnlyRelabelsIsNeverPreferred() {
    Fixture f = Fixture.of("host win-01 {\n  os windows \"server 2022\"\n  runtime docker\n"
        + "  container web { os li|nux \"alpine 3.19\"; image \"web:1.0\"; cpu 1; memory 1Gi }\n}\n");
    CodeAction relabel = action(f,
        "Declare container 'web' a windows container, like host 'win-01' (only if its image really is one)");
    assertNull(relabel.getIsPreferred());
    assertEquals(f.text().replace("os linux \"alpine 3.19\"", "os windows"), applied(f, relabel));
  }

  @Test
  void anEditInAnImportedFileIsKeyedByItsUriWithThatFilesPositions() {
    String lib = "// nodes\nhost n1 {\n  os linux\n}\n";
    Fixture f = Fixture.of("import \"lib.topo\"\ncluster k {\n  nodes n|1\n"
        + "  pod p { container c { os linux; image \"c:1\"; cpu 1; memory 1Gi } }\n}\n").with("lib.topo", lib);
    Map<String, List<TextEdit>> changes = action(f, "Add 'runtime containerd' to host 'n1'").getEdit().getChanges();
    String libUri = Fixture.ROOT.resolve("lib.topo").toString();
    assertEquals(List.of(libUri), List.copyOf(changes.keySet()));
    assertEquals("// nodes\nhost n1 {\n  os linux\n  runtime containerd\n}\n", Edits.apply(lib, changes.get(libUri)));
  }

  @Test
  void crlfTabsAndWideCharactersAreCountedAsTheProtocolDoes() {
    Fixture f = Fixture.of("host h {\r\n\tos linux\r\n\truntime docker\r\n\tcontainer w|eb { // 🚀\r\n\t\tos linux\r\n"
        + "\t\timage \"w:1\"\r\n\t}\r\n}\r\n");
    assertEquals(f.text().replace("\t\timage \"w:1\"\r\n", "\t\timage \"w:1\"\r\n\t\tcpu 1\r\n\t\tmemory 512Mi\r\n"),
        applied(f, action(f, "Add 'cpu 1' and 'memory 512Mi' limits to container 'web'")));
  }

  @Test
  void theClientsOwnDiagnosticSaysWhichFindingToFixAndComesBack() {
    Fixture f = Fixture.of(TWO_FINDINGS);
    Finding unpinned = f.snapshot().analysis().findings().stream()
        .filter(x -> x.rule().id().equals("unpinned-image")).findFirst().orElseThrow();
    Diagnostic d = DiagnosticsFeature.diagnostic(f.snapshot(), unpinned);
    d.setMessage("as the client kept it");
    List<CodeAction> actions = request(f, LINE_2, List.of(d), null);
    assertEquals(List.of("Suppress 'unpinned-image' with topo-ignore"), actions.stream().map(CodeAction::getTitle).toList());
    assertEquals(List.of(d), actions.get(0).getDiagnostics());
  }

  @Test
  void aStaleDiagnosticMatchesNothingButAnotherServersIsNoneOfOurs() {
    Fixture f = Fixture.of(TWO_FINDINGS);
    Diagnostic stale = new Diagnostic(new Range(new Position(0, 0), new Position(0, 1)), "old", null, "topo", "unpinned-image");
    assertEquals(List.of(), request(f, new Range(new Position(0, 0), new Position(0, 1)), List.of(stale), null));
    Diagnostic theirs = new Diagnostic(LINE_2, "spelling", null, "cspell", "unknown-word");
    assertEquals(3, request(f, LINE_2, List.of(theirs), null).size(), "every finding on the line");
  }

  @Test
  void theOnlyFilterTakesPrefixesAndTheFixAllComesOnlyWhenAskedForByKind() {
    assertEquals(EnumSet.of(CodeActions.Kind.QUICK_FIX, CodeActions.Kind.REFACTOR_EXTRACT), CodeActionFeature.kinds(null));
    assertEquals(EnumSet.allOf(CodeActions.Kind.class), CodeActionFeature.kinds(List.of()));
    assertEquals(EnumSet.of(CodeActions.Kind.REFACTOR_EXTRACT), CodeActionFeature.kinds(List.of(CodeActionKind.Refactor)));
    assertEquals(EnumSet.of(CodeActions.Kind.SOURCE_FIX_ALL), CodeActionFeature.kinds(List.of(CodeActionKind.Source)));
    assertEquals(EnumSet.noneOf(CodeActions.Kind.class), CodeActionFeature.kinds(List.of("refactor.inline")));

    Fixture f = Fixture.of(TWO_FINDINGS);
    Range start = new Range(new Position(0, 0), new Position(0, 0));
    assertTrue(request(f, start, List.of(), null).stream().noneMatch(a -> a.getKind().startsWith("source")));
    List<CodeAction> source = request(f, start, List.of(), List.of(CodeActionKind.Source));
    assertEquals(List.of(CodeActionKind.SourceFixAll), source.stream().map(CodeAction::getKind).toList());
    assertNull(source.get(0).getDiagnostics());
  }

  @Test
  void theRefactoringIsAnExtract() {
    Fixture f = Fixture.of("host app {\n  os linux\n  runtime containerd\n  module a|pi { load high }\n"
        + "  module cron { load low }\n}\n");
    List<CodeAction> refactorings = request(f, new Range(f.position(), f.position()), List.of(),
        List.of(CodeActionKind.Refactor));
    assertEquals(List.of(CodeActionKind.RefactorExtract), refactorings.stream().map(CodeAction::getKind).toList());
    assertNull(refactorings.get(0).getDiagnostics());
  }

  @Test
  void aRangePastTheEndOrNoRangeGivesNoActions() {
    Fixture f = Fixture.of("host h { os linux; cpu 4; cpu 8 ");
    assertEquals(List.of(), request(f, new Range(new Position(40, 3), new Position(99, 0)), List.of(), null));
    CodeActionParams params = new CodeActionParams();
    params.setTextDocument(new TextDocumentIdentifier(Fixture.MAIN.toString()));
    params.setContext(new CodeActionContext(List.of()));
    assertEquals(List.of(), CodeActionFeature.codeActions(f.snapshot(), params, Settings.DEFAULT, Cancellation.NONE));
  }
}
