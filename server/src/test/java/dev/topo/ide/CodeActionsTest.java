package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.check.Cancellation;
import dev.topo.check.Finding;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Quick fixes, suppressions, the refactoring and the fix-all, on cursor-marked texts ({@code |} is the cursor). */
class CodeActionsTest {
  // ---- helpers ----

  /** What a light bulb asks for: quick fixes and refactorings. */
  static final Set<CodeActions.Kind> LIGHT_BULB = EnumSet.of(CodeActions.Kind.QUICK_FIX, CodeActions.Kind.REFACTOR_EXTRACT);

  /** The actions at the cursor, with no finding asked about, of the light bulb's kinds or the ones given. */
  static List<CodeActions.Action> actions(Marked m, CodeActions.Kind... kinds) {
    return request(m, m.offset(), m.offset(), List.of(), kinds.length == 0 ? LIGHT_BULB : Set.of(kinds));
  }

  static List<CodeActions.Action> request(Marked m, int start, int end, List<CodeActions.Asked> asked,
      Set<CodeActions.Kind> kinds) {
    return CodeActions.in(m.snapshot(), new CodeActions.Request(start, end, asked, kinds), true, Cancellation.NONE);
  }

  static List<String> titles(Marked m) {
    return titles(actions(m));
  }

  static List<String> titles(List<CodeActions.Action> actions) {
    return actions.stream().map(CodeActions.Action::title).toList();
  }

  static CodeActions.Action action(Marked m, String title) {
    return actions(m).stream().filter(a -> a.title().equals(title)).findFirst()
        .orElseThrow(() -> new AssertionError("no '" + title + "' among " + titles(m)));
  }

  /** The main document after the action's edits. */
  static String applied(Marked m, CodeActions.Action action) {
    return SourceEdits.apply(Marked.MAIN, m.text(), action.edits());
  }

  static String applied(Marked m, String title) {
    return applied(m, action(m, title));
  }

  static List<String> rulesOf(String text) {
    return Marked.of(text).snapshot().analysis().findings().stream().map(f -> f.rule().id()).toList();
  }

  // ---- container-os-mismatch ----

  @Nested
  class ContainerOs {
    @Test
    void theContainerMovesIntoANewLinuxVmOnItsWindowsHostWhichDeclaresHyperVAndNothingElseChanges() {
      Marked f = Marked.of("""
          host win-01 {
            os windows "server 2022"
            cpu 16
            memory 64GiB
            runtime docker "24.0"

            // The shop's front end.
            container web {
              os li|nux "alpine 3.19"
              cpu 2
              memory 4GiB
              image "registry.example.com/shop/web:1.4.2"
            }

            container iis { os windows; cpu 2; memory 4GiB; image "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022" }
          }
          """);
      List<String> before = rulesOf(f.text());
      CodeActions.Action move = action(f,
          "Move container 'web' into a new linux VM 'win-01-linux' on host 'win-01', declaring 'hypervisor hyper-v'");
      assertEquals(CodeActions.Kind.QUICK_FIX, move.kind());
      assertFalse(move.preferred(), "a refactoring of the design is never applied without asking");
      String fixed = applied(f, move);
      assertEquals("""
          host win-01 {
            os windows "server 2022"
            cpu 16
            memory 64GiB
            runtime docker "24.0"
            hypervisor hyper-v

            container iis { os windows; cpu 2; memory 4GiB; image "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022" }

            vm win-01-linux {
              os linux
              cpu 2
              memory 4GiB
              runtime docker "24.0"
              // The shop's front end.
              container web {
                os linux "alpine 3.19"
                cpu 2
                memory 4GiB
                image "registry.example.com/shop/web:1.4.2"
              }
            }
          }
          """, fixed);
      List<String> after = new ArrayList<>(before);
      after.remove("container-os-mismatch");
      assertEquals(after, rulesOf(fixed), "only the mismatch is gone, and nothing new is found");
    }

