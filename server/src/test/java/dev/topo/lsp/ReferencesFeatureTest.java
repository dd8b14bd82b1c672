package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.topo.check.Cancellation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Find references in the protocol, and the session's files as the workspace searched; what
 * it finds is {@code ide.FindReferencesTest}'s.
 */
class ReferencesFeatureTest {
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
  void fromAReferenceToAnImportedVmEveryImporterIsFound() {
    Fixture f = Fixture.of("import \"lib.topo\"\ncluster k { nodes v|m1 }")
        .with("lib.topo", "host h {\n  hypervisor kvm\n  vm vm1 { }\n}")
        .with("other.topo", "import \"lib.topo\"\ncluster j { nodes h, vm1 }");
    assertEquals(List.of(at("lib.topo", 2, 5, 8), at("main.topo", 1, 18, 21), at("other.topo", 1, 21, 24)),
        references(f, true));
  }

  @Test
  void filesOfTheWorkspaceIndexAreSearchedToo(@TempDir Path dir) throws Exception {
    // A file the index knows but the editor has not opened: read from the disk.
    Files.writeString(dir.resolve("indexed.topo"), "import \"main.topo\"\ncluster k { nodes n1 }");
    Fixture f = Fixture.at(dir, "main.topo", "host |n1 { }");
    assertEquals(List.of(), references(f, false));
    f.session().workspaceFiles().add(dir.resolve("indexed.topo").toUri());
    assertEquals(List.of(new Location(dir.resolve("indexed.topo").toUri().toString(), r(1, 18, 1, 20))),
        references(f, false));
  }

  @Test
  void positionsPastTheEndOrMissingHaveNone() {
    Fixture f = Fixture.of("host h { }\ncluster k { nodes h }");
    assertEquals(List.of(), ReferencesFeature.references(f.session(), f.snapshot(), new Position(9, 0), true,
        Cancellation.NONE));
    assertEquals(List.of(), ReferencesFeature.references(f.session(), f.snapshot(), null, true, Cancellation.NONE));
  }
}
