package dev.topo.lsp;

import dev.topo.ide.Snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.TestFiles;
import dev.topo.check.Cancellation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completion on cursor-marked fixtures ('|'), most of them half-typed as in an editor. */
class CompletionFeatureTest {
  @TempDir
  Path dir;

  static List<CompletionItem> complete(Fixture f, boolean snippets) {
    return CompletionFeature.complete(f.session(), f.snapshot(), f.position(), snippets, Cancellation.NONE).getItems()
        .stream().sorted(Comparator.comparing(i -> i.getSortText() == null ? i.getLabel() : i.getSortText())).toList();
  }

  static List<CompletionItem> complete(String marked) {
    return complete(Fixture.of(marked), true);
  }

  /** The labels in the order a client shows them (by sort text). */
  static List<String> labels(String marked) {
    return complete(marked).stream().map(CompletionItem::getLabel).toList();
  }

  static CompletionItem item(List<CompletionItem> items, String label) {
    return items.stream().filter(i -> i.getLabel().equals(label)).findFirst()
        .orElseThrow(() -> new AssertionError("no '" + label + "' in " + items.stream().map(CompletionItem::getLabel).toList()));
  }

  static Range r(int line, int character, int endLine, int endCharacter) {
    return new Range(new Position(line, character), new Position(endLine, endCharacter));
  }

  static String newText(CompletionItem item) {
    return item.getTextEdit().getLeft().getNewText();
  }

  // ---- statements allowed where the cursor is ----

  @Test
  void theTopOfAFileOffersImportsAndTheTopLevelBlocks() {
    assertEquals(List.of("import", "host", "cluster"), labels("|"));
    assertEquals(List.of("import", "host", "cluster"), labels("import \"a.topo\"\n|"));
  }

  @Test
  void importsAreNotOfferedAfterTheFirstDeclaration() {
    assertEquals(List.of("host", "cluster"), labels("host a { }\n|"));
  }

  @Test
  void anUnclosedHostOffersWhatAHostMayHold() {
    assertEquals(List.of("os", "cpu", "memory", "hypervisor", "runtime", "library", "vm", "container", "module"),
        labels("host a {\n  |"));
  }

  @Test
  void eachBlockKindOffersOnlyItsOwnStatements() {
    assertEquals(List.of("os", "cpu", "memory", "runtime", "library", "container", "module"), labels("host h {\n  vm v {\n    |"));
    assertEquals(List.of("os", "cpu", "memory", "image", "privileged", "share", "library", "module"),
        labels("host h { container c { | } }"));
    assertEquals(List.of("nodes", "pod"), labels("cluster k {\n  |\n}"));
    assertEquals(List.of("replicas", "container"), labels("cluster k { pod p { |"));
    assertEquals(List.of("language", "requires", "load"), labels("host h { module m { | } }"));
  }

  @Test
  void singleValuedStatementsAlreadyGivenAreLeftOutWhereverTheyStand() {
    assertEquals(List.of("memory", "hypervisor", "runtime", "library", "vm", "container", "module"),
        labels("host a {\n  os linux\n  |\n  cpu 4\n}"));
    assertEquals(List.of("pod"), labels("cluster k {\n  nodes a, b\n  |"));
    assertEquals(List.of("language", "requires"), labels("host h { module m { requires x \"1\"; load low; | } }"));
  }

  @Test
  void theWordBeingTypedIsReplacedAndDoesNotCountAsGiven() {
    List<CompletionItem> items = complete("host a {\n  os linux\n  cp|\n}");
    CompletionItem cpu = item(items, "cpu");
    assertEquals(r(2, 2, 2, 4), cpu.getTextEdit().getLeft().getRange());
    assertFalse(items.stream().anyMatch(i -> i.getLabel().equals("os")));
    assertTrue(labels("host a {\n  os|\n}").contains("os"), "a keyword being typed is still offered");
  }

  @Test
  void aStatementCanFollowACompleteOneOnTheSameLine() {
    assertTrue(labels("host a { os linux c|").contains("cpu"));
    assertTrue(labels("host a { runtime docker \"24\"; |").contains("library"));
  }

  @Test
  void aBraceThatOpensNoKnownBlockOffersNothing() {
    assertEquals(List.of(), labels("foo bar {\n  |"));
  }

