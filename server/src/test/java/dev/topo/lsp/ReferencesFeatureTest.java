package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.topo.check.Cancellation;
import java.util.Comparator;
import java.util.List;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;

class ReferencesFeatureTest {
  static final String MAIN = Fixture.MAIN.toString();

  static Range r(int line, int character, int endLine, int endCharacter) {
    return new Range(new Position(line, character), new Position(endLine, endCharacter));
  }

  static Location at(String path, int line, int character, int endCharacter) {
    return new Location(Fixture.ROOT.resolve(path).toString(), r(line, character, line, endCharacter));
  }

  /** The references, in a stable order (files are searched in no particular order). */
  static List<Location> references(Fixture f, boolean includeDeclaration) {
    return ReferencesFeature.references(f.session(), f.snapshot(), f.position(), includeDeclaration, Cancellation.NONE)
        .stream()
        .sorted(Comparator.comparing(Location::getUri)
            .thenComparing(l -> l.getRange().getStart().getLine())
            .thenComparing(l -> l.getRange().getStart().getCharacter()))
        .toList();
  }

  @Test
  void aHostsReferencesInItsFileWithAndWithoutTheDeclaration() {
    Fixture f = Fixture.of("host w|eb { }\ncluster a { nodes web }\ncluster b { nodes db, web }");
    assertEquals(List.of(at("main.topo", 0, 5, 8), at("main.topo", 1, 18, 21), at("main.topo", 2, 22, 25)),
        references(f, true));
    assertEquals(List.of(at("main.topo", 1, 18, 21), at("main.topo", 2, 22, 25)), references(f, false));
  }

  @Test
  void fromAReferenceTheSameAsFromTheDeclaration() {
    Fixture f = Fixture.of("host web { }\ncluster a { nodes web }\ncluster b { nodes |web }");
    assertEquals(List.of(at("main.topo", 0, 5, 8), at("main.topo", 1, 18, 21), at("main.topo", 2, 18, 21)),
        references(f, true));
  }

  @Test
  void acrossTheWorkspaceOnlyFilesWhoseProgramResolvesToThisDeclarationCount() {
    Fixture f = Fixture.of("host |n1 { }")
        .with("imports-it.topo", "import \"main.topo\"\ncluster k { nodes n1 }")
        .with("own-host.topo", "host n1 { }\ncluster k { nodes n1 }")
        .with("unrelated.topo", "cluster k { nodes n1 }");
    assertEquals(List.of(at("imports-it.topo", 1, 18, 20), at("main.topo", 0, 5, 7)), references(f, true));
  }

  @Test
  void fromAReferenceToAnImportedVmEveryImporterIsFound() {
    Fixture f = Fixture.of("import \"lib.topo\"\ncluster k { nodes v|m1 }")
        .with("lib.topo", "host h {\n  hypervisor kvm\n  vm vm1 { }\n}")
        .with("other.topo", "import \"lib.topo\"\ncluster j { nodes h, vm1 }");
    assertEquals(List.of(at("lib.topo", 2, 5, 8), at("main.topo", 1, 18, 21), at("other.topo", 1, 21, 24)),
        references(f, true));
  }

  @Test
  void filesOfTheWorkspaceIndexAreSearchedToo() {
    Fixture f = Fixture.of("host |n1 { }");
    // A file the index knows but the editor has not opened: read through the session's sources.
    f.with("indexed.topo", "import \"main.topo\"\ncluster k { nodes n1 }");
    f.session().workspaceFiles().add(Fixture.ROOT.resolve("indexed.topo"));
    assertEquals(List.of(at("indexed.topo", 1, 18, 20)), references(f, false));
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
    Fixture f = Fixture.of(LIBRARIES.replace("library openjdk \"17\"", "library open|jdk \"17\""));
    assertEquals(List.of(at("main.topo", 1, 10, 17), at("main.topo", 3, 22, 29), at("main.topo", 4, 22, 29)),
        references(f, true));
  }

  @Test
  void fromARequiresTheLibraryThatSatisfiesIt() {
    Fixture f = Fixture.of(LIBRARIES.replace("module a { requires openjdk", "module a { requires |openjdk"));
    assertEquals(List.of(at("main.topo", 3, 22, 29), at("main.topo", 4, 22, 29)), references(f, false));
  }

  @Test
  void aRepeatedLibrarySatisfiesNothing() {
    Fixture f = Fixture.of(LIBRARIES.replace("library openjdk \"8\"", "library |openjdk \"8\""));
    assertEquals(List.of(at("main.topo", 2, 10, 17)), references(f, true));
  }

  @Test
  void aRequiresNothingSatisfiesListsTheRequiresOfTheSameLibraryInItsBlock() {
    Fixture f = Fixture.of("host h {\n  module a { requires py|thon \"3\" }\n  module b { requires python \"3.11\" }\n}");
    assertEquals(List.of(at("main.topo", 1, 22, 28), at("main.topo", 2, 22, 28)), references(f, true));
  }

  @Test
  void blocksWithoutReferencesListOnlyTheirDeclaration() {
    Fixture f = Fixture.of("host h {\n  container w|eb { }\n}\ncluster k { nodes web }");
    assertEquals(List.of(at("main.topo", 1, 12, 15)), references(f, true));
    assertEquals(List.of(), references(f, false));
  }

  @Test
  void nothingOnKeywordsBlanksOrUnknownNodes() {
    assertEquals(List.of(), references(Fixture.of("clus|ter k { nodes web }"), true));
    assertEquals(List.of(), references(Fixture.of("cluster k { nodes we|b }"), true));
    assertEquals(List.of(), references(Fixture.of("host h { }\n\n|"), true));
  }
}
