package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.TestFiles;
import dev.topo.check.Cancellation;
import dev.topo.ide.Completion.Item;
import dev.topo.ide.Completion.Kind;
import dev.topo.knowledge.KnowledgeBase;
import dev.topo.model.EntityKind;
import dev.topo.model.Keyword;
import dev.topo.workspace.MemorySources;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Completion on cursor-marked texts ('|'), most of them half-typed as in an editor. */
class CompletionTest {
  static final Completion.Options SNIPPETS = new Completion.Options(true, KnowledgeBase.FALLBACK);

  /**
   * Topology files as the server would know them: the workspace's (indexed or open), and
   * what is on the disk in each folder. Every folder listed is remembered.
   */
  static final class Disk implements TopologyFiles {
    final List<URI> known = new ArrayList<>();
    final Map<URI, List<URI>> folders;
    final List<URI> listedFolders = new ArrayList<>();

    Disk(Map<URI, List<URI>> folders, String... known) {
      this.folders = folders;
      for (String path : known) {
        this.known.add(MemorySources.uri(path));
      }
    }

    @Override
    public Collection<URI> known() {
      return known;
    }

    @Override
    public Optional<URI> root(URI document) {
      return Optional.of(MemorySources.ROOT);
    }

    @Override
    public Collection<URI> listed(URI folder) {
      listedFolders.add(folder);
      return folders.getOrDefault(folder, List.of());
    }
  }

  /** The items in the order an editor shows them (by sort text). */
  static List<Item> complete(Marked marked, Completion.Options options, TopologyFiles files, String trigger) {
    return Completion.at(marked.snapshot(), marked.offset(), trigger, options, files, Cancellation.NONE).stream()
        .sorted(Comparator.comparing(i -> i.sortText() == null ? i.label() : i.sortText())).toList();
  }

  static List<Item> complete(Marked marked, TopologyFiles files) {
    return complete(marked, SNIPPETS, files, null);
  }

  static List<Item> complete(String marked) {
    return complete(Marked.of(marked), TopologyFiles.NONE);
  }

  static List<String> labels(List<Item> items) {
    return items.stream().map(Item::label).toList();
  }

  static List<String> labels(String marked) {
    return labels(complete(marked));
  }

  static Item item(List<Item> items, String label) {
    return items.stream().filter(i -> i.label().equals(label)).findFirst()
        .orElseThrow(() -> new AssertionError("no '" + label + "' in " + labels(items)));
  }

  /** The text an item replaces; it always ends at the cursor. */
  static String replaced(Marked marked, Item item) {
    assertEquals(Marked.MAIN, item.replaced().source());
    assertEquals(marked.offset(), item.replaced().end(), "what is replaced ends at the cursor");
    return marked.text().substring(item.replaced().start(), item.replaced().end());
  }

  // ---- statements allowed where the cursor is ----

  @Test
  void theTopOfAFileOffersImportsAndTheTopLevelBlocks() {
    assertEquals(allowed(null), labels("|"));
    assertEquals(allowed(null), labels("import \"a.topo\"\n|"));
  }

  @Test
  void importsAreNotOfferedAfterTheFirstDeclaration() {
    List<String> declarations = allowed(null).stream().filter(w -> !w.equals("import")).toList();
    assertEquals(declarations, labels("host a { }\n|"));
  }

  @Test
  void anUnclosedHostOffersWhatAHostMayHold() {
    assertEquals(allowed(EntityKind.HOST), labels("host a {\n  |"));
  }

  @Test
  void eachBlockKindOffersOnlyItsOwnStatements() {
    assertEquals(allowed(EntityKind.VM), labels("host h {\n  vm v {\n    |"));
    assertEquals(allowed(EntityKind.CONTAINER), labels("host h { container c { | } }"));
    assertEquals(allowed(EntityKind.CLUSTER), labels("cluster k {\n  |\n}"));
    assertEquals(allowed(EntityKind.POD), labels("cluster k { pod p { |"));
    assertEquals(allowed(EntityKind.MODULE), labels("host h { module m { | } }"));
    assertTrue(allowed(EntityKind.CONTAINER).containsAll(List.of("image", "privileged", "share", "library", "module")));
  }

