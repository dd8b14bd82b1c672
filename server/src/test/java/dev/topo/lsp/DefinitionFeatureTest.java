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

/** The protocol's shape of go to definition; what it finds is {@code ide.DefinitionTest}'s. */
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
  void aNodeReferenceGoesToAVmInAnImportedFile() {
    Fixture f = Fixture.of("import \"lib.topo\"\ncluster k { nodes |vm1 }")
        .with("lib.topo", "host h {\n  hypervisor kvm\n  vm vm1 { os linux }\n}");
    assertEquals(List.of(new Location(LIB, r(2, 5, 2, 8))), definition(f));
  }

  @Test
  void anImportPathGoesToTheStartOfTheImportedFile() {
    Fixture f = Fixture.of("import \"li|b.topo\"\nhost h { }").with("lib.topo", "host n1 { }");
    assertEquals(List.of(new Location(LIB, r(0, 0, 0, 0))), definition(f));
  }

  @Test
  void positionsPastTheEndOrMissingHaveNone() {
    Fixture f = Fixture.of("host h { }");
    assertEquals(List.of(),
        DefinitionFeature.definition(f.session(), f.snapshot(), new Position(40, 3)).getLeft());
    assertEquals(List.of(), DefinitionFeature.definition(f.session(), f.snapshot(), null).getLeft());
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
