package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.topo.check.Cancellation;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class FindReferencesTest {
  /** The references, sorted (files are searched in no particular order). */
  static List<String> references(Marked m, boolean includeDeclaration) {
    return FindReferences.at(m.snapshot(), m.offset(), includeDeclaration, m.workspace(), Cancellation.NONE).stream()
        .map(Where::of)
        .sorted()
        .toList();
  }

  @Test
  void aHostsReferencesInItsFileWithAndWithoutTheDeclaration() {
    Marked m = Marked.of("host w|eb { }\ncluster a { nodes web }\ncluster b { nodes db, web }");
    assertEquals(List.of("main.topo 0:5-8", "main.topo 1:18-21", "main.topo 2:22-25"), references(m, true));
    assertEquals(List.of("main.topo 1:18-21", "main.topo 2:22-25"), references(m, false));
  }

  @Test
  void theDeclarationComesFirst() {
    Marked m = Marked.of("cluster a { nodes web }\nhost w|eb { }");
    assertEquals("main.topo 1:5-8",
        Where.of(FindReferences.at(m.snapshot(), m.offset(), true, m.workspace(), Cancellation.NONE).get(0)));
  }

  @Test
  void fromAReferenceTheSameAsFromTheDeclaration() {
    Marked m = Marked.of("host web { }\ncluster a { nodes web }\ncluster b { nodes |web }");
    assertEquals(List.of("main.topo 0:5-8", "main.topo 1:18-21", "main.topo 2:18-21"), references(m, true));
  }

  @Test
  void acrossTheWorkspaceOnlyFilesWhoseProgramResolvesToThisDeclarationCount() {
    Marked m = Marked.of("host |n1 { }")
        .with("imports-it.topo", "import \"main.topo\"\ncluster k { nodes n1 }")
        .with("own-host.topo", "host n1 { }\ncluster k { nodes n1 }")
        .with("unrelated.topo", "cluster k { nodes n1 }");
    assertEquals(List.of("imports-it.topo 1:18-20", "main.topo 0:5-7"), references(m, true));
  }

  @Test
  void fromAReferenceToAnImportedVmEveryImporterIsFound() {
    Marked m = Marked.of("import \"lib.topo\"\ncluster k { nodes v|m1 }")
        .with("lib.topo", "host h {\n  hypervisor kvm\n  vm vm1 { }\n}")
        .with("other.topo", "import \"lib.topo\"\ncluster j { nodes h, vm1 }");
    assertEquals(List.of("lib.topo 2:5-8", "main.topo 1:18-21", "other.topo 1:21-24"), references(m, true));
  }

  static final String LIBRARIES = """
      host h {
        library openjdk "17"
        library openjdk "8"
        module a { requires openjdk ">=11" }
        module b { requires openjdk "17"; requires python "3" }
        container c {
          module d { requires openjdk "17" }
        }
      }""";

  @Test
  void aLibraryIsReferencedByTheRequiresOfTheModulesOfItsBlock() {
    Marked m = Marked.of(LIBRARIES.replace("library openjdk \"17\"", "library open|jdk \"17\""));
    assertEquals(List.of("main.topo 1:10-17", "main.topo 3:22-29", "main.topo 4:22-29"), references(m, true));
  }

  @Test
  void fromARequiresTheLibraryThatSatisfiesIt() {
    Marked m = Marked.of(LIBRARIES.replace("module a { requires openjdk", "module a { requires |openjdk"));
    assertEquals(List.of("main.topo 3:22-29", "main.topo 4:22-29"), references(m, false));
  }

  @Test
  void aRepeatedLibrarySatisfiesNothing() {
    Marked m = Marked.of(LIBRARIES.replace("library openjdk \"8\"", "library |openjdk \"8\""));
    assertEquals(List.of("main.topo 2:10-17"), references(m, true));
  }

  @Test
  void aRequiresNothingSatisfiesListsTheRequiresOfTheSameLibraryInItsBlock() {
    Marked m = Marked.of("host h {\n  module a { requires py|thon \"3\" }\n  module b { requires python \"3.11\" }\n}");
    assertEquals(List.of("main.topo 1:22-28", "main.topo 2:22-28"), references(m, true));
  }

  @Test
  void blocksWithoutReferencesListOnlyTheirDeclaration() {
    Marked m = Marked.of("host h {\n  container w|eb { }\n}\ncluster k { nodes web }");
    assertEquals(List.of("main.topo 1:12-15"), references(m, true));
    assertEquals(List.of(), references(m, false));
  }

  @Test
  void nothingOnKeywordsBlanksOrUnknownNodes() {
    assertEquals(List.of(), references(Marked.of("clus|ter k { nodes web }"), true));
    assertEquals(List.of(), references(Marked.of("cluster k { nodes we|b }"), true));
    assertEquals(List.of(), references(Marked.of("host h { }\n\n|"), true));
  }

  @Test
  void aCancelledSearchStops() {
    Marked m = Marked.of("host |n1 { }").with("other.topo", "cluster k { nodes n1 }");
    assertThrows(CancellationException.class,
        () -> FindReferences.at(m.snapshot(), m.offset(), true, m.workspace(), () -> true));
  }
}