    @Test
    void aContainerInAVmOfTheWrongFamilyMovesToANewVmBesideIt() {
      Marked f = Marked.of("""
          host h {
            os linux; cpu 8; memory 32GiB; hypervisor kvm
            vm w { os windows; cpu 4; memory 8GiB; runtime containerd
              container c { os li|nux; image "c:1"; cpu 1; memory 1GiB }
            }
          }
          """);
      String fixed = applied(f, "Move container 'c' into a new linux VM 'h-linux' on host 'h'");
      assertTrue(fixed.contains("  vm h-linux {\n    os linux\n    cpu 1\n    memory 1GiB\n    runtime containerd\n"
          + "    container c { os linux; image \"c:1\"; cpu 1; memory 1GiB }\n  }\n}"), fixed);
      assertEquals(List.of(), rulesOf(fixed));
    }

    @Test
    void relabellingTheContainerIsOfferedButNeverPreferredNorInFixAll() {
      Marked f = Marked.of("""
          host win-01 {
            os windows "server 2022"
            runtime docker
            container web {
              os li|nux "alpine 3.19"
              image "web:1.0"; cpu 1; memory 1Gi
            }
          }
          """);
      CodeActions.Action relabel = action(f,
          "Declare container 'web' a windows container, like host 'win-01' (only if its image really is one)");
      assertFalse(relabel.preferred());
      assertEquals(f.text().replace("os linux \"alpine 3.19\"", "os windows"), applied(f, relabel));
      assertEquals(List.of(), actions(f, CodeActions.Kind.SOURCE_FIX_ALL), "fix-all has nothing to apply");
    }

    /** A Linux container in a pod of a cluster of a Windows node and another, of a given family. */
    static Marked linuxPodOnWindowsAnd(String other, String family) {
      return Marked.of("""
          host w1 { os windows; runtime containerd }
          host %1$s { os %2$s; runtime containerd }
          cluster k {
            nodes w1, %1$s
            pod p { container c { os li|nux; image "c:1"; cpu 1; memory 1Gi } }
          }
          """.formatted(other, family));
    }

    @Test
    void aPodsContainerIsKeptOnTheNodesOfItsFamilyBySelectingThem() {
      Marked f = linuxPodOnWindowsAnd("l1", "linux");
      CodeActions.Action select = action(f, "Run pod 'p' only on linux nodes ('select os \"linux\"')");
      assertTrue(select.preferred());
      String fixed = applied(f, select);
      assertTrue(fixed.contains("pod p { select os \"linux\"; container c"), fixed);
      assertEquals(List.of(), rulesOf(fixed));
    }

    @Test
    void aPodOnNodesOfAnotherFamilyOnlyMayBeRelabelled() {
      Marked f = linuxPodOnWindowsAnd("w2", "windows");
      assertEquals(List.of(
          "Declare container 'c' a windows container, like the nodes of cluster 'k' (only if its image really is one)",
          "Suppress 'container-os-mismatch' with topo-ignore"), titles(f));
    }

    @Test
    void nodesOfDifferentFamiliesHaveNoSingleFixOnlyTheSuppression() {
      Marked f = Marked.of("""
          host w1 { os windows; runtime containerd }
          host b1 { os freebsd; runtime containerd }
          cluster k {
            nodes w1, b1
            pod p { container c { os li|nux; image "c:1"; cpu 1; memory 1Gi } }
          }
          """);
      assertEquals(List.of("Suppress 'container-os-mismatch' with topo-ignore"), titles(f));
    }
  }

  // ---- missing-runtime, missing-hypervisor, missing-limits ----

  @Nested
  class Additions {
    @Test
    void aRuntimeGoesAfterTheHostsPropertiesWithTheirIndentation() {
      Marked f = Marked.of("""
          host app-01 {
              os linux
              cpu 8

              container w|eb {
                  os linux; image "web:1.0"; cpu 1; memory 1Gi
              }
          }
          """);
      assertEquals(f.text().replace("    cpu 8\n", "    cpu 8\n    runtime docker\n"),
          applied(f, "Add 'runtime docker' to host 'app-01'"));
    }

    @Test
    void aClusterNodeInAnImportedFileGetsContainerdThere() {
      String lib = "host n1 {\n  os linux\n}\n";
      Marked f = Marked.of("""
          import "lib.topo"
          cluster k {
            nodes n|1
            pod p { container c { os linux; image "c:1"; cpu 1; memory 1Gi } }
          }
          """).with("lib.topo", lib);
      CodeActions.Action fix = action(f, "Add 'runtime containerd' to host 'n1'");
      URI libUri = Marked.MAIN.resolve("lib.topo");
      assertEquals(Set.of(libUri), fix.edits().stream().map(e -> e.span().source()).collect(Collectors.toSet()));
      assertEquals("host n1 {\n  os linux\n  runtime containerd\n}\n", SourceEdits.apply(libUri, lib, fix.edits()));
    }

