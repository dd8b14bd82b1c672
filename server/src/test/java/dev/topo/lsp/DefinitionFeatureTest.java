package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DefinitionCapabilities;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.junit.jupiter.api.Test;

class DefinitionFeatureTest {
  static final String LIB = Fixture.ROOT.resolve("lib.topo").toString();
  static final String MAIN = Fixture.MAIN.toString();

  static Range r(int line, int character, int endLine, int endCharacter) {
    return new Range(new Position(line, character), new Position(endLine, endCharacter));
  }

  static List<? extends Location> definition(Fixture f) {
    return DefinitionFeature.definition(f.session(), f.snapshot(), f.position()).getLeft();
  }

  @Test
  void aNodeReferenceGoesToItsHostInTheSameFile() {
    Fixture f = Fixture.of("host web { }\ncluster k { nodes db, we|b }");
    assertEquals(List.of(new Location(MAIN, r(0, 5, 0, 8))), definition(f));
  }

  @Test
  void aNodeReferenceGoesToAVmInAnImportedFile() {
    Fixture f = Fixture.of("import \"lib.topo\"\ncluster k { nodes |vm1 }")
        .with("lib.topo", "host h {\n  hypervisor kvm\n  vm vm1 { os linux }\n}");
    assertEquals(List.of(new Location(LIB, r(2, 5, 2, 8))), definition(f));
  }

  @Test
  void aNodeReferenceThatNamesNothingHasNoDefinition() {
    assertEquals(List.of(), definition(Fixture.of("host web { }\ncluster k { nodes w|eb2 }")));
  }

  @Test
  void anImportPathGoesToTheStartOfTheImportedFile() {
    Fixture f = Fixture.of("import \"li|b.topo\"\nhost h { }").with("lib.topo", "host n1 { }");
    assertEquals(List.of(new Location(LIB, r(0, 0, 0, 0))), definition(f));
  }

  @Test
  void anImportOfAMissingFileHasNoDefinition() {
    assertEquals(List.of(), definition(Fixture.of("import \"go|ne.topo\"")));
  }

  @Test
  void aRequirementGoesToTheLibraryOfTheModulesEnclosingBlock() {
    Fixture f = Fixture.of("""
        host h {
          library openjdk "17"
          module m { requires open|jdk ">=11" }
        }""");
    assertEquals(List.of(new Location(MAIN, r(1, 10, 1, 17))), definition(f));
  }

  @Test
  void aContainersModuleSeesTheContainersLibraryNotTheHosts() {
    Fixture f = Fixture.of("""
        host h {
          library openjdk "8"
          container c {
            library openjdk "17"
            module m { requires |openjdk "17" }
          }
        }""");
    assertEquals(List.of(new Location(MAIN, r(3, 12, 3, 19))), definition(f));
  }

  @Test
  void aRequirementNoLibrarySatisfiesHasNoDefinition() {
    assertEquals(List.of(), definition(Fixture.of("host h { module m { requires py|thon \"3\" } }")));
  }

  @Test
  void aDeclarationIsItsOwnDefinition() {
    Fixture f = Fixture.of("host h {\n  container we|b { }\n}");
    assertEquals(List.of(new Location(MAIN, r(1, 12, 1, 15))), definition(f));
  }

  @Test
  void keywordsBlanksAndPositionsPastTheEndHaveNone() {
    assertEquals(List.of(), definition(Fixture.of("ho|st h { os linux }")));
    assertEquals(List.of(), definition(Fixture.of("host h { os linux }\n|\n")));
    Fixture f = Fixture.of("host h { }");
    assertEquals(List.of(),
        DefinitionFeature.definition(f.session(), f.snapshot(), new Position(40, 3)).getLeft());
  }

  @Test
  void halfTypedTextStillResolvesWhatIsThere() {
    Fixture f = Fixture.of("host web {\n  os linux\ncluster k { nodes we|b");
    assertEquals(List.of(new Location(MAIN, r(0, 5, 0, 8))), definition(f));
  }

  @Test
  void clientsWithLinkSupportGetTheWholeBlockAndTheNameToSelect() {
    Fixture f = Fixture.of("host web {\n  os linux\n}\ncluster k { nodes w|eb }");
    ClientCapabilities client = new ClientCapabilities();
    TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
    text.setDefinition(new DefinitionCapabilities(false, true));
    client.setTextDocument(text);
    f.session().setClientCapabilities(client);
    List<? extends LocationLink> links = DefinitionFeature.definition(f.session(), f.snapshot(), f.position()).getRight();
    assertEquals(List.of(new LocationLink(MAIN, r(0, 0, 2, 1), r(0, 5, 0, 8), r(3, 18, 3, 21))), links);
  }
}
