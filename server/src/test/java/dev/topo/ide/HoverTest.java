package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.TestFiles;
import dev.topo.check.Cancellation;
import dev.topo.check.Finding;
import dev.topo.knowledge.Entry;
import dev.topo.knowledge.KnowledgeBase;
import dev.topo.model.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hover on cursor-marked texts ('|'): keywords, entities, requirements, findings. */
class HoverTest {
  static Optional<Hover.Result> hover(Marked m, String locale) {
    return Hover.at(m.snapshot(), m.offset(), locale, false, Cancellation.NONE);
  }

  static Hover.Result hover(Marked m) {
    return hover(m, "en").orElseThrow(() -> new AssertionError("no hover in " + m.text()));
  }

  static Hover.Result hover(String marked) {
    return hover(Marked.of(marked));
  }

  static String markdown(String marked) {
    return hover(marked).markdown();
  }

  static String markdown(Marked m) {
    return hover(m).markdown();
  }

  /** The hover is about the first occurrence of a piece of the text, exactly. */
  static void assertAbout(Marked m, String piece) {
    Hover.Result result = hover(m);
    assertEquals(m.offsetOf(piece), result.span().start(), () -> "hover about «" + piece + "» in " + m.text());
    assertEquals(m.offsetOf(piece) + piece.length(), result.span().end(), () -> "hover about «" + piece + "» in " + m.text());
  }

  static void assertContains(String text, String... pieces) {
    for (String piece : pieces) {
      assertTrue(text.contains(piece), () -> "no «" + piece + "» in:\n" + text);
    }
  }

  // ---- keywords ----

  @Test
  void aBlockKeywordShowsItsKnowledgeBaseEntry() {
    Marked m = Marked.of("ho|st a { }");
    assertTrue(markdown(m).startsWith("**Host**\n"));
    assertAbout(m, "host");
  }

  @Test
  void aPropertyKeywordShowsItsEntry() {
    assertTrue(markdown("host a {\n  o|s linux\n}").startsWith("**Operating system**"));
  }

  @Test
  void anOsFamilyIsExplainedByTheOsEntry() {
    Marked m = Marked.of("host a {\n  os lin|ux \"rhel 9\"\n}");
    assertTrue(markdown(m).startsWith("**Operating system**"));
    assertAbout(m, "linux");
  }

  @Test
  void aNamespaceAfterShareShowsItsOwnEntry() {
    assertContains(markdown("host a { container c { share network, p|id } }"), "\n\n**PID namespace**\n\n");
  }

  @Test
  void aKeywordShowsOnlyItsTitleAndSummaryAndHowToReadTheRest() {
    Marked m = Marked.of("ho|st a { }");
    Entry host = KnowledgeBase.get().entry("host", "en").orElseThrow();
    assertEquals("**Host**\n\n" + host.summary() + "\n\n`topo explain host`", markdown(m));
    String linked = Hover.at(m.snapshot(), m.offset(), "ko", true, Cancellation.NONE).orElseThrow().markdown();
    assertTrue(linked.endsWith("\n\n[자세히…](command:topology.explain?%5B%7B%22entry%22%3A%22host%22%7D%5D)"), linked);
  }

  @Test
  void keywordsAreExplainedInTheGivenLocaleWithEnglishAsFallback() {
    Marked m = Marked.of("host a {\n  o|s linux\n}");
    String korean = hover(m, "ko-KR").orElseThrow().markdown();
    assertTrue(korean.startsWith("**운영체제**"), korean);
    assertTrue(hover(m, "fr").orElseThrow().markdown().startsWith("**Operating system**"));
  }

  @Test
  void keywordsOfHalfTypedOrMisplacedStatementsAreExplainedAllTheSame() {
    assertTrue(markdown("host a {\n  o|s ").startsWith("**Operating system**"));
    String misplaced = markdown("cp|u 4\nhost a { }");
    assertTrue(misplaced.startsWith("**CPU**") || misplaced.contains("`cpu`"), misplaced);
    assertContains(misplaced, "`misplaced-property`");
  }

  // ---- entities ----