    @Test
    void aHypervisorGoesRightAfterTheBraceWhenTheHostHasNoPropertiesKeepingTheCommentWithItsVm() {
      Marked f = Marked.of("""
          host me|tal {
            // the guest
            vm g { os linux }
          }
          """);
      assertEquals("""
          host metal {
            hypervisor kvm
            // the guest
            vm g { os linux }
          }
          """, applied(f, "Add 'hypervisor kvm' to host 'metal'"));
    }

    @Test
    void limitsOnAOneLineContainerFollowASemicolon() {
      Marked f = Marked.of("""
          host h {
            os linux; runtime docker
            container w|eb { os linux; image "web:1.0" }
          }
          """);
      String fixed = applied(f, "Add 'cpu 1' and 'memory 512Mi' limits to container 'web'");
      assertTrue(fixed.contains("container web { os linux; image \"web:1.0\"; cpu 1; memory 512Mi }"), fixed);
      assertEquals(List.of(), rulesOf(fixed));
    }

    @Test
    void onlyTheMissingLimitIsAddedAndAnEmptyBlockGetsItInside() {
      Marked f = Marked.of("""
          host h {
            os linux; runtime docker
            container a { cpu 2 }
            container b|{}
          }
          """);
      String fixed = applied(f, "Add 'cpu 1' and 'memory 512Mi' limits to container 'b'");
      assertTrue(fixed.contains("container b{ cpu 1; memory 512Mi }"), fixed);
      Marked a = Marked.of(f.text().replace("container a", "container a|").replace("container b|", "container b"));
      assertTrue(applied(a, "Add 'memory 512Mi' limit to container 'a'").contains("container a { cpu 2; memory 512Mi }"));
    }

    @Test
    void tabsAndCrlfLineBreaksAreTheDocumentsOwn() {
      Marked f = Marked.of("host h {\r\n\tos linux\r\n\truntime docker\r\n\tcontainer w|eb {\r\n\t\tos linux\r\n"
          + "\t\timage \"w:1\"\r\n\t}\r\n}\r\n");
      assertEquals(f.text().replace("\t\timage \"w:1\"\r\n", "\t\timage \"w:1\"\r\n\t\tcpu 1\r\n\t\tmemory 512Mi\r\n"),
          applied(f, "Add 'cpu 1' and 'memory 512Mi' limits to container 'web'"));
    }
  }

  // ---- misplaced-property ----

  @Nested
  class Removals {
    @Test
    void aRepeatedPropertyAloneOnItsLineGoesWithItsLine() {
      Marked f = Marked.of("host h {\n  os linux\n  cpu 4\n  cp|u 8\n}\n");
      CodeActions.Action fix = action(f, "Remove the repeated 'cpu'");
      assertTrue(fix.preferred());
      assertEquals("host h {\n  os linux\n  cpu 4\n}\n", applied(f, fix));
    }

    @Test
    void aMisplacedPropertyWithATrailingCommentLeavesTheComment() {
      Marked f = Marked.of("host h {\n  os linux\n  ima|ge \"nginx:1.25\" // why is this here?\n}\n");
      assertEquals("host h {\n  os linux\n  // why is this here?\n}\n", applied(f, "Remove the misplaced 'image'"));
    }

    @Test
    void onOneLineOnlyTheStatementAndItsSpaceGo() {
      Marked f = Marked.of("host h { os linux; cpu 4; cpu| 8 }\n");
      assertEquals("host h { os linux; cpu 4; }\n", applied(f, "Remove the repeated 'cpu'"));
      Marked last = Marked.of("host h { os linux; cpu 4; cpu| 8; }");
      assertEquals("host h { os linux; cpu 4; }", applied(last, "Remove the repeated 'cpu'"));
    }

    @Test
    void theLastLineWithoutALineBreakTakesThePreviousBreakAndCrlfLinesGoWhole() {
      Marked last = Marked.of("host h { os linux }\ncp|u 4");
      assertEquals("host h { os linux }", applied(last, "Remove the misplaced 'cpu'"));
      Marked crlf = Marked.of("host h {\r\n  cpu 4\r\n  cp|u 8\r\n}\r\n");
      assertEquals("host h {\r\n  cpu 4\r\n}\r\n", applied(crlf, "Remove the repeated 'cpu'"));
    }

