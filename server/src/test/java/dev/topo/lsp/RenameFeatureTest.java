package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.check.Cancellation;
import dev.topo.workspace.TextDocument;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rename and prepareRename in the protocol: the answers' shapes, refusals as error codes, and
 * versioned edits; what they find is {@code ide.RenameTest}'s.
 */
class RenameFeatureTest {
  static Range r(int line, int character, int endCharacter) {
    return new Range(new Position(line, character), new Position(line, endCharacter));
  }

  static String uri(String path) {
    return Fixture.ROOT.resolve(path).toString();
  }

  static PrepareRenameResult prepare(Fixture f) {
    var answer = RenameFeature.prepare(f.snapshot(), f.position());
    return answer == null ? null : answer.getSecond();
  }

  static WorkspaceEdit rename(Fixture f, String newName) {
    return RenameFeature.rename(f.session(), f.snapshot(), f.position(), newName, Cancellation.NONE);
  }

  /** The edits of a {@code changes} answer, by file, each file's in order. */
  static Map<String, List<TextEdit>> changes(WorkspaceEdit edit) {
    Map<String, List<TextEdit>> sorted = new TreeMap<>();
    edit.getChanges().forEach((uri, edits) -> sorted.put(uri, edits.stream()
        .sorted(Comparator.comparing((TextEdit e) -> e.getRange().getStart().getLine())
            .thenComparing(e -> e.getRange().getStart().getCharacter()))
        .toList()));
    return sorted;
  }

  static ClientCapabilities documentChanges() {
    WorkspaceEditCapabilities edits = new WorkspaceEditCapabilities();
    edits.setDocumentChanges(true);
    WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
    workspace.setWorkspaceEdit(edits);
    ClientCapabilities client = new ClientCapabilities();
    client.setWorkspace(workspace);
    return client;
  }

  static ResponseErrorException refused(Fixture f, String newName) {
    return assertThrows(ResponseErrorException.class, () -> rename(f, newName));
  }

  // ---- prepareRename ----

  @Test
  void prepareOnADeclarationGivesItsNameAndRange() {
    assertEquals(new PrepareRenameResult(r(0, 5, 11), "web-01"), prepare(Fixture.of("host web|-01 { }")));
  }

  @Test
  void prepareOnKeywordsAndBlanksIsNull() {
    assertNull(prepare(Fixture.of("ho|st web { os linux }")));
    assertNull(prepare(Fixture.of("host web { o|s linux }")));
    assertNull(prepare(Fixture.of("host web { }\n|")));
  }

  @Test
  void aRefusedPreparationIsAFailedRequestWithTheReason() {
    var unknown = assertThrows(ResponseErrorException.class, () -> prepare(Fixture.of("cluster k { nodes gh|ost }")));
    assertEquals(ResponseErrorCode.RequestFailed.getValue(), unknown.getResponseError().getCode());
    assertEquals("no host or VM is named 'ghost', so there is nothing to rename", unknown.getMessage());
  }

  // ---- rename ----

  @Test
  void aHostAndItsReferencesAcrossFilesThatResolveToIt() {
    Fixture f = Fixture.of("host |n1 { }\ncluster a { nodes n1 }")
        .with("importer.topo", "import \"main.topo\"\ncluster k { nodes n1, n1 }")
        .with("own.topo", "host n1 { }\ncluster k { nodes n1 }");
    assertEquals(Map.of(
        uri("importer.topo"), List.of(new TextEdit(r(1, 18, 20), "node-1"), new TextEdit(r(1, 22, 24), "node-1")),
        uri("main.topo"), List.of(new TextEdit(r(0, 5, 7), "node-1"), new TextEdit(r(1, 18, 20), "node-1"))),
        changes(rename(f, "node-1")));
  }

  @Test
  void anInvalidNameIsAnInvalidParameter() {
    Fixture f = Fixture.of("host |web { }");
    ResponseErrorException e = refused(f, "web\n01");
    assertEquals(ResponseErrorCode.InvalidParams.getValue(), e.getResponseError().getCode());
    assertTrue(e.getMessage().contains("is not a valid name"), e.getMessage());
  }

  @Test
  void aTakenNameIsAFailedRequest() {
    Fixture f = Fixture.of("import \"lib.topo\"\nhost |web { }\ncluster k { nodes web }")
        .with("lib.topo", "cluster db { }");
    ResponseErrorException e = refused(f, "db");
    assertEquals(ResponseErrorCode.RequestFailed.getValue(), e.getResponseError().getCode());
    assertTrue(e.getMessage().startsWith("cannot rename host 'web' to 'db'"), e.getMessage());
  }

  @Test
  void theSameNameChangesNothingAndKeywordsRenameNothing() {
    assertEquals(Map.of(), rename(Fixture.of("host |web { }"), "web").getChanges());
    assertNull(rename(Fixture.of("ho|st web { }"), "x"));
    assertThrows(ResponseErrorException.class, () -> rename(Fixture.of("host h { library open|jdk \"1\" }"), "x"));
  }

  @Test
  void clientsWithDocumentChangesGetVersionedEditsAndUnopenedFilesNoVersion(@TempDir Path dir) throws Exception {
    URI main = dir.resolve("main.topo").toUri();
    URI onDisk = dir.resolve("on-disk.topo").toUri();
    Files.writeString(dir.resolve("on-disk.topo"), "import \"main.topo\"\ncluster k { nodes web }");
    Session session = new Session();
    session.setRoots(List.of(dir.toUri()));
    session.documents().open(new TextDocument(main, 7, "host web { }\ncluster j { nodes web }"));
    session.workspaceFiles().add(onDisk);
    session.setClientCapabilities(documentChanges());

    WorkspaceEdit edit = RenameFeature.rename(session, session.snapshot(main, Cancellation.NONE).orElseThrow(),
        new Position(0, 6), "app", Cancellation.NONE);
    assertNull(edit.getChanges());
    Map<String, TextDocumentEdit> byUri = new TreeMap<>();
    edit.getDocumentChanges().forEach(e -> byUri.put(e.getLeft().getTextDocument().getUri(), e.getLeft()));
    assertEquals(7, byUri.get(main.toString()).getTextDocument().getVersion());
    assertEquals(2, byUri.get(main.toString()).getEdits().size());
    assertNull(byUri.get(onDisk.toString()).getTextDocument().getVersion());
    assertEquals(new TextEdit(r(1, 18, 21), "app"), byUri.get(onDisk.toString()).getEdits().get(0).getLeft());
  }

  @Test
  void anOpenDocumentEditedSinceTheSearchMakesVersionedEditsStale() {
    Fixture f = Fixture.of("host |web { }\ncluster k { nodes web }");
    f.session().setClientCapabilities(documentChanges());
    var searched = f.snapshot();
    Position cursor = f.position();
    f.session().documents().update(new TextDocument(Fixture.MAIN, 2, "host web { }\n\ncluster k { nodes web }"));
    ResponseErrorException e = assertThrows(ResponseErrorException.class,
        () -> RenameFeature.rename(f.session(), searched, cursor, "app", Cancellation.NONE));
    assertEquals(ResponseErrorCode.ContentModified.getValue(), e.getResponseError().getCode());
  }
}