  static final String HOST = """
      host hv-01 {
        os linux "ubuntu 22.04"
        cpu 16
        memory 64GiB
        hypervisor kvm
        runtime docker "24.0"
        library openssl "3.0.2"
        vm app {
          os windows "server 2022"
          cpu 4
          memory 16GiB
          runtime docker
          container win-svc { os windows; image "svc"; cpu 1 }
        }
        container proxy { os linux; image "nginx:1.25"; cpu 2; memory 2GiB; privileged true; share network }
      }
      cluster k { nodes hv-01, app }
      """;

  @Test
  void aHostShowsItsKernelCapacityAndWhatItGivesOut() {
    Marked m = Marked.of(HOST.replace("host hv-01", "host hv|-01"));
    assertContains(markdown(m), "**host** `hv-01`", "`linux \"ubuntu 22.04\"` (its own kernel)",
        "- **cpu:** 16, 6 given to its VMs and containers (38%)",
        "- **memory:** 64 GiB, 18 GiB given to its VMs and containers (28%)",
        "**Hypervisor:** kvm", "**Runtime:** docker 24.0", "**Libraries:** openssl 3.0.2",
        "1 vm `app`, 1 container `proxy`", "**Node of:** cluster 'k'");
    assertAbout(m, "hv-01");
  }

  @Test
  void aVmShowsItsGuestKernelItsHostAndItsContainersShare() {
    String md = markdown(HOST.replace("vm app", "vm a|pp"));
    assertContains(md, "**vm** `app`", "its own guest kernel", "**Runs on:** host 'hv-01' under kvm",
        "- **cpu:** 4, 1 given to its containers (25%)", "- **memory:** 16 GiB, 0 B given to its containers (0%)");
  }

  @Test
  void aContainerShowsTheKernelItSharesItsLimitsAndItsImage() {
    String md = markdown(HOST.replace("container win-svc", "container win-s|vc"));
    assertContains(md, "**Kernel:** the windows kernel of vm 'app'", "**Limits:** cpu 1 · memory none",
        "can starve its neighbours", "**Image:** `svc` (not pinned)");
    String proxy = markdown(HOST.replace("container proxy", "container pro|xy"));
    assertContains(proxy, "the linux kernel of host 'hv-01'", "**Privileged:** yes", "**Shares with the host:** network");
    assertFalse(proxy.contains("not pinned"));
  }

  static final String CLUSTER = """
      host n1 { os linux; cpu 8; memory 16GiB; runtime containerd }
      host n2 { os linux; cpu 8; memory 16GiB; runtime containerd }
      cluster shop {
        nodes n1, n2
        pod web {
          replicas 3
          container app { os linux; image "web:1"; cpu 1; memory 1GiB }
          container sidecar { os linux; image "envoy:1"; cpu 0.5; memory 512Mi }
        }
      }
      """;

  @Test
  void aClusterShowsItsNodesCapacityAndWhatItsPodsNeed() {
    String md = markdown(CLUSTER.replace("cluster shop", "cluster sh|op"));
    assertContains(md, "**Nodes:** `n1` (8 cpu, 16 GiB), `n2` (8 cpu, 16 GiB)", "**Capacity:** cpu 16 · memory 32 GiB",
        "**Pods request:** cpu 4.5 of 16 (28%) · memory 4.5 GiB of 32 GiB (14%), replicas included", "`web` ×3");
    assertFalse(md.contains("**Free:**"), md);
  }

  @Test
  void aClusterWhoseNodesRunGuestsOfTheirOwnShowsWhatIsFreeAndItsPodsRequestsOfThat() {
    String md = markdown(CLUSTER.replace("cluster shop", "cluster sh|op")
        .replace("memory 16GiB; runtime containerd }", "memory 16GiB; runtime containerd; container own { cpu 4; memory 8GiB } }")
        .replace("cpu 1; memory 1GiB", "cpu 1; cpu-request 0.5; memory 1GiB"));
    assertContains(md, "**Capacity:** cpu 16 · memory 32 GiB",
        "**Free:** cpu 8 · memory 16 GiB (less what the nodes run themselves)",
        "**Pods request:** cpu 3 of 8 free (38%) · memory 4.5 GiB of 16 GiB free (28%), replicas included");
  }