    @Test
    void commentsInsideARemovedStatementStayWhereItsLineBegan() {
      String repeated = "Remove the repeated 'cpu'";
      Map<String, String> fixedTexts = new LinkedHashMap<>();
      fixedTexts.put("host h {\n  cpu 4\n  cp|u // why 8?\n  8\n}\n", "host h {\n  cpu 4\n  // why 8?\n}\n");
      fixedTexts.put("host h {\n  cpu 4\n  cp|u /* a */ 8 // b\n}\n", "host h {\n  cpu 4\n  /* a */\n  // b\n}\n");
      fixedTexts.put("host h { cpu 4; cp|u // c\n 0.5 }\n", "// c\nhost h { cpu 4; }\n");
      fixedTexts.forEach((text, fixed) -> assertEquals(fixed, applied(Marked.of(text), repeated), text));
      Marked last = Marked.of("host h { os linux }\ncp|u /* c */ 4");
      assertEquals("host h { os linux }\n/* c */", applied(last, "Remove the misplaced 'cpu'"));
    }

    @Test
    void aMisplacedBlockIsNotRemovedOnlySuppressed() {
      Marked f = Marked.of("host h {\n  os linux\n  runtime docker\n  container c {\n    os linux; image \"c:1\"; cpu 1; memory 1Gi\n"
          + "    vm g|uest { os linux }\n  }\n}\n");
      assertEquals(List.of("Suppress 'misplaced-property' with topo-ignore"), titles(f));
    }
  }

  // ---- unknown-reference, weak-isolation ----

  @Test
  void anUnknownNodeBecomesTheClosestHostOrVm() {
    Marked f = Marked.of("""
        host web-01 { os linux; runtime containerd }
        host web-02 { os linux; runtime containerd }
        cluster k { nodes web-01, web-2|2 }
        """);
    String fixed = applied(f, "Change 'web-22' to 'web-02'");
    assertTrue(fixed.contains("nodes web-01, web-02 }"), fixed);
  }

  @Test
  void anUnknownNodeBecomesTheClosestNameWrittenQuotedWhenItIsNoIdentifier() {
    Marked f = Marked.of("""
        host "web.v2" { os linux; runtime containerd }
        cluster k { nodes web-|v2 }
        """);
    String fixed = applied(f, "Change 'web-v2' to 'web.v2'");
    assertTrue(fixed.contains("nodes \"web.v2\" }"), fixed);
    assertEquals(List.of(), rulesOf(fixed));
  }

  @Test
  void aNodeNameFarFromEveryHostHasNoGuess() {
    Marked f = Marked.of("host web-01 { os linux }\ncluster k { nodes data|base }\n");
    assertEquals(List.of("Suppress 'unknown-reference' with topo-ignore"), titles(f));
  }

  @Test
  void privilegedBecomesFalseButSharedNamespacesAreOnlySuppressed() {
    Marked f = Marked.of("""
        host h {
          os linux; runtime docker
          container c {
            os linux; image "c:1"; cpu 1; memory 1Gi
            privi|leged true
            share pid
          }
        }
        """);
    String fixed = applied(f, "Set 'privileged false'");
    assertTrue(fixed.contains("    privileged false\n"), fixed);
    Marked share = Marked.of(f.text().replace("share pid", "share p|id"));
    assertEquals(List.of("Suppress 'weak-isolation' with topo-ignore"), titles(share));
  }

  // ---- suppression ----

  @Nested
  class Suppression {
    @Test
    void aCommentAboveTheStatementWithItsIndentationSilencesTheFinding() {
      Marked f = Marked.of("""
          host h {
            os linux; runtime docker
            container c {
              os linux; cpu 1; memory 1Gi
              image "ngi|nx"
            }
          }
          """);
      CodeActions.Action suppress = action(f, "Suppress 'unpinned-image' with topo-ignore");
      assertFalse(suppress.preferred());
      String fixed = applied(f, suppress);
      assertEquals(f.text().replace("    image", "    // topo-ignore unpinned-image\n    image"), fixed);
      assertEquals(List.of(), rulesOf(fixed));
    }

