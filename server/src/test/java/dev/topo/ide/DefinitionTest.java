package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DefinitionTest {
  /** Where the definition's name is, or nothing. */
  static Optional<String> definition(Marked m) {
    Snapshot snapshot = m.snapshot();
    return Definition.at(snapshot, m.offset(), m.workspace()).map(d -> Where.of(snapshot, d.name()));
  }

  @Test
  void aNodeReferenceGoesToItsHostInTheSameFile() {
    assertEquals(Optional.of("main.topo 0:5-8"), definition(Marked.of("host web { }\ncluster k { nodes db, we|b }")));
  }

  @Test
  void aNodeReferenceGoesToAVmInAnImportedFile() {
    Marked m = Marked.of("import \"lib.topo\"\ncluster k { nodes |vm1 }")
        .with("lib.topo", "host h {\n  hypervisor kvm\n  vm vm1 { os linux }\n}");
    assertEquals(Optional.of("lib.topo 2:5-8"), definition(m));
  }

  @Test
  void aNodeReferenceThatNamesNothingHasNoDefinition() {
    assertEquals(Optional.empty(), definition(Marked.of("host web { }\ncluster k { nodes w|eb2 }")));
  }

  @Test
  void anImportPathGoesToTheStartOfTheImportedFile() {
    Marked m = Marked.of("import \"li|b.topo\"\nhost h { }").with("lib.topo", "host n1 { }");
    assertEquals(Optional.of("lib.topo 0:0-0"), definition(m));
  }

  @Test
  void anImportOfAMissingFileOrOutsideTheRootHasNoDefinition() {
    assertEquals(Optional.empty(), definition(Marked.of("import \"go|ne.topo\"")));
    assertEquals(Optional.empty(),
        definition(Marked.of("import \"../el|sewhere.topo\"").with("../elsewhere.topo", "host e { }")));
  }

  @Test
  void aRequirementGoesToTheLibraryOfTheModulesEnclosingBlock() {
    Marked m = Marked.of("""
        host h {
          library openjdk "17"
          module m { requires open|jdk ">=11" }
        }""");
    assertEquals(Optional.of("main.topo 1:10-17"), definition(m));
  }

  @Test
  void aContainersModuleSeesTheContainersLibraryNotTheHosts() {
    Marked m = Marked.of("""
        host h {
          library openjdk "8"
          container c {
            library openjdk "17"
            module m { requires |openjdk "17" }
          }
        }""");
    assertEquals(Optional.of("main.topo 3:12-19"), definition(m));
  }

  @Test
  void aRequirementNoLibrarySatisfiesHasNoDefinition() {
    assertEquals(Optional.empty(), definition(Marked.of("host h { module m { requires py|thon \"3\" } }")));
  }

  @Test
  void aDeclarationIsItsOwnDefinition() {
    assertEquals(Optional.of("main.topo 1:12-15"), definition(Marked.of("host h {\n  container we|b { }\n}")));
  }

  @Test
  void keywordsBlanksAndOffsetsPastTheEndHaveNone() {
    assertEquals(Optional.empty(), definition(Marked.of("ho|st h { os linux }")));
    assertEquals(Optional.empty(), definition(Marked.of("host h { os linux }\n|\n")));
    Marked m = Marked.of("host h { }");
    assertEquals(Optional.empty(), Definition.at(m.snapshot(), 400, m.workspace()));
  }

  @Test
  void halfTypedTextStillResolvesWhatIsThere() {
    assertEquals(Optional.of("main.topo 0:5-8"), definition(Marked.of("host web {\n  os linux\ncluster k { nodes we|b")));
  }

  @Test
  void theWholeBlockTheNameToSelectAndTheWordItCameFrom() {
    Marked m = Marked.of("host web {\n  os linux\n}\ncluster k { nodes w|eb }");
    Snapshot snapshot = m.snapshot();
    Definition.Result d = Definition.at(snapshot, m.offset(), m.workspace()).orElseThrow();
    assertEquals(List.of("main.topo 0:0-2:1", "main.topo 0:5-8", "main.topo 3:18-21"),
        List.of(Where.of(snapshot, d.whole()), Where.of(snapshot, d.name()), Where.of(snapshot, d.origin())));
  }
}