  @Test
  void aPodShowsItsNeedPerReplicaTimesReplicas() {
    String md = markdown(CLUSTER.replace("pod web", "pod w|eb"));
    assertContains(md, "**Cluster:** cluster 'shop', nodes `n1`, `n2`", "**Replicas:** 3",
        "**Requests per replica:** cpu 1.5 · memory 1.5 GiB", "**In total:** cpu 4.5 · memory 4.5 GiB (3 × per replica)");
  }

  @Test
  void aPodsContainerRunsOnTheKernelOfWhicheverNodeItLandsOn() {
    String md = markdown(CLUSTER.replace("container app", "container a|pp"));
    assertContains(md, "that of the node it is scheduled on: `n1` (linux), `n2` (linux)");
  }

  @Test
  void aNodeReferenceSummarisesTheNodeEvenInAnotherFile() {
    Marked m = Marked.of("import \"lib.topo\"\ncluster k { nodes n|1 }")
        .with("lib.topo", "host n1 { os linux; cpu 8; memory 16GiB; runtime docker }");
    assertContains(markdown(m), "**host** `n1` · in `lib.topo`", "- **cpu:** 8", "**Node of:** cluster 'k'");
    assertAbout(m, "n1");
  }

  @Test
  void anEntityInAnotherFolderIsNamedByItsPathFromTheDocument() {
    Marked m = Marked.of("import \"shared/lib.topo\"\ncluster k { nodes n|1 }")
        .with("shared/lib.topo", "host n1 { os linux }");
    assertContains(markdown(m), "**host** `n1` · in `shared/lib.topo`");
  }

  @Test
  void anUnknownNodeSaysSoAndSuggestsTheClosestName() {
    String md = markdown("host web-01 { }\ncluster k { nodes web-0|2 }");
    assertContains(md, "**unknown node** `web-02`", "Did you mean `web-01`?", "`unknown-reference`");
  }

  // ---- language 2: derived facts ----

  static final String MIXED = """
      host lin {
        os linux "ubuntu 22.04"
        arch arm64
        kernel "5.15.0-1052-azure"
        cgroup v2
        label zone "eu-1"
        label "node.kubernetes.io/pool" "gpu"
        runtime containerd
        vm guest { os linux; cgroup v1; runtime containerd }
      }
      host win { os windows "server 2022"; arch amd64; runtime containerd }
      host bare { os linux }
      cluster k {
        nodes lin, win
        pod web {
          select os "linux"
          container app { os linux; image "web:1"; arch arm64, amd64 }
        }
        pod nowhere {
          select zone "eu-9"
          select os "linux"
          container c { os linux; image "c:1" }
        }
        pod split {
          select os "windows"
          select zone "eu-1"
        }
        pod any { replicas 2 }
      }
      """;

  static String hoverOn(String name) {
    return markdown(MIXED.replaceFirst("(host|vm|pod|container|cluster) " + name + " ", "$1 " + name + "| "));
  }

  @Test
  void aQuotedNameIsShownAsTheNameItIs() {
    String md = markdown("host \"ip-10.internal\" { os linux; runtime containerd }\n"
        + "cluster k { nodes \"ip-|10.internal\"; pod p { container c { os linux } } }");
    assertContains(md, "**host** `ip-10.internal`");
    assertContains(markdown("host \"ip-10.internal\" { os linux; runtime containerd }\n"
        + "cluster k| { nodes \"ip-10.internal\" }"), "- **Nodes:** `ip-10.internal` (cpu ?, memory ?)");
  }

  @Test
  void aHostShowsItsArchitectureLabelsAndDeclaredKernelFacts() {
    String md = hoverOn("lin");
    assertContains(md, "- **Arch:** `arm64`\n",
        "- **Kernel:** `5.15.0-1052-azure` (declared)",
        "- **cgroup:** `v2` (declared)",
        "- **Labels:** `os=linux`, `arch=arm64`, `zone=eu-1`, `node.kubernetes.io/pool=gpu`");
    assertFalse(md.contains("Windows build"), "a Linux host has no Windows build");
  }