  @Test
  void blocksAreSnippetsWithPlaceholdersIndentedLikeTheirLine() {
    CompletionItem vm = item(complete("host h {\n  |\n}"), "vm");
    assertEquals(CompletionItemKind.Snippet, vm.getKind());
    assertEquals(InsertTextFormat.Snippet, vm.getInsertTextFormat());
    assertEquals("vm ${1:name} {\n    os ${2|linux,windows,macos,freebsd|}\n    cpu ${3:4}\n    memory ${4:8GiB}\n    $0\n  }",
        newText(vm));
    CompletionItem host = item(complete("|"), "host");
    assertTrue(newText(host).startsWith("host ${1:name} {\n  os "), newText(host));
  }

  @Test
  void theClusterSnippetOffersTheProgramsNodes() {
    CompletionItem cluster = item(complete("host a { }\nhost b { }\n|"), "cluster");
    assertEquals("cluster ${1:name} {\n  nodes ${2|a,b|}\n  $0\n}", newText(cluster));
  }

  @Test
  void theContainerSnippetPutsTheKernelsFamilyFirst() {
    CompletionItem container = item(complete("host w {\n  os windows\n  runtime docker\n  |"), "container");
    assertTrue(newText(container).contains("os ${2|windows,linux,macos,freebsd|}"), newText(container));
  }

  @Test
  void propertiesAreKeywordsWithTheirValuesAsChoices() {
    List<CompletionItem> items = complete("host h {\n  |");
    CompletionItem runtime = item(items, "runtime");
    assertEquals(CompletionItemKind.Keyword, runtime.getKind());
    assertEquals("runtime ${1|docker,containerd,cri-o,podman|}", newText(runtime));
    assertEquals("hypervisor ${1|kvm,xen,hyper-v,esxi,virtualbox|}", newText(item(items, "hypervisor")));
    assertEquals("library ${1:name} \"${2:1.0}\"", newText(item(items, "library")));
  }

  @Test
  void withoutSnippetSupportKeywordsArePlainText() {
    List<CompletionItem> items = complete(Fixture.of("host h {\n  |"), false);
    CompletionItem vm = item(items, "vm");
    assertEquals(CompletionItemKind.Keyword, vm.getKind());
    assertEquals(InsertTextFormat.PlainText, vm.getInsertTextFormat());
    assertEquals("vm ", newText(vm));
  }

  @Test
  void keywordsAreDocumentedFromTheKnowledgeBaseInTheSessionsLanguage() {
    CompletionItem os = item(complete("host h {\n  |"), "os");
    assertEquals("Operating system", os.getDetail());
    assertEquals("markdown", os.getDocumentation().getRight().getKind());
    assertTrue(os.getDocumentation().getRight().getValue().contains("container-os-mismatch"));

    Fixture korean = Fixture.of("host h {\n  |").settings(Settings.from(null, "ko-KR"));
    CompletionItem koOs = item(complete(korean, true), "os");
    assertEquals("운영체제", koOs.getDetail());
  }

  // ---- values after a keyword ----

  @Test
  void osFamiliesAfterOs() {
    List<CompletionItem> items = complete("host a {\n  os |");
    assertEquals(List.of("linux", "windows", "macos", "freebsd"), items.stream().map(CompletionItem::getLabel).toList());
    assertEquals(CompletionItemKind.EnumMember, items.get(0).getKind());
    assertEquals(r(1, 5, 1, 5), items.get(0).getTextEdit().getLeft().getRange());
  }

  @Test
  void aHalfTypedFamilyIsReplacedWhole() {
    CompletionItem linux = item(complete("host a {\n  os li|\n  cpu 4\n}"), "linux");
    assertEquals(r(1, 5, 1, 7), linux.getTextEdit().getLeft().getRange());
    assertEquals("linux", newText(linux));
  }

  @Test
  void aContainersOsOffersItsKernelsFamilyFirst() {
    List<CompletionItem> items = complete("host w {\n  os windows\n  runtime docker\n  container c {\n    os |");
    assertEquals("windows", items.get(0).getLabel());
    assertEquals(Boolean.TRUE, items.get(0).getPreselect());
  }

  @Test
  void aPodContainersOsOffersTheFamilyOfTheClustersNodes() {
    List<CompletionItem> items = complete("""
        host n1 { os freebsd; runtime containerd }
        host n2 { os freebsd; runtime containerd }
        cluster k {
          nodes n1, n2
          pod p { container c { os | } }
        }
        """);
    assertEquals("freebsd", items.get(0).getLabel());
  }