    @Test
    void anExistingTopoIgnoreAboveTheStatementIsExtended() {
      Marked f = Marked.of("""
          host h {
            os linux; runtime docker
            // topo-ignore unpinned-image a throwaway container
            container d|ebug { os linux }
          }
          """);
      String fixed = applied(f, "Suppress 'missing-limits' with topo-ignore");
      assertTrue(fixed.contains("  // topo-ignore unpinned-image, missing-limits a throwaway container\n  container debug"),
          fixed);
      assertEquals(List.of(), rulesOf(fixed));
    }

    @Test
    void anExistingTopoIgnoreAtTheEndOfTheLineIsExtended() {
      Marked f = Marked.of("host h {\n  os linux; runtime docker\n  container d|ebug { // topo-ignore missing-limits\n"
          + "    os linux\n  }\n}\n");
      String fixed = applied(f, "Suppress 'unpinned-image' with topo-ignore");
      assertTrue(fixed.contains("container debug { // topo-ignore missing-limits, unpinned-image\n"), fixed);
      assertEquals(List.of(), rulesOf(fixed));
    }

    @Test
    void aStatementInsideALineIsSilencedThroughTheStatementThatOpensTheLine() {
      Marked f = Marked.of("host h {\n  os windows; runtime docker\n  container c { os li|nux; image \"c:1\"; cpu 1; memory 1Gi }\n}\n");
      String fixed = applied(f, "Suppress 'container-os-mismatch' with topo-ignore");
      assertEquals(f.text().replace("  container c", "  // topo-ignore container-os-mismatch\n  container c"), fixed);
      assertEquals(List.of(), rulesOf(fixed));
    }

    @Test
    void eachActionAtACursorRemovesOneFinding() {
      Marked f = Marked.of("host h { os linux; cpu 2\n  vm a| { os linux; cpu 4 } }\n");
      assertEquals(List.of("Add 'hypervisor kvm' to host 'h'", "Suppress 'missing-hypervisor' with topo-ignore"),
          titles(Marked.of(f.text().replace("host h", "host |h"))));
      int before = f.snapshot().analysis().findings().size();
      for (CodeActions.Action a : actions(Marked.of(f.text().replace("host h", "host |h")))) {
        String fixed = applied(f, a);
        assertEquals(before - 1, Marked.of(fixed).snapshot().analysis().findings().size(), a.title() + ":\n" + fixed);
      }
    }
  }

  // ---- the refactoring ----

  @Nested
  class MoveToOwnPod {
    static final String SHARED_VM = """
        host metal {
          os linux
          hypervisor kvm
          vm shop {
            os linux
            runtime containerd
            library openjdk "17.0.9"
            module catalog {
              language java
              load low
            }
            // checkout takes the traffic
            module check|out {
              language java
              requires openjdk "17"
              load high
            }
          }
        }
        """;

    @Test
    void aBusyModuleMovesToANewClusterWithItsCommentAndItsLibrary() {
      Marked f = Marked.of(SHARED_VM);
      CodeActions.Action move = actions(f, CodeActions.Kind.REFACTOR_EXTRACT).get(0);
      assertEquals(CodeActions.Kind.REFACTOR_EXTRACT, move.kind());
      assertEquals("Move module 'checkout' into a container in its own pod in a new cluster 'shop-pods'", move.title());
      assertEquals("""
          host metal {
            os linux
            hypervisor kvm
            vm shop {
              os linux
              runtime containerd
              library openjdk "17.0.9"
              module catalog {
                language java
                load low
              }
            }
          }

          cluster shop-pods {
            nodes shop

            pod checkout {
              replicas 2
              container checkout {
                os linux
                cpu 1
                memory 512Mi
                image "REPLACE-ME:1.0"
                library openjdk "17.0.9"
                // checkout takes the traffic
                module checkout {
                  language java
                  requires openjdk "17"
                  load high
                }
              }
            }
          }
          """, applied(f, move));
      assertEquals(List.of(), rulesOf(applied(f, move)));
    }