  @Test
  void aVmInheritsItsHostsArchitectureAndSaysSo() {
    String md = hoverOn("guest");
    assertContains(md, "- **Arch:** `arm64` (its host's)", "- **cgroup:** `v1` (declared)",
        "- **Kernel:** not known (declare `kernel`)", "`arch=arm64`");
  }

  @Test
  void whatIsNotKnownIsSaidOnlyWhereItMatters() {
    String bare = hoverOn("bare");
    assertContains(bare, "- **Kernel:** not known (declare `kernel`)", "- **cgroup:** not known (declare `cgroup`)",
        "- **Labels:** `os=linux`");
    assertFalse(bare.contains("**Arch:**"), "a host without arch has no architecture: " + bare);
    String win = hoverOn("win");
    assertContains(win, "- **Windows build:** `Windows Server 2022 (build 20348)` (release \"server 2022\")",
        "`os=windows`, `arch=amd64`");
    assertContains(markdown("host h|x { os windows }"), "- **Windows build:** not known from the OS release");
    assertFalse(win.contains("**Kernel:**") || win.contains("**cgroup:**"), win);
    String unknownOs = markdown("host h|x { cgroup v2 }");
    assertContains(unknownOs, "- **cgroup:** `v2` (declared)");
    assertFalse(unknownOs.contains("Kernel") || unknownOs.contains("Labels"), unknownOs);
  }

  @Test
  void aPodShowsItsSelectsAndTheNodesThatMatchThem() {
    String md = hoverOn("web");
    assertContains(md, "- **Selects:** `os=linux`", "- **Eligible nodes:** `lin` (linux, arm64)");
    String any = hoverOn("any");
    assertFalse(any.contains("Selects") || any.contains("Eligible"), "without selects, every node: " + any);
  }

  @Test
  void aPodWhoseSelectorMatchesNoNodeSaysWhich() {
    assertContains(hoverOn("nowhere"), "- **Selects:** `zone=eu-9`, `os=linux`",
        "- **Eligible nodes:** none: no node of cluster 'k' has `zone=eu-9`");
    assertContains(hoverOn("split"), "- **Eligible nodes:** none: no node of cluster 'k' matches every select");
    assertContains(markdown("cluster k { pod p|x { select os \"linux\" } }"),
        "- **Eligible nodes:** none: cluster 'k' has no known nodes");
  }

  @Test
  void aPodsContainerRunsOnlyOnTheNodesItsPodSelects() {
    assertContains(hoverOn("app"), "that of the node it is scheduled on: `lin` (linux)",
        "- **Arch:** arm64, amd64 (what its image is built for)");
    assertContains(hoverOn("c"), "**Kernel:** none: no node of cluster 'k' matches its pod's selects");
  }

  @Test
  void aWindowsContainersIsolationIsItsOwnOrHowTheDefaultIsChosen() {
    String text = """
        host w {
          os windows "server 2022"
          runtime docker
          container a { os windows; image "a:ltsc2022"; isolation hyperv }
          container b { os windows; image "b:ltsc2022" }
          container l { os linux; image "l:1" }
        }
        """;
    assertContains(markdown(text.replace("container a", "container a|")), "- **Isolation:** `hyperv` (declared)");
    assertContains(markdown(text.replace("container b", "container b|")),
        "- **Isolation:** `process` (the default on Windows Server)");
    assertContains(markdown("cluster k { pod p { container b| { os windows } } }"),
        "- **Isolation:** not declared: by default `process` on Windows Server hosts, `hyperv` on Windows 10 and 11 hosts");
    assertFalse(markdown(text.replace("container l", "container l|")).contains("Isolation"));
  }

  // ---- requires and libraries ----

  static final String LIBRARIES = """
      host h {
        os linux
        library openjdk "17.0.2"
        module ok { requires openjdk ">=17 <18" }
        module old { requires openjdk "1.8" }
        module none { requires zlib "1" }
        runtime docker
        container c {
          os linux; image "app:1"; cpu 1; memory 1GiB
          module boxed { requires openjdk "17" }
        }
      }
      """;