  @Test
  void namespacesAfterShareLeaveOutThoseListed() {
    List<CompletionItem> items = complete("host a { container c { share network, |");
    assertEquals(List.of("pid", "ipc", "uts", "mount", "user"), items.stream().map(CompletionItem::getLabel).toList());
    assertNotNull(items.get(0).getDocumentation(), "namespaces have entries of their own");
  }

  @Test
  void runtimesHypervisorsPrivilegedAndLoad() {
    assertEquals(List.of("docker", "containerd", "cri-o", "podman"), labels("host a {\n  runtime |"));
    assertEquals(List.of("kvm", "xen", "hyper-v", "esxi", "virtualbox"), labels("host a {\n  hypervisor h|"));
    assertEquals(List.of("false", "true"), labels("host a { container c { privileged |"));
    assertEquals(List.of("low", "medium", "high"), labels("host a { module m { load | } }"));
  }

  @Test
  void languagesIncludeThoseTheProgramUses() {
    List<String> labels = labels("host a { module m { language cobol } module n { language |");
    assertTrue(labels.containsAll(List.of("cobol", "java", "go")), labels.toString());
  }

  @Test
  void nodesOfferHostsAndVmsNotYetListed() {
    String text = """
        host a { }
        host b {
          vm v { }
          container c { }
        }
        cluster k { nodes a, |""";
    assertEquals(List.of("b", "v"), labels(text));
    CompletionItem b = item(complete(text), "b");
    assertEquals(CompletionItemKind.Reference, b.getKind());
    assertTrue(b.getDetail().startsWith("host"), b.getDetail());
  }

  @Test
  void nodesIncludeThoseOfImportedFiles() {
    Fixture f = Fixture.of("import \"lib.topo\"\ncluster k {\n  nodes |\n}")
        .with("lib.topo", "host n1 { os linux; cpu 8; memory 16GiB; runtime docker }");
    CompletionItem n1 = item(complete(f, true), "n1");
    assertEquals("host · linux · 8 cpu, 16 GiB · lib.topo", n1.getDetail());
  }

  @Test
  void librariesTheEnvironmentProvidesComeFirst() {
    // The container's library is declared after the module: the tokens find it all the same.
    List<CompletionItem> items = complete("""
        host h {
          library postgresql "15.4"
          container c {
            module m { requires | }
            library openjdk "17.0.2"
          }
        }
        host other { library openjdk "21"; library zlib "1.3" }
        """);
    assertEquals(List.of("openjdk", "postgresql", "zlib"), items.stream().map(CompletionItem::getLabel).toList());
    assertEquals("provided by container 'c': 17.0.2", items.get(0).getDetail());
    assertEquals("openjdk \"${1:17}\"", newText(items.get(0)));
    assertEquals(CompletionItemKind.Module, items.get(0).getKind());
    assertEquals("not provided by container 'c'", items.get(1).getDetail());
  }

  @Test
  void aRequirementWhoseRangeIsWrittenGetsOnlyTheName() {
    CompletionItem lib = item(complete("host h { library openssl \"3\"\n module m { requires op| \">=3\" } }"), "openssl");
    assertEquals("openssl", newText(lib));
    assertEquals(InsertTextFormat.PlainText, lib.getInsertTextFormat());
  }

  @Test
  void valuesWithNothingToOfferOfferNothing() {
    assertEquals(List.of(), labels("host a {\n  cpu |"));
    assertEquals(List.of(), labels("host a {\n  memory 4|"));
    assertEquals(List.of(), labels("host |"));
    assertEquals(List.of(), labels("host a { module m { requires openjdk | } }"));
  }

  // ---- strings, comments, odd places ----

  @Test
  void commentsAndOtherStringsOfferNothing() {
    assertEquals(List.of(), labels("host a {\n  // os |\n}"));
    assertEquals(List.of(), labels("host a { container c { image \"|\" } }"));
  }

