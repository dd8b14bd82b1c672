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

  static ResponseErrorException refused(Fixture f, String newName) {
    return assertThrows(ResponseErrorException.class, () -> rename(f, newName));
  }

  // ---- prepareRename ----

  @Test
  void prepareOnADeclarationGivesItsNameAndRange() {
    assertEquals(new PrepareRenameResult(r(0, 5, 11), "web-01"), prepare(Fixture.of("host web|-01 { }")));
  }

  @Test
  void prepareOnAReferenceGivesTheReferenceAndTheHostsName() {
    Fixture f = Fixture.of("host web { }\ncluster k { nodes |web }");
    assertEquals(new PrepareRenameResult(r(1, 18, 21), "web"), prepare(f));
  }

  @Test
  void prepareOnKeywordsAndBlanksIsNull() {
    assertNull(prepare(Fixture.of("ho|st web { os linux }")));
    assertNull(prepare(Fixture.of("host web { o|s linux }")));
    assertNull(prepare(Fixture.of("host web { }\n|")));
  }

  @Test
  void prepareRefusesLibrariesImportsAndUnknownNodesWithAReason() {
    var library = assertThrows(ResponseErrorException.class,
        () -> prepare(Fixture.of("host h { library open|jdk \"17\" }")));
    assertTrue(library.getMessage().contains("library"), library.getMessage());
    assertThrows(ResponseErrorException.class,
        () -> prepare(Fixture.of("host h { module m { requires open|jdk \"17\" } }")));
    assertThrows(ResponseErrorException.class, () -> prepare(Fixture.of("import \"li|b.topo\"")));
    var unknown = assertThrows(ResponseErrorException.class, () -> prepare(Fixture.of("cluster k { nodes gh|ost }")));
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
  void fromAReferenceTheDeclarationInTheImportedFileIsEdited() {
    Fixture f = Fixture.of("import \"lib.topo\"\ncluster k { nodes |vm1 }")
        .with("lib.topo", "host h {\n  hypervisor kvm\n  vm vm1 { }\n}");
    assertEquals(Map.of(
        uri("lib.topo"), List.of(new TextEdit(r(2, 5, 8), "guest")),
        uri("main.topo"), List.of(new TextEdit(r(1, 18, 21), "guest"))),
        changes(rename(f, "guest")));
  }

  @Test
  void containersModulesClustersAndPodsRenameTheirDeclaration() {
    assertEquals(Map.of(uri("main.topo"), List.of(new TextEdit(r(0, 19, 22), "api"))),
        changes(rename(Fixture.of("host h { container w|eb { } }"), "api")));
    assertEquals(Map.of(uri("main.topo"), List.of(new TextEdit(r(0, 16, 17), "billing"))),
        changes(rename(Fixture.of("host h { module |m { } }"), "billing")));
    assertEquals(Map.of(uri("main.topo"), List.of(new TextEdit(r(0, 16, 17), "web"))),
        changes(rename(Fixture.of("cluster k { pod |p { } }"), "web")));
  }

  @Test
  void invalidNamesAreRefused() {
    Fixture f = Fixture.of("host |web { }");
    for (String bad : List.of("", "9lives", "web 01", "web.01", "wéb", "a\"b")) {
      ResponseErrorException e = refused(f, bad);
      assertEquals(ResponseErrorCode.InvalidParams.getValue(), e.getResponseError().getCode(), bad);
      assertTrue(e.getMessage().contains("is not a valid name"), e.getMessage());
    }
    assertTrue(rename(f, "_web-01").getChanges().containsKey(uri("main.topo")));
  }

  @Test
  void aGloballyNamedEntityCannotTakeANameUsedInTheProgram() {
    Fixture f = Fixture.of("import \"lib.topo\"\nhost |web { }\ncluster k { nodes web }")
        .with("lib.topo", "cluster db { }");
    assertEquals("cannot rename host 'web' to 'db': cluster 'db' already has that name, and hosts, VMs, clusters"
        + " and pods need names unique across the program", refused(f, "db").getMessage());
    assertEquals(ResponseErrorCode.RequestFailed.getValue(), refused(f, "db").getResponseError().getCode());
  }

  @Test
  void norANameUsedInAProgramThatImportsIt() {
    Fixture f = Fixture.of("host |web { }").with("importer.topo", "import \"main.topo\"\nhost api { }");
    assertTrue(refused(f, "api").getMessage().startsWith("cannot rename host 'web' to 'api': host 'api'"));
  }

  @Test
  void containersAndModulesCollideOnlyWithSiblingsOfTheirKind() {
    String text = "host h {\n  container web { module m { } }\n  container |api { }\n  module db { }\n}\nhost j { container cache { } }";
    Fixture f = Fixture.of(text);
    assertEquals("cannot rename container 'api' to 'web': its host 'h' already has a container 'web', and containers"
        + " need names unique within their block", refused(f, "web").getMessage());
    assertEquals(1, changes(rename(f, "cache")).get(uri("main.topo")).size());
    assertEquals(1, changes(rename(f, "db")).get(uri("main.topo")).size());
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
    ClientCapabilities client = new ClientCapabilities();
    WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
    WorkspaceEditCapabilities edits = new WorkspaceEditCapabilities();
    edits.setDocumentChanges(true);
    workspace.setWorkspaceEdit(edits);
    client.setWorkspace(workspace);
    session.setClientCapabilities(client);

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
}