    @Test
    void quotedNamesStayQuotedInTheNewClusterPodAndContainer() {
      Marked f = Marked.of(SHARED_VM.replace("vm shop", "vm \"shop.v2\"").replace("module check|out", "module \"check|.out\""));
      CodeActions.Action move = actions(f, CodeActions.Kind.REFACTOR_EXTRACT).get(0);
      assertEquals("Move module 'check.out' into a container in its own pod in a new cluster 'shop.v2-pods'", move.title());
      String moved = applied(f, move);
      for (String line : List.of("cluster \"shop.v2-pods\" {", "nodes \"shop.v2\"", "pod \"check.out\" {",
          "container \"check.out\" {", "module \"check.out\" {")) {
        assertTrue(moved.contains(line), line + " in\n" + moved);
      }
      assertEquals(List.of(), rulesOf(moved));
    }

    @Test
    void anExistingClusterOnTheMachineGetsThePodAndTakenNamesAreAvoided() {
      Marked f = Marked.of("""
          host app {
            os linux
            runtime containerd
            module api {
              load h|igh
            }
            module cron {
              load low
            }
          }

          cluster k {
            nodes app

            pod api {
              container x { os linux; image "x:1"; cpu 1; memory 1Gi }
            }
          }
          """);
      CodeActions.Action move = actions(f, CodeActions.Kind.REFACTOR_EXTRACT).get(0);
      assertEquals("Move module 'api' into a container in its own pod in cluster 'k'", move.title());
      String fixed = applied(f, move);
      assertTrue(fixed.contains("""
                container x { os linux; image "x:1"; cpu 1; memory 1Gi }
              }

              pod api-pod {
                replicas 2
                container api {
                  os linux
                  cpu 1
                  memory 512Mi
                  image "REPLACE-ME:1.0"
                  module api {
                    load high
                  }
                }
              }
            }
            """), fixed);
      assertTrue(fixed.startsWith("host app {\n  os linux\n  runtime containerd\n  module cron {"), fixed);
    }

    @Test
    void aMachineWithoutRuntimeGetsOneSoThatThePodCanRunThere() {
      Marked f = Marked.of(SHARED_VM.replace("    runtime containerd\n", ""));
      CodeActions.Action move = actions(f, CodeActions.Kind.REFACTOR_EXTRACT).get(0);
      assertTrue(move.title().endsWith(", adding 'runtime containerd' to vm 'shop'"), move.title());
      assertEquals(List.of(), rulesOf(applied(f, move)));
    }

    @Test
    void aBlockCommentInsideTheModuleKeepsItsOwnWhiteSpace() {
      Marked f = Marked.of("""
          host app {
            os linux
            runtime containerd
            module a|pi {
              /* busy:
                 very */
              load high
            }
            module cron { load low }
          }
          """);
      String fixed = applied(f, actions(f, CodeActions.Kind.REFACTOR_EXTRACT).get(0));
      assertTrue(fixed.contains("      module api {\n        /* busy:\n       very */\n        load high\n      }\n"), fixed);
    }

    @Test
    void aModuleOnALineWithOthersMovesAloneAndTheLineKeepsTheRest() {
      Marked f = Marked.of("host app { os linux; runtime containerd; module a|pi { load high } module cron { load low } }\n");
      String fixed = applied(f, actions(f, CodeActions.Kind.REFACTOR_EXTRACT).get(0));
      assertTrue(fixed.startsWith("host app { os linux; runtime containerd; module cron { load low } }\n\ncluster app-pods {\n"
          + "  nodes app\n\n  pod api {\n"), fixed);
      assertTrue(fixed.contains("      image \"REPLACE-ME:1.0\"\n      module api { load high }\n    }\n  }\n}"), fixed);
      assertEquals(List.of(), rulesOf(fixed));
    }

    @Test
    void notOfferedForAQuietModuleNorForOneAloneOnItsMachine() {
      assertEquals(List.of(), actions(Marked.of(SHARED_VM.replace("load high", "load medium")), CodeActions.Kind.REFACTOR_EXTRACT));
      assertEquals(List.of(), actions(Marked.of("host h {\n  os linux\n  module m|\n  { load high }\n}\n"),
          CodeActions.Kind.REFACTOR_EXTRACT));
    }
  }

  // ---- the request ----

  @Nested
  class Request {
    static final String TWO_FINDINGS = """
        host h {
          os linux; runtime docker
          container c { os linux; privileged true; image "nginx"; cpu 1; memory 1Gi }
        }
        """;

