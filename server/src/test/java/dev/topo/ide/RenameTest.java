package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.check.Cancellation;
import dev.topo.ide.Rename.Reason;
import dev.topo.model.FileModel;
import dev.topo.workspace.MemorySources;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RenameTest {
  static Optional<Rename.Preparation> prepare(Marked m) {
    return Rename.prepare(m.snapshot(), m.offset());
  }

  static Optional<Rename.Outcome> rename(Marked m, String newName) {
    return Rename.at(m.snapshot(), m.offset(), newName, m.workspace(), Cancellation.NONE);
  }

  /** Each edit as "main.topo 0:5-7 node-1", sorted (files are searched in no particular order). */
  static List<String> edits(Marked m, String newName) {
    Rename.Edits edits = assertInstanceOf(Rename.Edits.class, rename(m, newName).orElseThrow());
    return edits.documents().stream()
        .flatMap(d -> d.spans().stream().map(span -> Where.of(span, d.lines()) + " " + d.newText()))
        .sorted()
        .toList();
  }

  static Rename.Refusal refused(Marked m, String newName) {
    return assertInstanceOf(Rename.Refusal.class, rename(m, newName).orElseThrow());
  }

  // ---- prepare ----

  @Test
  void prepareOnADeclarationGivesItsNameAndSpan() {
    Marked m = Marked.of("host web|-01 { }");
    FileModel file = m.snapshot().file();
    assertEquals(Optional.of(new Rename.Renamable(file.span(file.declarations().get(0).name()), "web-01")), prepare(m));
  }

  @Test
  void prepareOnAReferenceGivesTheReferenceAndTheHostsName() {
    Marked m = Marked.of("host web { }\ncluster k { nodes |web }");
    Rename.Renamable found = assertInstanceOf(Rename.Renamable.class, prepare(m).orElseThrow());
    assertEquals("main.topo 1:18-21 web", Where.of(m.snapshot(), found.span()) + " " + found.name());
  }

  @Test
  void prepareOnKeywordsAndBlanksFindsNothing() {
    assertEquals(Optional.empty(), prepare(Marked.of("ho|st web { os linux }")));
    assertEquals(Optional.empty(), prepare(Marked.of("host web { o|s linux }")));
    assertEquals(Optional.empty(), prepare(Marked.of("host web { }\n|")));
  }

  @Test
  void prepareRefusesLibrariesImportsAndUnknownNodesWithAReason() {
    for (String text : List.of("host h { library open|jdk \"17\" }", "host h { module m { requires open|jdk \"17\" } }",
        "import \"li|b.topo\"", "cluster k { nodes gh|ost }")) {
      Rename.Refusal refusal = assertInstanceOf(Rename.Refusal.class, prepare(Marked.of(text)).orElseThrow(), text);
      assertEquals(Reason.NOT_RENAMABLE, refusal.reason(), text);
    }
    Rename.Refusal library = (Rename.Refusal) prepare(Marked.of("host h { library open|jdk \"17\" }")).orElseThrow();
    assertTrue(library.message().contains("library"), library.message());
    Rename.Refusal unknown = (Rename.Refusal) prepare(Marked.of("cluster k { nodes gh|ost }")).orElseThrow();
    assertEquals("no host or VM is named 'ghost', so there is nothing to rename", unknown.message());
  }

  // ---- rename ----

  @Test
  void aHostAndItsReferencesAcrossFilesThatResolveToIt() {
    Marked m = Marked.of("host |n1 { }\ncluster a { nodes n1 }")
        .with("importer.topo", "import \"main.topo\"\ncluster k { nodes n1, n1 }")
        .with("own.topo", "host n1 { }\ncluster k { nodes n1 }");
    assertEquals(List.of("importer.topo 1:18-20 node-1", "importer.topo 1:22-24 node-1", "main.topo 0:5-7 node-1",
        "main.topo 1:18-20 node-1"), edits(m, "node-1"));
  }

  @Test
  void aNameWithEscapesIsFoundInOtherFilesAsTheyWriteIt() {
    Marked m = Marked.of("host |\"say \\\"hi\\\"\" { }")
        .with("importer.topo", "import \"main.topo\"\ncluster k { nodes \"say \\\"hi\\\"\" }");
    assertEquals(List.of("importer.topo 1:18-30 n1", "main.topo 0:5-17 n1"), edits(m, "n1"));
    assertEquals("say ", WorkspaceSearch.asWritten("say \"hi\""), "the longest part written as it is");
    assertEquals("ip-10.internal", WorkspaceSearch.asWritten("ip-10.internal"));
  }

  @Test
  void eachDocumentOnceWithTheTextThatWasSearched() {
    Marked m = Marked.of("host |n1 { }\ncluster a { nodes n1 }")
        .with("importer.topo", "import \"main.topo\"\ncluster k { nodes n1 }");
    Rename.Edits edits = (Rename.Edits) rename(m, "x").orElseThrow();
    assertEquals(List.of(Marked.MAIN, MemorySources.uri("importer.topo")),
        edits.documents().stream().map(Rename.DocumentEdit::uri).toList());
    assertEquals(m.text(), edits.documents().get(0).text());
    assertEquals(2, edits.documents().get(0).spans().size());
  }

  @Test
  void fromAReferenceTheDeclarationInTheImportedFileIsEdited() {
    Marked m = Marked.of("import \"lib.topo\"\ncluster k { nodes |vm1 }")
        .with("lib.topo", "host h {\n  hypervisor kvm\n  vm vm1 { }\n}");
    assertEquals(List.of("lib.topo 2:5-8 guest", "main.topo 1:18-21 guest"), edits(m, "guest"));
  }

  @Test
  void containersModulesClustersAndPodsRenameTheirDeclaration() {
    assertEquals(List.of("main.topo 0:19-22 api"), edits(Marked.of("host h { container w|eb { } }"), "api"));
    assertEquals(List.of("main.topo 0:16-17 billing"), edits(Marked.of("host h { module |m { } }"), "billing"));
    assertEquals(List.of("main.topo 0:16-17 web"), edits(Marked.of("cluster k { pod |p { } }"), "web"));
  }

  @Test
  void namesAFileCannotWriteAreRefused() {
    Marked m = Marked.of("host |web { }");
    for (String bad : List.of("", " web", "web ", "web\n01", "a\tb")) {
      Rename.Refusal refusal = refused(m, bad);
      assertEquals(Reason.INVALID_NAME, refusal.reason(), bad);
      assertTrue(refusal.message().contains("is not a valid name"), refusal.message());
    }
    assertEquals(List.of("main.topo 0:5-8 _web-01"), edits(m, "_web-01"));
  }

  @Test
  void aNameThatIsNotAnIdentifierIsWrittenQuotedAtTheDeclarationAndEveryReference() {
    Marked m = Marked.of("host |web { }\ncluster k { nodes web, db }");
    String quoted = "\"ip-10-0-1-23.ec2.internal\"";
    assertEquals(List.of("main.topo 0:5-8 " + quoted, "main.topo 1:18-21 " + quoted),
        edits(m, "ip-10-0-1-23.ec2.internal"));
    for (String name : List.of("9lives", "web 01", "wéb", "host")) {
      assertEquals(List.of("main.topo 0:5-8 \"" + name + "\"", "main.topo 1:18-21 \"" + name + "\""), edits(m, name));
    }
    assertEquals(List.of("main.topo 0:5-8 \"a\\\"b\"", "main.topo 1:18-21 \"a\\\"b\""), edits(m, "a\"b"), "escaped");
    assertEquals(List.of("main.topo 0:5-8 \"web.v2\"", "main.topo 1:18-21 \"web.v2\""), edits(m, "\"web.v2\""),
        "a name typed with its quotes is the name inside them");
  }

  @Test
  void aQuotedNameRenamesFromItsDeclarationOrAReferenceQuotesIncluded() {
    String text = "host \"ip-10.internal\" { }\ncluster k { nodes \"ip-10.internal\", db }";
    Marked declaration = Marked.of(text.replace("\"ip-10.internal\" {", "\"ip-|10.internal\" {"));
    Rename.Renamable found = assertInstanceOf(Rename.Renamable.class, prepare(declaration).orElseThrow());
    assertEquals("main.topo 0:5-21 ip-10.internal", Where.of(declaration.snapshot(), found.span()) + " " + found.name());
    assertEquals(List.of("main.topo 0:5-21 node-1", "main.topo 1:18-34 node-1"), edits(declaration, "node-1"));
    Marked reference = Marked.of(text.replace("nodes \"ip", "nodes \"i|p"));
    assertEquals(List.of("main.topo 0:5-21 \"10.0.0.5\"", "main.topo 1:18-34 \"10.0.0.5\""), edits(reference, "10.0.0.5"));
    assertEquals(List.of(), edits(reference, "ip-10.internal"), "the same name, however written, changes nothing");
  }

  @Test
  void aGloballyNamedEntityCannotTakeANameUsedInTheProgram() {
    Marked m = Marked.of("import \"lib.topo\"\nhost |web { }\ncluster k { nodes web }").with("lib.topo", "cluster db { }");
    Rename.Refusal refusal = refused(m, "db");
    assertEquals(Reason.NAME_TAKEN, refusal.reason());
    assertEquals("cannot rename host 'web' to 'db': cluster 'db' already has"
        + " that name, and hosts, VMs, clusters and pods need names unique across the program", refusal.message());
    assertEquals("'web' 호스트의 이름을 'db'(으)로 바꿀 수 없습니다. 'db' 클러스터가 이미 그 이름을 쓰고 있고, 호스트, 가상 머신,"
        + " 클러스터, 파드의 이름은 프로그램 전체에서 달라야 합니다", refusal.text().text("ko"));
  }

  @Test
  void norANameUsedInAProgramThatImportsIt() {
    Marked m = Marked.of("host |web { }").with("importer.topo", "import \"main.topo\"\nhost api { }");
    Rename.Refusal refusal = refused(m, "api");
    assertEquals(Reason.NAME_TAKEN, refusal.reason());
    assertTrue(refusal.message().startsWith("cannot rename host 'web' to 'api': host 'api'"), refusal.message());
    assertEquals(List.of("main.topo 0:5-8 api"), edits(Marked.of("host |web { }").with("other.topo", "host api { }"),
        "api"), "a program that does not include the declaration does not count");
  }

  @Test
  void containersAndModulesCollideOnlyWithSiblingsOfTheirKind() {
    Marked m = Marked.of(
        "host h {\n  container web { module m { } }\n  container |api { }\n  module db { }\n}\nhost j { container cache { } }");
    assertEquals("cannot rename container 'api' to 'web': its host 'h' already has a container 'web', and containers"
        + " need names unique within their block", refused(m, "web").message());
    assertEquals(1, edits(m, "cache").size());
    assertEquals(1, edits(m, "db").size());
  }

  @Test
  void theSameNameChangesNothingAndKeywordsRenameNothing() {
    assertEquals(Optional.of(new Rename.Edits(List.of())), rename(Marked.of("host |web { }"), "web"));
    assertEquals(Optional.empty(), rename(Marked.of("ho|st web { }"), "x"));
    assertEquals(Reason.NOT_RENAMABLE, refused(Marked.of("host h { library open|jdk \"1\" }"), "x").reason());
  }
}