  @Test
  void aSatisfiedRequirementNamesTheLibraryThatSatisfiesIt() {
    String md = markdown(LIBRARIES.replace("requires openjdk \">=17", "requires open|jdk \">=17"));
    assertContains(md, "**requires** `openjdk` \">=17 <18\" — module 'ok'",
        "✓ Satisfied by `library openjdk \"17.0.2\"` of host 'h'.");
  }

  @Test
  void theRangeOfARequirementHoversLikeItsName() {
    Marked m = Marked.of(LIBRARIES.replace("\">=17 <18\"", "\">=17 <|18\""));
    assertContains(markdown(m), "✓ Satisfied by");
    assertAbout(m, "\">=17 <18\"");
  }

  @Test
  void anUnsatisfiedRequirementSaysWhy() {
    assertContains(markdown(LIBRARIES.replace("openjdk \"1.8\"", "open|jdk \"1.8\"")),
        "✗ Not satisfied: host 'h' provides openjdk 17.0.2, outside \"1.8\".", "`library-unsatisfied`");
    assertContains(markdown(LIBRARIES.replace("zlib", "zl|ib")), "✗ Not satisfied: host 'h' provides no zlib.");
  }

  @Test
  void aContainerSeesOnlyItsImagesLibraries() {
    assertContains(markdown(LIBRARIES.replace("openjdk \"17\" }", "open|jdk \"17\" }")),
        "✗ Not satisfied: the image of container 'c' provides no openjdk.",
        "host 'h' has openjdk 17.0.2, but a container sees only the libraries of its image.");
  }

  @Test
  void aLibraryNameListsTheModulesThatRequireIt() {
    String md = markdown(LIBRARIES.replace("library openjdk", "library open|jdk"));
    assertContains(md, "**library** `openjdk` \"17.0.2\" — provided by host 'h'", "**Required by:**",
        "- module 'ok' requires \">=17 <18\" ✓", "- module 'old' requires \"1.8\" ✗");
    assertFalse(md.contains("boxed"), "a container's module does not see its host's libraries");
  }

  @Test
  void aModuleListsItsRequirementsWithHowEachIsMet() {
    String md = markdown(LIBRARIES.replace("module ok", "module o|k"));
    assertContains(md, "**module** `ok`", "**Runs in:** host 'h'", "openjdk \">=17 <18\" ✓ (17.0.2 provided)");
    assertContains(markdown(LIBRARIES.replace("module boxed", "module bo|xed")),
        "**Runs in:** container 'c', on the linux kernel of host 'h'", "openjdk \"17\" ✗");
  }

  @Test
  void anImportShowsWhatTheFileDeclares() {
    Marked m = Marked.of("import \"li|b.topo\"\nimport \"missing.topo\"").with("lib.topo", "host a { }\ncluster k { }");
    assertContains(markdown(m), "**import** `lib.topo`", "Declares host 'a', cluster 'k'.");
    assertContains(markdown("import \"lib.topo\"\nimport \"miss|ing.topo\""), "Not loaded", "`import-error`");
  }

  // ---- findings ----

  @Test
  void theFindingsUnderTheCursorComeBeforeTheExplanationOfTheWord() {
    String text = "host w {\n  os windows\n  runtime docker\n  container c { o|s linux; image \"a:1\"; cpu 1; memory 1Gi }\n}";
    String md = markdown(text);
    assertTrue(md.startsWith("container 'c' runs linux but its host 'w' runs a windows kernel\n\n"), md);
    assertContains(md, "`container-os-mismatch`\n\n---\n\n**Operating system**");
  }

  @Test
  void aFindingAloneStillHovers() {
    Marked m = Marked.of("host h {\n  cpu 1|6\n  memory 1Gi\n  hypervisor kvm\n  vm v { cpu 20; memory 1Gi }\n}");
    assertTrue(markdown(m).startsWith("host 'h' has 16 cpu but its VMs and containers are given 20"), markdown(m));
    assertAbout(m, "cpu 16");
  }