    static Finding finding(Marked m, String rule) {
      return m.snapshot().analysis().findings().stream().filter(x -> x.rule().id().equals(rule)).findFirst().orElseThrow();
    }

    /** The third line, where both findings are. */
    static int[] line(Marked m) {
      int start = m.offsetOf("  container c");
      return new int[] {start, m.text().indexOf('\n', start)};
    }

    @Test
    void theAskedFindingsSayWhichToFix() {
      Marked m = Marked.of(TWO_FINDINGS);
      Finding unpinned = finding(m, "unpinned-image");
      CodeActions.Asked asked = new CodeActions.Asked("unpinned-image", unpinned.span().start(), unpinned.span().end());
      assertTrue(asked.standsFor(unpinned));
      List<CodeActions.Action> actions = request(m, line(m)[0], line(m)[1], List.of(asked), LIGHT_BULB);
      assertEquals(List.of("Suppress 'unpinned-image' with topo-ignore"), titles(actions));
      assertEquals(unpinned, actions.get(0).finding().orElseThrow());
    }

    @Test
    void withNoneAskedEveryFindingInTheRangeIsOffered() {
      Marked m = Marked.of(TWO_FINDINGS);
      List<CodeActions.Action> actions = request(m, line(m)[0], line(m)[1], List.of(), LIGHT_BULB);
      assertEquals(List.of("Set 'privileged false'", "Suppress 'weak-isolation' with topo-ignore",
          "Suppress 'unpinned-image' with topo-ignore"), titles(actions));
      assertEquals(List.of("weak-isolation", "weak-isolation", "unpinned-image"),
          actions.stream().map(a -> a.finding().orElseThrow().rule().id()).toList());
    }

    @Test
    void aStaleAskedFindingStandsForNothingAndKindsFilter() {
      Marked m = Marked.of(TWO_FINDINGS);
      CodeActions.Asked stale = new CodeActions.Asked("unpinned-image", 0, 1);
      assertEquals(List.of(), request(m, 0, 1, List.of(stale), LIGHT_BULB));
      assertEquals(List.of(), request(m, line(m)[0], line(m)[1], List.of(), Set.of(CodeActions.Kind.REFACTOR_EXTRACT)));
      assertEquals(List.of(), request(m, line(m)[0], line(m)[1], List.of(), Set.of()));
    }

    @Test
    void fixAllRepairsWhatHasAnObviousRepairInOneAction() {
      Marked m = Marked.of(TWO_FINDINGS);
      assertTrue(request(m, 0, 0, List.of(), LIGHT_BULB).stream().noneMatch(a -> a.kind() == CodeActions.Kind.SOURCE_FIX_ALL));
      List<CodeActions.Action> source = request(m, 0, 0, List.of(), Set.of(CodeActions.Kind.SOURCE_FIX_ALL));
      assertEquals(1, source.size());
      assertEquals(CodeActions.Kind.SOURCE_FIX_ALL, source.get(0).kind());
      assertEquals(List.of("unpinned-image"), rulesOf(applied(m, source.get(0))));
    }

    @Test
    void infoFindingsAreOfferedOnlyWhenShown() {
      // The container carries unknown-os, an info finding, besides the missing image's warning.
      Marked m = Marked.of("host h { os linux; runtime docker; container w|eb { cpu 1; memory 1Gi } }");
      CodeActions.Request at = new CodeActions.Request(m.offset(), m.offset(), List.of(), LIGHT_BULB);
      List<String> shown = titles(CodeActions.in(m.snapshot(), at, true, Cancellation.NONE));
      List<String> hidden = titles(CodeActions.in(m.snapshot(), at, false, Cancellation.NONE));
      assertTrue(shown.contains("Suppress 'unknown-os' with topo-ignore"), shown.toString());
      assertEquals(shown.stream().filter(t -> !t.contains("unknown-os")).toList(), hidden);
    }

    @Test
    void badInputGivesNoActionsAndNoException() {
      Marked m = Marked.of("host h { os linux; cpu 4; cpu 8 ");
      int end = m.text().length();
      assertEquals(List.of(), request(m, end, end, List.of(), LIGHT_BULB));
      Marked half = Marked.of("host h {\n  container c { os li|\n");
      for (CodeActions.Action a : actions(half)) { // half-typed text: whatever is offered applies cleanly
        applied(half, a);
      }
    }
  }
}