  @Test
  void importPathsListTopologyFilesAndFoldersBesideTheFile() {
    Fixture f = Fixture.of("import \"|\"\nhost a { }")
        .with("shared.topo", "host s { }")
        .with("lib/net.topo", "host n { }")
        .with("notes.txt", "not topology");
    List<CompletionItem> items = complete(f, true);
    assertEquals(List.of("shared.topo", "lib/"), items.stream().map(CompletionItem::getLabel).toList());
    assertEquals(CompletionItemKind.File, items.get(0).getKind());
    assertEquals(CompletionItemKind.Folder, items.get(1).getKind());
    assertEquals("editor.action.triggerSuggest", items.get(1).getCommand().getCommand());
  }

  @Test
  void importPathsReplaceOnlyTheSegmentAfterTheLastSlash() {
    Fixture f = Fixture.of("import \"lib/n|").with("lib/net.topo", "host n { }");
    CompletionItem net = item(complete(f, true), "net.topo");
    assertEquals(r(0, 12, 0, 13), net.getTextEdit().getLeft().getRange());
    assertEquals("lib/net.topo", net.getDetail());
  }

  @Test
  void importPathsComeFromTheDiskAndLeadUpWithinTheWorkspace() throws Exception {
    Files.createDirectories(dir.resolve("app"));
    Files.writeString(dir.resolve("base.topo"), "host b { }");
    Files.writeString(dir.resolve("app/other.topo"), "host o { }");
    Fixture here = Fixture.at(dir, "app/main.topo", "import \"|\"");
    Fixture up = Fixture.at(dir, "app/main.topo", "import \"../|\"");
    for (Fixture f : List.of(here, up)) {
      f.session().workspaceFiles().add(dir.resolve("base.topo").toUri());
    }
    assertEquals(List.of("other.topo", "../"), complete(here, true).stream().map(CompletionItem::getLabel).toList());
    assertEquals(List.of("base.topo", "app/"), complete(up, true).stream().map(CompletionItem::getLabel).toList());
  }

  @Test
  void theTriggerCharactersOfPathsBringNothingUpOutsideStrings() {
    assertEquals(List.of("\"", "/"), CompletionFeature.TRIGGER_CHARACTERS);
    Fixture comment = Fixture.of("host a {\n  /|\n}");
    assertEquals(List.of(), CompletionFeature.complete(comment.session(), comment.snapshot(), comment.position(), true,
        "/", Cancellation.NONE).getItems());
    assertFalse(complete(comment, true).isEmpty(), "asked for, the statements come");
    Fixture path = Fixture.of("import \"|").with("lib.topo", "host l { }");
    assertEquals(List.of("lib.topo"), CompletionFeature.complete(path.session(), path.snapshot(), path.position(), true,
        "\"", Cancellation.NONE).getItems().stream().map(CompletionItem::getLabel).toList());
  }

  @Test
  void anAbsolutePathDoesNotWalkTheDiskOutsideTheWorkspace() {
    Fixture f = Fixture.of("import \"/|\"");
    assertEquals(List.of(), labels(f.text().substring(0, f.offset()) + "|" + f.text().substring(f.offset())));
  }

  // ---- robustness ----

  @Test
  void everyPositionOfTheSampleAnswersWithoutAnException() throws Exception {
    String text = Files.readString(TestFiles.samples().resolve("shop.topo"));
    Fixture f = Fixture.of(text.replace("|", ""));
    Snapshot snapshot = f.snapshot();
    for (int offset = 0; offset <= text.length(); offset++) {
      Position p = Positions.position(snapshot.lines(), offset);
      assertNotNull(CompletionFeature.complete(f.session(), snapshot, p, true, Cancellation.NONE));
    }
    assertNotNull(CompletionFeature.complete(f.session(), snapshot, new Position(9999, 9999), true, Cancellation.NONE));
  }

  @Test
  void everyPrefixOfTheSampleIsCompletedAsTheTextBeingTyped() throws Exception {
    String text = Files.readString(TestFiles.samples().resolve("shop.topo")).replace("|", "");
    for (int end = 0; end <= text.length(); end += 37) {
      Fixture f = Fixture.of(text.substring(0, end) + "|");
      assertNotNull(CompletionFeature.complete(f.session(), f.snapshot(), f.position(), true, Cancellation.NONE));
    }
    // The end of the first pod's container, typed up to 'os ': the families come back.
    int at = text.indexOf("container web {\n      os ") + "container web {\n      os ".length();
    assertEquals("linux", labels(text.substring(0, at) + "|").get(0));
  }
}