  @Test
  void findingsAreExplainedInTheGivenLocale() {
    Marked m = Marked.of("host h {\n  cpu 1|6\n  memory 1Gi\n  hypervisor kvm\n  vm v { cpu 20; memory 1Gi }\n}");
    String korean = Hover.at(m.snapshot(), m.offset(), "ko", true, Cancellation.NONE).orElseThrow().markdown();
    assertContains(korean, "[설명 보기](command:topology.explain?%5B%7B%22entry%22%3A%22overcommit%22%7D%5D) · `overcommit`");
  }

  // ---- findings ----

  @Test
  void onAFindingTheMessageComesFirstThenHowToFixThenTheLinkThenWhatThePlaceIs() {
    Marked m = Marked.of("host h {\n  os linux; runtime docker\n  container c { os linux; privi|leged true; image \"c:1.0\"; cpu 1; memory 1Gi }\n}\n");
    String md = markdown(m);
    List<String> paragraphs = List.of(md.split("\n\n"));
    Finding finding = m.snapshot().analysis().findings().get(0);
    assertEquals(finding.message(), paragraphs.get(0));
    assertEquals(FixAdvice.of(m.snapshot(), finding, "en").orElseThrow(), paragraphs.get(1));
    assertEquals("`topo explain weak-isolation` · `weak-isolation`", paragraphs.get(2));
    assertEquals("---", paragraphs.get(3));
    assertEquals("**Privileged container**", paragraphs.get(4));
  }

  @Test
  void everyRulePageInEveryLanguageSaysInItsFirstSentenceHowToFix() {
    for (String language : KnowledgeBase.LANGUAGES) {
      for (var rule : dev.topo.check.rules.Rules.all()) {
        Entry entry = KnowledgeBase.get().rule(rule, language).orElseThrow();
        String advice = FixAdvice.firstSentence(entry).orElseThrow(() -> new AssertionError(rule.id() + " " + language));
        assertTrue(advice.length() < 400 && !advice.contains("```"), rule.id() + " " + language + ": " + advice);
      }
    }
  }

  @Test
  void everyFindingOfEverySampleIsHoveredWithItsMessageThenHowToFixIt() throws Exception {
    for (Path sample : CodeActionSamplesTest.samples()) {
      String text = Files.readString(sample).replace("|", "");
      Snapshot snapshot = Marked.of(text).snapshot();
      for (Finding finding : snapshot.analysis().findings()) {
        if (!finding.span().source().equals(snapshot.file().uri())) {
          continue;
        }
        for (String locale : KnowledgeBase.LANGUAGES) {
          int at = finding.span().start();
          String md = Hover.at(snapshot, at, locale, true, Cancellation.NONE).orElseThrow().markdown();
          String[] paragraphs = md.split("\n\n");
          String where = sample.getFileName() + " " + finding + " (" + locale + "):\n" + md;
          assertEquals(Hover.findingsAt(snapshot, at).get(0).message(Message.locale(locale)), paragraphs[0], where);
          assertTrue(paragraphs.length > 2 && !paragraphs[1].startsWith("[") && !paragraphs[1].isBlank(), where);
        }
      }
    }
  }

  // ---- nothing to say ----

  @Test
  void whiteSpaceCommentsAndPlacesPastTheEndHaveNoHover() {
    assertEquals(Optional.empty(), hover(Marked.of("host a {\n |\n}"), "en"));
    assertEquals(Optional.empty(), hover(Marked.of("// a host o|s here\nhost a { }"), "en"));
    Snapshot snapshot = Marked.of("host a { }").snapshot();
    assertEquals(Optional.empty(), Hover.at(snapshot, 400, "en", false, Cancellation.NONE));
  }

  @Test
  void everyOffsetOfTheSampleHoversWithoutAnException() throws Exception {
    String text = Files.readString(TestFiles.samples().resolve("shop.topo")).replace("|", "");
    Snapshot snapshot = Marked.of(text).snapshot();
    int hovers = 0;
    for (int offset = 0; offset <= text.length(); offset++) {
      if (Hover.at(snapshot, offset, "en", false, Cancellation.NONE).isPresent()) {
        hovers++;
      }
    }
    assertTrue(hovers > text.length() / 4, "most of a clean file is keywords and names: " + hovers);
  }
}
