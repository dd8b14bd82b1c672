package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.check.Cancellation;
import dev.topo.check.Finding;
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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Quick fixes, suppressions and the refactoring, on cursor-marked fixtures ({@code |} is the cursor). */
class CodeActionFeatureTest {
  // ---- helpers ----

  /** The actions at the cursor, with no diagnostics in the context (the client sent none). */
  static List<CodeAction> actions(Fixture f, String... only) {
    Position at = f.position();
    return request(f, new Range(at, at), List.of(), only.length == 0 ? null : List.of(only));
  }

  static List<CodeAction> request(Fixture f, Range range, List<Diagnostic> diagnostics, List<String> only) {
    CodeActionContext context = new CodeActionContext(diagnostics);
    context.setOnly(only);
    CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(Fixture.MAIN.toString()), range, context);
    return CodeActionFeature.codeActions(f.snapshot(), params, Settings.DEFAULT, Cancellation.NONE).stream()
        .map(Either::getRight).toList();
  }

  static List<String> titles(Fixture f) {
    return actions(f).stream().map(CodeAction::getTitle).toList();
  }

  static CodeAction action(Fixture f, String title) {
    return actions(f).stream().filter(a -> a.getTitle().equals(title)).findFirst()
        .orElseThrow(() -> new AssertionError("no '" + title + "' among " + titles(f)));
  }

  /** The main document after the action's edits. */
  static String applied(Fixture f, CodeAction action) {
    List<TextEdit> edits = action.getEdit().getChanges().get(Fixture.MAIN.toString());
    return Edits.apply(f.text(), edits == null ? List.of() : edits);
  }

  static String applied(Fixture f, String title) {
    return applied(f, action(f, title));
  }

  static List<String> rulesOf(String text) {
    return Fixture.of(text).snapshot().analysis().findings().stream().map(f -> f.rule().id()).toList();
  }

  // ---- container-os-mismatch ----

  @Nested
  class ContainerOs {
    @Test
    void setsTheContainersOsToItsHostsFamilyAndDropsTheOldRelease() {
      Fixture f = Fixture.of("""
          host win-01 {
            os windows "server 2022"
            runtime docker
            container web {
              os li|nux "alpine 3.19"
              image "web:1.0"; cpu 1; memory 1Gi
            }
          }
          """);
      CodeAction fix = action(f, "Set the OS of container 'web' to windows, the kernel of host 'win-01'");
      assertEquals(CodeActionKind.QuickFix, fix.getKind());
      assertEquals(Boolean.TRUE, fix.getIsPreferred());
      assertEquals("container-os-mismatch", fix.getDiagnostics().get(0).getCode().getLeft());
      assertEquals(f.text().replace("os linux \"alpine 3.19\"", "os windows"), applied(f, fix));
    }

    @Test
    void aPodsContainerTakesTheFamilyItsNodesShare() {
      Fixture f = Fixture.of("""
          host w1 { os windows; runtime containerd }
          host w2 { os windows; runtime containerd }
          cluster k {
            nodes w1, w2
            pod p { container c { os li|nux; image "c:1"; cpu 1; memory 1Gi } }
          }
          """);
      String fixed = applied(f, "Set the OS of container 'c' to windows, the kernel of the nodes of cluster 'k'");
      assertTrue(fixed.contains("container c { os windows; image"), fixed);
      assertEquals(List.of(), rulesOf(fixed));
    }

    @Test
    void nodesOfDifferentFamiliesHaveNoSingleFixOnlyTheSuppression() {
      Fixture f = Fixture.of("""
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
      Fixture f = Fixture.of("""
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
      Fixture f = Fixture.of("""
          import "lib.topo"
          cluster k {
            nodes n|1
            pod p { container c { os linux; image "c:1"; cpu 1; memory 1Gi } }
          }
          """).with("lib.topo", lib);
      CodeAction fix = action(f, "Add 'runtime containerd' to host 'n1'");
      Map<String, List<TextEdit>> changes = fix.getEdit().getChanges();
      String libUri = Fixture.ROOT.resolve("lib.topo").toString();
      assertEquals(List.of(libUri), List.copyOf(changes.keySet()));
      assertEquals("host n1 {\n  os linux\n  runtime containerd\n}\n", Edits.apply(lib, changes.get(libUri)));
    }

    @Test
    void aHypervisorGoesRightAfterTheBraceWhenTheHostHasNoPropertiesKeepingTheCommentWithItsVm() {
      Fixture f = Fixture.of("""
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
      Fixture f = Fixture.of("""
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
      Fixture f = Fixture.of("""
          host h {
            os linux; runtime docker
            container a { cpu 2 }
            container b|{}
          }
          """);
      String fixed = applied(f, "Add 'cpu 1' and 'memory 512Mi' limits to container 'b'");
      assertTrue(fixed.contains("container b{ cpu 1; memory 512Mi }"), fixed);
      Fixture a = Fixture.of(f.text().replace("container a", "container a|").replace("container b|", "container b"));
      assertTrue(applied(a, "Add 'memory 512Mi' limit to container 'a'").contains("container a { cpu 2; memory 512Mi }"));
    }

    @Test
    void tabsAndCrlfLineBreaksAreTheDocumentsOwn() {
      Fixture f = Fixture.of("host h {\r\n\tos linux\r\n\truntime docker\r\n\tcontainer w|eb {\r\n\t\tos linux\r\n"
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
      Fixture f = Fixture.of("host h {\n  os linux\n  cpu 4\n  cp|u 8\n}\n");
      CodeAction fix = action(f, "Remove the repeated 'cpu'");
      assertEquals(Boolean.TRUE, fix.getIsPreferred());
      assertEquals("host h {\n  os linux\n  cpu 4\n}\n", applied(f, fix));
    }

    @Test
    void aMisplacedPropertyWithATrailingCommentLeavesTheComment() {
      Fixture f = Fixture.of("host h {\n  os linux\n  ima|ge \"nginx:1.25\" // why is this here?\n}\n");
      assertEquals("host h {\n  os linux\n  // why is this here?\n}\n", applied(f, "Remove the misplaced 'image'"));
    }

    @Test
    void onOneLineOnlyTheStatementAndItsSpaceGo() {
      Fixture f = Fixture.of("host h { os linux; cpu 4; cpu| 8 }\n");
      assertEquals("host h { os linux; cpu 4; }\n", applied(f, "Remove the repeated 'cpu'"));
      Fixture last = Fixture.of("host h { os linux; cpu 4; cpu| 8; }");
      assertEquals("host h { os linux; cpu 4; }", applied(last, "Remove the repeated 'cpu'"));
    }

    @Test
    void theLastLineWithoutALineBreakTakesThePreviousBreakAndCrlfLinesGoWhole() {
      Fixture last = Fixture.of("host h { os linux }\ncp|u 4");
      assertEquals("host h { os linux }", applied(last, "Remove the misplaced 'cpu'"));
      Fixture crlf = Fixture.of("host h {\r\n  cpu 4\r\n  cp|u 8\r\n}\r\n");
      assertEquals("host h {\r\n  cpu 4\r\n}\r\n", applied(crlf, "Remove the repeated 'cpu'"));
    }

    @Test
    void aMisplacedBlockIsNotRemovedOnlySuppressed() {
      Fixture f = Fixture.of("host h {\n  os linux\n  runtime docker\n  container c {\n    os linux; image \"c:1\"; cpu 1; memory 1Gi\n"
          + "    vm g|uest { os linux }\n  }\n}\n");
      assertEquals(List.of("Suppress 'misplaced-property' with topo-ignore"), titles(f));
    }
  }

  // ---- unknown-reference, weak-isolation ----

  @Test
  void anUnknownNodeBecomesTheClosestHostOrVm() {
    Fixture f = Fixture.of("""
        host web-01 { os linux; runtime containerd }
        host web-02 { os linux; runtime containerd }
        cluster k { nodes web-01, web-2|2 }
        """);
    String fixed = applied(f, "Change 'web-22' to 'web-02'");
    assertTrue(fixed.contains("nodes web-01, web-02 }"), fixed);
  }

  @Test
  void aNodeNameFarFromEveryHostHasNoGuess() {
    Fixture f = Fixture.of("host web-01 { os linux }\ncluster k { nodes data|base }\n");
    assertEquals(List.of("Suppress 'unknown-reference' with topo-ignore"), titles(f));
  }

  @Test
  void privilegedBecomesFalseButSharedNamespacesAreOnlySuppressed() {
    Fixture f = Fixture.of("""
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
    Fixture share = Fixture.of(f.text().replace("share pid", "share p|id"));
    assertEquals(List.of("Suppress 'weak-isolation' with topo-ignore"), titles(share));
  }

  // ---- suppression ----

  @Nested
  class Suppression {
    @Test
    void aCommentAboveTheStatementWithItsIndentationSilencesTheFinding() {
      Fixture f = Fixture.of("""
          host h {
            os linux; runtime docker
            container c {
              os linux; cpu 1; memory 1Gi
              image "ngi|nx"
            }
          }
          """);
      CodeAction suppress = action(f, "Suppress 'unpinned-image' with topo-ignore");
      assertNull(suppress.getIsPreferred());
      String fixed = applied(f, suppress);
      assertEquals(f.text().replace("    image", "    // topo-ignore unpinned-image\n    image"), fixed);
      assertEquals(List.of(), rulesOf(fixed));
    }

    @Test
    void anExistingTopoIgnoreAboveTheStatementIsExtended() {
      Fixture f = Fixture.of("""
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
      Fixture f = Fixture.of("host h {\n  os linux; runtime docker\n  container d|ebug { // topo-ignore missing-limits\n"
          + "    os linux\n  }\n}\n");
      String fixed = applied(f, "Suppress 'unpinned-image' with topo-ignore");
      assertTrue(fixed.contains("container debug { // topo-ignore missing-limits, unpinned-image\n"), fixed);
      assertEquals(List.of(), rulesOf(fixed));
    }

    @Test
    void aStatementInsideALineIsSilencedThroughTheStatementThatOpensTheLine() {
      Fixture f = Fixture.of("host h {\n  os windows; runtime docker\n  container c { os li|nux; image \"c:1\"; cpu 1; memory 1Gi }\n}\n");
      String fixed = applied(f, "Suppress 'container-os-mismatch' with topo-ignore");
      assertEquals(f.text().replace("  container c", "  // topo-ignore container-os-mismatch\n  container c"), fixed);
      assertEquals(List.of(), rulesOf(fixed));
    }

    @Test
    void eachActionAtACursorRemovesOneFinding() {
      Fixture f = Fixture.of("host h { os linux; cpu 2\n  vm a| { os linux; cpu 4 } }\n");
      assertEquals(List.of("Add 'hypervisor kvm' to host 'h'", "Suppress 'missing-hypervisor' with topo-ignore"),
          titles(Fixture.of(f.text().replace("host h", "host |h"))));
      int before = f.snapshot().analysis().findings().size();
      for (CodeAction a : actions(Fixture.of(f.text().replace("host h", "host |h")))) {
        String fixed = applied(f, a);
        assertEquals(before - 1, Fixture.of(fixed).snapshot().analysis().findings().size(), a.getTitle() + ":\n" + fixed);
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
      Fixture f = Fixture.of(SHARED_VM);
      CodeAction move = actions(f, CodeActionKind.Refactor).get(0);
      assertEquals(CodeActionKind.RefactorExtract, move.getKind());
      assertEquals("Move module 'checkout' into a container in its own pod in a new cluster 'shop-pods'", move.getTitle());
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
    void anExistingClusterOnTheMachineGetsThePodAndTakenNamesAreAvoided() {
      Fixture f = Fixture.of("""
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
      CodeAction move = actions(f, CodeActionKind.RefactorExtract).get(0);
      assertEquals("Move module 'api' into a container in its own pod in cluster 'k'", move.getTitle());
      String fixed = applied(f, move);
      assertTrue(fixed.contains("""
                container x { os linux; image "x:1"; cpu 1; memory 1Gi }
              }

              pod api-pod {
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
      Fixture f = Fixture.of(SHARED_VM.replace("    runtime containerd\n", ""));
      CodeAction move = actions(f, CodeActionKind.RefactorExtract).get(0);
      assertTrue(move.getTitle().endsWith(", adding 'runtime containerd' to vm 'shop'"), move.getTitle());
      assertEquals(List.of(), rulesOf(applied(f, move)));
    }

    @Test
    void aBlockCommentInsideTheModuleKeepsItsOwnWhiteSpace() {
      Fixture f = Fixture.of("""
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
      String fixed = applied(f, actions(f, CodeActionKind.Refactor).get(0));
      assertTrue(fixed.contains("      module api {\n        /* busy:\n       very */\n        load high\n      }\n"), fixed);
    }

    @Test
    void aModuleOnALineWithOthersMovesAloneAndTheLineKeepsTheRest() {
      Fixture f = Fixture.of("host app { os linux; runtime containerd; module a|pi { load high } module cron { load low } }\n");
      String fixed = applied(f, actions(f, CodeActionKind.Refactor).get(0));
      assertTrue(fixed.startsWith("host app { os linux; runtime containerd; module cron { load low } }\n\ncluster app-pods {\n"
          + "  nodes app\n\n  pod api {\n"), fixed);
      assertTrue(fixed.contains("      image \"REPLACE-ME:1.0\"\n      module api { load high }\n    }\n  }\n}"), fixed);
      assertEquals(List.of(), rulesOf(fixed));
    }

    @Test
    void notOfferedForAQuietModuleNorForOneAloneOnItsMachine() {
      assertEquals(List.of(), actions(Fixture.of(SHARED_VM.replace("load high", "load medium")), CodeActionKind.Refactor));
      assertEquals(List.of(), actions(Fixture.of("host h {\n  os linux\n  module m|\n  { load high }\n}\n"),
          CodeActionKind.Refactor));
    }
  }

  // ---- the request ----

  @Nested
  class Request {
    static final String TWO_FINDINGS = """
        host win {
          os windows; runtime docker
          container c { os linux; image "nginx"; cpu 1; memory 1Gi }
        }
        """;

    @Test
    void theContextsDiagnosticsSayWhichFindingsToFix() {
      Fixture f = Fixture.of(TWO_FINDINGS);
      Finding unpinned = f.snapshot().analysis().findings().stream()
          .filter(x -> x.rule().id().equals("unpinned-image")).findFirst().orElseThrow();
      Diagnostic d = DiagnosticsFeature.diagnostic(f.snapshot(), unpinned);
      Range line = new Range(new Position(2, 0), new Position(2, 60));
      List<CodeAction> actions = request(f, line, List.of(d), null);
      assertEquals(List.of("Suppress 'unpinned-image' with topo-ignore"), actions.stream().map(CodeAction::getTitle).toList());
      assertEquals(List.of(d), actions.get(0).getDiagnostics());
    }

    @Test
    void withoutDiagnosticsEveryFindingInTheRangeIsOffered() {
      Fixture f = Fixture.of(TWO_FINDINGS);
      List<String> titles = request(f, new Range(new Position(2, 0), new Position(2, 60)), List.of(), null).stream()
          .map(CodeAction::getTitle).toList();
      assertEquals(List.of("Set the OS of container 'c' to windows, the kernel of host 'win'",
          "Suppress 'container-os-mismatch' with topo-ignore", "Suppress 'unpinned-image' with topo-ignore"), titles);
    }

    @Test
    void aStaleDiagnosticMatchesNothingAndOnlyFiltersByKind() {
      Fixture f = Fixture.of(TWO_FINDINGS);
      Diagnostic stale = new Diagnostic(new Range(new Position(0, 0), new Position(0, 1)), "old", null, "topo", "unpinned-image");
      assertEquals(List.of(), request(f, new Range(new Position(0, 0), new Position(0, 1)), List.of(stale), null));
      assertEquals(List.of(), request(f, new Range(new Position(2, 0), new Position(2, 60)), List.of(),
          List.of(CodeActionKind.Refactor)));
    }

    @Test
    void fixAllIsASourceActionThatAppearsOnlyWhenAskedFor() {
      Fixture f = Fixture.of(TWO_FINDINGS);
      Range start = new Range(new Position(0, 0), new Position(0, 0));
      assertTrue(request(f, start, List.of(), null).stream().noneMatch(a -> a.getKind().startsWith("source")));
      List<CodeAction> source = request(f, start, List.of(), List.of(CodeActionKind.Source));
      assertEquals(1, source.size());
      assertEquals(CodeActionKind.SourceFixAll, source.get(0).getKind());
      assertEquals(List.of("unpinned-image"), rulesOf(applied(f, source.get(0))));
    }

    @Test
    void badInputGivesNoActionsAndNoException() {
      Fixture f = Fixture.of("host h { os linux; cpu 4; cpu 8 ");
      Range past = new Range(new Position(40, 3), new Position(99, 0));
      assertEquals(List.of(), request(f, past, List.of(), null));
      Fixture half = Fixture.of("host h {\n  container c { os li|\n");
      for (CodeAction a : actions(half)) { // half-typed text: whatever is offered applies cleanly
        applied(half, a);
      }
    }
  }
}