  @Test
  void singleValuedStatementsAlreadyGivenAreLeftOutWhereverTheyStand() {
    assertEquals(allowed(EntityKind.HOST, "os", "cpu"), labels("host a {\n  os linux\n  |\n  cpu 4\n}"));
    assertEquals(allowed(EntityKind.CLUSTER, "nodes"), labels("cluster k {\n  nodes a, b\n  |"));
    assertEquals(allowed(EntityKind.MODULE, "requires", "load"),
        labels("host h { module m { requires x \"1\"; load low; | } }"));
    assertFalse(allowed(EntityKind.MODULE, "requires", "load").contains("load"), "load is given once");
    assertTrue(allowed(EntityKind.MODULE, "requires", "load").contains("requires"), "requires may repeat");
  }

  @Test
  void theWordBeingTypedIsReplacedAndDoesNotCountAsGiven() {
    Marked marked = Marked.of("host a {\n  os linux\n  cp|\n}");
    List<Item> items = complete(marked, TopologyFiles.NONE);
    assertEquals("cp", replaced(marked, item(items, "cpu")));
    assertFalse(labels(items).contains("os"));
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
  void blocksAreTemplatesWithPlaceholdersIndentedLikeTheirLine() {
    Item vm = item(complete("host h {\n  |\n}"), "vm");
    assertEquals(Kind.TEMPLATE, vm.kind());
    assertTrue(vm.snippet());
    assertTrue(vm.keepIndentation(), "the template carries its own indentation");
    assertEquals("vm ${1:name} {\n    os ${2|linux,windows,macos,freebsd|}\n    cpu ${3:4}\n    memory ${4:8GiB}\n    $0\n  }",
        vm.newText());
    Item host = item(complete("|"), "host");
    assertTrue(host.newText().startsWith("host ${1:name} {\n  os "), host.newText());
  }

  @Test
  void theClusterTemplateOffersTheProgramsNodes() {
    Item cluster = item(complete("host a { }\nhost b { }\n|"), "cluster");
    assertEquals("cluster ${1:name} {\n  nodes ${2|a,b|}\n  $0\n}", cluster.newText());
    Item alone = item(complete("|"), "cluster");
    assertTrue(alone.newText().contains("nodes ${2:node}"), "with no node to choose, a placeholder: " + alone.newText());
  }

  @Test
  void theContainerTemplatePutsTheKernelsFamilyFirst() {
    Item container = item(complete("host w {\n  os windows\n  runtime docker\n  |"), "container");
    assertTrue(container.newText().contains("os ${2|windows,linux,macos,freebsd|}"), container.newText());
  }

  @Test
  void propertiesAreKeywordsWithTheirValuesAsChoices() {
    List<Item> items = complete("host h {\n  |");
    Item runtime = item(items, "runtime");
    assertEquals(Kind.KEYWORD, runtime.kind());
    assertFalse(runtime.keepIndentation(), "one line: the editor may indent it");
    assertEquals("runtime ${1|docker,containerd,cri-o,podman|}", runtime.newText());
    assertEquals("hypervisor ${1|kvm,xen,hyper-v,esxi,virtualbox|}", item(items, "hypervisor").newText());
    assertEquals("library ${1:name} \"${2:1.0}\"", item(items, "library").newText());
  }

  @Test
  void withoutSnippetsKeywordsArePlainWords() {
    List<Item> items = complete(Marked.of("host h {\n  |"), new Completion.Options(false, "en"), TopologyFiles.NONE, null);
    Item vm = item(items, "vm");
    assertEquals(Kind.KEYWORD, vm.kind());
    assertFalse(vm.snippet());
    assertFalse(vm.keepIndentation());
    assertEquals("vm ", vm.newText());
  }

  @Test
  void keywordsAreDocumentedFromTheKnowledgeBaseInTheAskedLanguage() {
    Item os = item(complete("host h {\n  |"), "os");
    assertEquals("Operating system", os.detail());
    assertTrue(os.documentation().contains("container-os-mismatch"), os.documentation());

    Item koOs = item(complete(Marked.of("host h {\n  |"), new Completion.Options(true, "ko"), TopologyFiles.NONE, null),
        "os");
    assertEquals("운영체제", koOs.detail());
  }

  // ---- values after a keyword ----

  @Test
  void osFamiliesAfterOs() {
    Marked marked = Marked.of("host a {\n  os |");
    List<Item> items = complete(marked, TopologyFiles.NONE);
    assertEquals(List.of("linux", "windows", "macos", "freebsd"), labels(items));
    assertEquals(Kind.CLOSED_VALUE, items.get(0).kind());
    assertEquals("OS family", items.get(0).detail());
    assertFalse(items.get(0).preselect(), "no kernel underneath a host");
    assertEquals("", replaced(marked, items.get(0)));
  }

  @Test
  void aHalfTypedFamilyIsReplacedWhole() {
    Marked marked = Marked.of("host a {\n  os li|\n  cpu 4\n}");
    Item linux = item(complete(marked, TopologyFiles.NONE), "linux");
    assertEquals("li", replaced(marked, linux));
    assertEquals("linux", linux.newText());
    assertFalse(linux.snippet());
  }

  @Test
  void aContainersOsOffersItsKernelsFamilyFirst() {
    List<Item> items = complete("host w {\n  os windows\n  runtime docker\n  container c {\n    os |");
    assertEquals("windows", items.get(0).label());
    assertTrue(items.get(0).preselect());
    assertEquals("the family of the kernel underneath", items.get(0).detail());
    assertFalse(items.get(1).preselect());
  }

  @Test
  void aPodContainersOsOffersTheFamilyOfTheClustersNodes() {
    List<Item> items = complete("""
        host n1 { os freebsd; runtime containerd }
        host n2 { os freebsd; runtime containerd }
        cluster k {
          nodes n1, n2
          pod p { container c { os | } }
        }
        """);
    assertEquals("freebsd", items.get(0).label());
  }

  @Test
  void namespacesAfterShareLeaveOutThoseListed() {
    List<Item> items = complete("host a { container c { share network, |");
    assertEquals(List.of("pid", "ipc", "uts", "mount", "user"), labels(items));
    assertNotNull(items.get(0).documentation(), "namespaces have entries of their own");
    assertEquals(Kind.CLOSED_VALUE, items.get(0).kind());
  }

  @Test
  void runtimesHypervisorsPrivilegedAndLoad() {
    assertEquals(List.of("docker", "containerd", "cri-o", "podman"), labels("host a {\n  runtime |"));
    assertEquals(Kind.OPEN_VALUE, complete("host a {\n  runtime |").get(0).kind());
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
    Item b = item(complete(text), "b");
    assertEquals(Kind.NODE, b.kind());
    assertEquals("host · os unknown · cpu ?, memory ?", b.detail());
  }

  @Test
  void nodesThatAreNoIdentifiersAreInsertedQuotedAndThoseListedQuotedAreLeftOut() {
    String text = """
        host "ip-10-0-1-23.ec2.internal" { }
        host "10.0.0.5" { }
        host "host" { }
        host web { }
        cluster k { nodes "10.0.0.5", |""";
    List<Item> items = complete(text);
    assertEquals(List.of("ip-10-0-1-23.ec2.internal", "host", "web"), labels(items));
    assertEquals(List.of("\"ip-10-0-1-23.ec2.internal\"", "\"host\"", "web"), items.stream().map(Item::newText).toList());
    Item cluster = item(complete("host \"a.b\" { }\nhost c { }\n|"), "cluster");
    assertEquals("cluster ${1:name} {\n  nodes ${2|\"a.b\",c|}\n  $0\n}", cluster.newText());
  }

  @Test
  void aNodeTypedInQuotesIsCompletedInsideThem() {
    Marked marked = Marked.of("host \"ip-10.internal\" { }\nhost \"a\\\"b\" { }\ncluster k { nodes \"ip-|\" }");
    List<Item> items = complete(marked, SNIPPETS, TopologyFiles.NONE, null);
    assertEquals(List.of("ip-10.internal", "a\"b"), labels(items));
    assertEquals("ip-10.internal", items.get(0).newText());
    assertEquals("a\\\"b", items.get(1).newText(), "escaped as inside a string");
    assertEquals("ip-", replaced(marked, items.get(0)));
  }

  @Test
  void aBlockWithAQuotedNameIsABlockForCompletion() {
    assertEquals(List.of("a"), labels("host a { }\ncluster \"k.1\" { nodes |"));
    assertTrue(labels("host \"a.b\" { container \"c.d\" {\n  |").contains("image"));
  }

  @Test
  void nodesIncludeThoseOfImportedFiles() {
    Marked marked = Marked.of("import \"lib.topo\"\ncluster k {\n  nodes |\n}")
        .with("lib.topo", "host n1 { os linux; cpu 8; memory 16GiB; runtime docker }");
    Item n1 = item(complete(marked, TopologyFiles.NONE), "n1");
    assertEquals("host · linux · 8 cpu, 16 GiB · lib.topo", n1.detail());
  }

  @Test
  void librariesTheEnvironmentProvidesComeFirst() {
    // The container's library is declared after the module: the tokens find it all the same.
    List<Item> items = complete("""
        host h {
          library postgresql "15.4"
          container c {
            module m { requires | }
            library openjdk "17.0.2"
          }
        }
        host other { library openjdk "21"; library zlib "1.3" }
        """);
    assertEquals(List.of("openjdk", "postgresql", "zlib"), labels(items));
    assertEquals("provided by container 'c': 17.0.2", items.get(0).detail());
    assertEquals("openjdk \"${1:17}\"", items.get(0).newText());
    assertTrue(items.get(0).snippet());
    assertTrue(items.get(0).preselect(), "the first the environment provides");
    assertEquals(Kind.LIBRARY, items.get(0).kind());
    assertEquals("not provided by container 'c'", items.get(1).detail());
    assertFalse(items.get(1).preselect());
  }

  @Test
  void aRequirementWhoseRangeIsWrittenGetsOnlyTheName() {
    Item lib = item(complete("host h { library openssl \"3\"\n module m { requires op| \">=3\" } }"), "openssl");
    assertEquals("openssl", lib.newText());
    assertFalse(lib.snippet());
  }

  @Test
  void valuesWithNothingToOfferOfferNothing() {
    assertEquals(List.of(), labels("host a {\n  cpu |"));
    assertEquals(List.of(), labels("host a {\n  memory 4|"));
    assertEquals(List.of(), labels("host |"));
    assertEquals(List.of(), labels("host a { module m { requires openjdk | } }"));
  }

  // ---- language 2: architectures, isolation, cgroups, requests, labels ----

  @Test
  void theNewStatementsAreOfferedInTheBlocksThatAllowThem() {
    List<String> host = labels("host h {\n  |");
    assertTrue(host.containsAll(List.of("arch", "kernel", "cgroup", "label")), host.toString());
    assertFalse(host.stream().anyMatch(List.of("isolation", "cpu-request", "memory-request", "select")::contains),
        host.toString());
    List<String> vm = labels("host h { vm v { | } }");
    assertTrue(vm.containsAll(List.of("arch", "kernel", "cgroup", "label")), vm.toString());
    List<String> container = labels("host h { container c { | } }");
    assertTrue(container.containsAll(List.of("arch", "isolation", "cpu-request", "memory-request")), container.toString());
    assertFalse(container.stream().anyMatch(List.of("kernel", "cgroup", "label", "select")::contains), container.toString());
    List<String> pod = labels("cluster k { pod p { | } }");
    assertTrue(pod.contains("select"), pod.toString());
    assertFalse(pod.contains("label"), pod.toString());
    assertFalse(labels("cluster k { | }").contains("select"));
  }

  @Test
  void labelsAndSelectsRepeatButAnArchIsGivenOnce() {
    List<String> host = labels("host h {\n  arch amd64\n  label zone \"eu-1\"\n  |");
    assertTrue(host.contains("label"), host.toString());
    assertFalse(host.contains("arch"), host.toString());
    assertTrue(labels("cluster k { pod p { select os \"linux\"; | } }").contains("select"));
    assertFalse(labels("host h { container c { cpu-request 250m; | } }").contains("cpu-request"));
  }

  @Test
  void theHyphenatedKeywordsAreReplacedWholeAndDocumented() {
    Marked marked = Marked.of("host h { container c {\n  cpu-re|\n} }");
    Item request = item(complete(marked, TopologyFiles.NONE), "cpu-request");
    assertEquals("cpu-re", replaced(marked, request));
    assertEquals("cpu-request ${1:500m}", request.newText());
  }

  @Test
  void isolationCgroupAndArchOfferTheirClosedSets() {
    assertEquals(List.of("process", "hyperv"), labels("host h { container c { isolation | } }"));
    assertEquals(Kind.CLOSED_VALUE, complete("host h { container c { isolation | } }").get(0).kind());
    assertEquals(List.of("v1", "v2"), labels("host h {\n  cgroup |"));
    assertEquals(List.of("v1", "v2"), labels("host h { vm v { cgroup v| } }"));
    assertEquals(List.of("amd64", "arm64", "arm", "386", "ppc64le", "s390x", "riscv64"), labels("host h {\n  arch |"));
    assertEquals("architectures", complete("host h {\n  arch |").get(0).detail());
  }

  @Test
  void aContainersArchListOffersTheArchitecturesNotListedYet() {
    assertEquals(List.of("arm", "386", "ppc64le", "s390x", "riscv64"),
        labels("host h { container c { arch amd64, arm64, | } }"));
    // 386 lexes as a number; x86_64 is amd64 by another name.
    assertEquals(List.of("amd64", "arm64", "arm", "ppc64le", "s390x", "riscv64"),
        labels("host h { container c { arch 386, | } }"));
    assertFalse(labels("host h { container c { arch x86_64, | } }").contains("amd64"));
    Marked marked = Marked.of("host h { container c { arch 386, ar| } }");
    assertEquals("ar", replaced(marked, item(complete(marked, TopologyFiles.NONE), "arm64")));
  }

  @Test
  void aHostOrVmHasOneArchitectureSoNothingFollowsTheFirst() {
    assertEquals(List.of(), labels("host h { arch amd64, | }"));
    assertEquals(List.of(), labels("host h { vm v { arch arm64, | } }"));
  }

  @Test
  void aContainersArchOffersTheArchitectureOfItsKernelFirst() {
    List<Item> items = complete("host h {\n  arch arm64\n  container c {\n    arch |");
    assertEquals("arm64", items.get(0).label());
    assertTrue(items.get(0).preselect());
    assertEquals("the architecture of the kernel underneath", items.get(0).detail());
    assertFalse(items.get(1).preselect());
    assertEquals("arm64", labels("host h {\n  arch aarch64\n  vm v {\n    container c { arch | } } }").get(0),
        "a VM without arch has its host's, aliases read as the architecture they name");
    Item first = complete("host h { container c { arch | } }").get(0);
    assertEquals("amd64", first.label(), "with no arch underneath, the vocabulary's order");
    assertFalse(first.preselect());
  }

  @Test
  void aVmsArchOffersItsHostsFirst() {
    Item first = complete("host h {\n  arch s390x\n  vm v {\n    arch |").get(0);
    assertEquals("s390x", first.label());
    assertEquals("the architecture of its host", first.detail());
    assertTrue(first.preselect());
  }

  @Test
  void aPodContainersArchOffersTheArchitecturesOfTheClustersNodes() {
    List<Item> items = complete("""
        host n1 { os linux; arch arm64 }
        host n2 { os linux; arch amd64 }
        host n3 { os linux; arch arm64 }
        cluster k {
          nodes n1, n2, n3
          pod p { container c { arch | } }
        }
        """);
    assertEquals(List.of("arm64", "amd64"), labels(items).subList(0, 2));
    assertEquals("an architecture of the cluster's nodes", items.get(0).detail());
    assertFalse(items.get(0).preselect(), "no one architecture to prefer");
  }

  static final String LABELLED = """
      host a { os linux; arch arm64; label zone "eu-1"; label "node.kubernetes.io/pool" "gpu" }
      host b { os windows; label zone "eu-2"; label tier "front" }
      cluster k {
        nodes a, b
        pod p {
          select tier "back"
          %s
        }
      }
      """;

  @Test
  void selectOffersTheBuiltInKeysThenTheKeysTheProgramUses() {
    Marked marked = Marked.of(LABELLED.formatted("select |"));
    List<Item> items = complete(marked, TopologyFiles.NONE);
    assertEquals(List.of("os", "arch", "node.kubernetes.io/pool", "tier", "zone"), labels(items));
    assertEquals(Kind.LABEL_KEY, items.get(0).kind());
    assertTrue(items.get(0).detail().contains("also kubernetes.io/os"), items.get(0).detail());
    Item zone = item(items, "zone");
    assertEquals("zone \"$1\"", zone.newText());
    assertTrue(zone.snippet());
    assertTrue(zone.suggestAgain(), "the values come up in the quotes at once");
    assertEquals("\"node.kubernetes.io/pool\" \"$1\"", item(items, "node.kubernetes.io/pool").newText(),
        "a key a name cannot spell is quoted");
    assertEquals("", replaced(marked, zone));
  }

  @Test
  void labelOffersTheKeysTheProgramUsesButNotTheBuiltIns() {
    String text = "host c {\n  label |\n}\ncluster k { nodes c; pod p { select os \"linux\"; select rack \"r1\" } }";
    assertEquals(List.of("rack"), labels(text), "keys of selects too; os is the node's own `os`");
    assertEquals(List.of("tier", "zone"), labels("host a { label zone \"eu\" }\nhost b { label tier \"x\"; label z| }"));
  }

  @Test
  void withoutSnippetsOrWithItsStringWrittenAKeyIsOnlyTheKey() {
    List<Item> plain = complete(Marked.of(LABELLED.formatted("select |")), new Completion.Options(false, "en"),
        TopologyFiles.NONE, null);
    assertEquals("\"node.kubernetes.io/pool\"", item(plain, "node.kubernetes.io/pool").newText());
    assertFalse(item(plain, "zone").snippet());
    Item zone = item(complete(LABELLED.formatted("select z| \"eu-1\"")), "zone");
    assertEquals("zone", zone.newText());
    assertFalse(zone.suggestAgain());
  }

  @Test
  void aKeyTypedInQuotesIsCompletedInsideThem() {
    Marked marked = Marked.of(LABELLED.formatted("select \"node.|\""));
    Item pool = item(complete(marked, SNIPPETS, TopologyFiles.NONE, "\""), "node.kubernetes.io/pool");
    assertEquals("node.kubernetes.io/pool", pool.newText());
    assertEquals("node.", replaced(marked, pool));
  }

  @Test
  void aValueInQuotesOffersTheValuesUsedWithItsKey() {
    Marked marked = Marked.of(LABELLED.formatted("select zone \"eu|\""));
    List<Item> items = complete(marked, TopologyFiles.NONE);
    assertEquals(List.of("eu-1", "eu-2"), labels(items));
    assertEquals("eu-1", items.get(0).newText());
    assertEquals("used by host 'a'", items.get(0).detail());
    assertEquals(Kind.OPEN_VALUE, items.get(0).kind());
    assertEquals("eu", replaced(marked, items.get(0)));
    assertEquals(List.of("back", "front"), labels(LABELLED.formatted("select tier \"|\"")),
        "values of labels and of other selects");
    assertEquals("used by pod 'p'", item(complete(LABELLED.formatted("select tier \"|\"")), "back").detail());
    assertEquals(List.of("gpu"), labels(LABELLED.formatted("select \"node.kubernetes.io/pool\" \"|")));
  }

  @Test
  void aValueAfterTheKeyIsOfferedInItsQuotes() {
    Item eu1 = item(complete(LABELLED.formatted("select zone |")), "eu-1");
    assertEquals("\"eu-1\"", eu1.newText());
    assertEquals(List.of("eu-1", "eu-2"), labels("host a { label zone \"eu-1\" }\nhost b { label zone \"eu-2\" }\n"
        + "host c { label zone | }"));
  }

  @Test
  void theBuiltInKeysOfferTheirOwnValues() {
    assertEquals(List.of("linux", "windows", "macos", "freebsd"), labels(LABELLED.formatted("select os \"|\"")));
    assertEquals(Kind.CLOSED_VALUE, complete(LABELLED.formatted("select os \"|\"")).get(0).kind());
    assertEquals(List.of("arm64"), labels(LABELLED.formatted("select arch \"|\"")), "the architectures of the nodes");
    assertEquals(List.of("arm64"), labels(LABELLED.formatted("select \"kubernetes.io/arch\" \"|\"")));
    assertEquals(List.of("amd64", "arm64", "arm", "386", "ppc64le", "s390x", "riscv64"),
        labels("host a { os linux }\ncluster k { nodes a; pod p { select arch \"|\" } }"), "no node declares one: all");
    assertEquals(List.of(), labels("host a { label os \"|\" }"), "a node may not label itself with a built-in");
  }

  @Test
  void theLabelBeingTypedIsNotOfferedBackToItself() {
    assertEquals(List.of("eu-1"), labels("host a { label zone \"eu-1\" }\nhost b { label zone \"eu-|\" }"));
    assertEquals(List.of("zone"), labels("host a { label zone \"eu-1\" }\nhost b { label zo| \"x\" }"));
  }

  // ---- strings, comments, odd places ----

  @Test
  void commentsAndOtherStringsOfferNothing() {
    assertEquals(List.of(), labels("host a {\n  // os |\n}"));
    assertEquals(List.of(), labels("host a { container c { image \"|\" } }"));
  }

  @Test
  void importPathsListTopologyFilesAndFoldersBesideTheFile() {
    Marked marked = Marked.of("import \"|\"\nhost a { }");
    List<Item> items = complete(marked, new Disk(Map.of(), "main.topo", "shared.topo", "lib/net.topo", "notes.txt"));
    assertEquals(List.of("shared.topo", "lib/"), labels(items));
    assertEquals(Kind.FILE, items.get(0).kind());
    assertEquals("shared.topo", items.get(0).newText());
    assertFalse(items.get(0).suggestAgain());
    assertEquals(Kind.FOLDER, items.get(1).kind());
    assertTrue(items.get(1).suggestAgain(), "a folder's contents are the next thing to choose");
  }

  @Test
  void importPathsReplaceOnlyTheSegmentAfterTheLastSlash() {
    Marked marked = Marked.of("import \"lib/n|");
    Item net = item(complete(marked, new Disk(Map.of(), "lib/net.topo")), "net.topo");
    assertEquals("n", replaced(marked, net));
    assertEquals("lib/net.topo", net.detail());
  }

  @Test
  void importPathsAddWhatIsOnTheDiskInTheFolderAndLeadBackUp() {
    URI lib = MemorySources.uri("lib/");
    Disk disk = new Disk(Map.of(lib, List.of(MemorySources.uri("lib/new.topo"), MemorySources.uri("lib/deeper/x.topo"),
        MemorySources.uri("lib/node_modules/y.topo"))), "base.topo", "lib/a.topo");
    assertEquals(List.of("a.topo", "new.topo", "deeper/", "../"), labels(complete(Marked.of("import \"lib/|\""), disk)));
    assertEquals(List.of(lib), disk.listedFolders);
    Item up = item(complete(Marked.of("import \"lib/|\""), disk), "../");
    assertTrue(up.suggestAgain());
    assertEquals(List.of("base.topo", "lib/"), labels(complete(Marked.of("import \"lib/../|\""), disk)),
        "a path that goes up is read where it leads");
  }

  @Test
  void anAbsolutePathDoesNotReadTheDiskOutsideTheWorkspace() {
    Disk disk = new Disk(Map.of(), "shared.topo");
    assertEquals(List.of("ws/"), labels(complete(Marked.of("import \"/|\""), disk)), "the known files only");
    assertEquals(List.of("ws/"), labels(complete(Marked.of("import \"../../|\""), disk)));
    assertEquals(List.of(), disk.listedFolders, "no folder outside the workspace is listed");
  }

  @Test
  void importPathsNeedAFileOnTheDisk() {
    Snapshot snapshot = Marked.of("import \"|\"").snapshot();
    Snapshot untitled = new Snapshot(new dev.topo.workspace.TextDocument(URI.create("untitled:Untitled-1"), 1,
        snapshot.document().text()), snapshot.analysis(), 0, snapshot.syntaxes());
    assertEquals(List.of(), Completion.at(untitled, 8, null, SNIPPETS, new Disk(Map.of(), "shared.topo"), Cancellation.NONE));
  }

  @Test
  void theTriggerCharactersOfPathsBringNothingUpOutsideStrings() {
    assertEquals(List.of("\"", "/"), Completion.TRIGGER_CHARACTERS);
    Marked comment = Marked.of("host a {\n  /|\n}");
    assertEquals(List.of(), complete(comment, SNIPPETS, TopologyFiles.NONE, "/"));
    assertFalse(complete(comment, SNIPPETS, TopologyFiles.NONE, null).isEmpty(), "asked for, the statements come");
    Marked path = Marked.of("import \"|");
    assertEquals(List.of("lib.topo"), labels(complete(path, SNIPPETS, new Disk(Map.of(), "lib.topo"), "\"")));
  }

  // ---- robustness ----

  @Test
  void everyOffsetOfTheSampleAnswersWithoutAnException() throws Exception {
    String text = Files.readString(TestFiles.samples().resolve("shop.topo"));
    Snapshot snapshot = Marked.of(text.replace("|", "")).snapshot();
    for (int offset = -1; offset <= text.length() + 1; offset++) {
      assertNotNull(Completion.at(snapshot, offset, null, SNIPPETS, TopologyFiles.NONE, Cancellation.NONE));
    }
  }

  @Test
  void everyPrefixOfTheSampleIsCompletedAsTheTextBeingTyped() throws Exception {
    String text = Files.readString(TestFiles.samples().resolve("shop.topo")).replace("|", "");
    for (int end = 0; end <= text.length(); end += 37) {
      assertNotNull(complete(text.substring(0, end) + "|"));
    }
    // The end of the first pod's container, typed up to 'os ': the families come back.
    int at = text.indexOf("container web {\n      os ") + "container web {\n      os ".length();
    assertEquals("linux", labels(text.substring(0, at) + "|").get(0));
  }

  @Test
  void aCancelledRequestAnswersNothing() {
    Marked marked = Marked.of("host a {\n  |");
    Snapshot snapshot = marked.snapshot();
    org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class,
        () -> Completion.at(snapshot, marked.offset(), null, SNIPPETS, TopologyFiles.NONE, () -> true));
  }

  @Test
  void itemsWithoutDocumentationHaveNone() {
    Item linux = item(complete("host a {\n  os |"), "linux");
    assertNull(linux.documentation());
  }

  /**
   * What a block (the top of a file for null) offers, by the vocabulary: its statements in
   * order, less those given already that may not repeat. The vocabulary is the specification
   * of placement; these tests check that completion reads the cursor's block and follows it.
   */
  private static List<String> allowed(EntityKind block, String... given) {
    List<String> already = List.of(given);
    return Keyword.allowedStatements(block).stream()
        .filter(k -> k.repeatable() || !already.contains(k.word()))
        .map(Keyword::word).toList();
  }
}
