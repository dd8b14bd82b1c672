package dev.topo.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.check.Severity;
import dev.topo.diagram.Diagram.Box;
import dev.topo.model.EntityKind;
import org.junit.jupiter.api.Test;

class FoldTest {
  private static final String TEXT = """
      host h { os linux  cpu 8  memory 16GiB
        vm v { os linux  cpu 2  memory 4GiB
          container inner { os windows  cpu 1  memory 1GiB  module m { language java } }
        }
        container a { os linux  cpu 1  memory 1GiB }
        container b { os linux  cpu 1  memory 1GiB }
      }
      cluster c { nodes h
        pod p { container x { os linux  cpu 1  memory 1GiB } }
      }
      """;

  @Test
  void aSmallDiagramIsDrawnInFull() {
    Diagram diagram = Diagrams.unlaid(TEXT);
    assertSame(diagram, Fold.ifLarge(diagram));
  }

  @Test
  void aLargeOneCountsContainersAndModulesInTheirParentAndCarriesTheirFindingsUp() {
    Diagram full = Diagrams.unlaid(TEXT);
    Box inner = DiagramBuilderTest.box(full, "host:h/vm:v/container:inner");
    assertEquals(Severity.ERROR, inner.worst().orElseThrow(), "a Windows container on a Linux VM");

    Diagram folded = Fold.ifLarger(full, 3);
    assertEquals(5, folded.folded(), "four containers and a module");
    assertTrue(folded.allBoxes().stream().noneMatch(b -> b.kind() == EntityKind.CONTAINER || b.kind() == EntityKind.MODULE));
    Box vm = DiagramBuilderTest.box(folded, "host:h/vm:v");
    assertTrue(vm.facts().contains("1 container · 1 module (folded)"), vm.facts().toString());
    assertEquals(Severity.ERROR, vm.worst().orElseThrow(), "the container's finding colours the VM");
    assertTrue(vm.findings().get(0).message().startsWith("container inner: "), vm.findings().toString());
    assertTrue(DiagramBuilderTest.box(folded, "host:h").facts().contains("2 containers (folded)"));
    assertEquals(full.edges(), folded.edges(), "edges never reach a folded box");
    assertTrue(Layout.of(folded).width() > 0);
  }
}
