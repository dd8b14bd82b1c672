package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.topo.check.Cancellation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workspace symbols in the protocol, over the session's open documents and index; what they
 * find is {@code ide.WorkspaceSymbolsTest}'s.
 */
class WorkspaceSymbolFeatureTest {
  static Fixture workspace() {
    return Fixture.of("host web-01 {\n  container frontend { }\n}\ncluster prod { pod web { } }")
        .with("lib.topo", "host db-01 { vm warehouse { } }");
  }

  static List<String> names(Fixture f, String query) {
    return WorkspaceSymbolFeature.symbols(f.session(), query, Cancellation.NONE).stream().map(WorkspaceSymbol::getName).toList();
  }

  @Test
  void everyDeclarationOfEveryOpenDocument() {
    assertEquals(List.of("db-01", "frontend", "prod", "warehouse", "web", "web-01"), names(workspace(), ""));
  }

  @Test
  void symbolsCarryTheirKindFileNameRangeAndContainer() {
    List<WorkspaceSymbol> found = WorkspaceSymbolFeature.symbols(workspace().session(), "warehouse", Cancellation.NONE);
    WorkspaceSymbol vm = found.get(0);
    assertEquals(SymbolKind.Class, vm.getKind()); // no symbol kinds announced: the original set has no Object
    assertEquals(new Location(Fixture.ROOT.resolve("lib.topo").toString(), new Range(new Position(0, 16), new Position(0, 25))),
        vm.getLocation().getLeft());
    assertEquals("db-01", vm.getContainerName());
    assertNull(WorkspaceSymbolFeature.symbols(workspace().session(), "db-01", Cancellation.NONE).get(0).getContainerName());
  }

  @Test
  void filesOfTheIndexCountThoughNotOpen(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("indexed.topo"), "host on-disk { }");
    Fixture f = Fixture.at(dir, "main.topo", "host open { }");
    assertEquals(List.of(), names(f, "disk"));
    f.session().workspaceFiles().add(dir.resolve("indexed.topo").toUri());
    assertEquals(List.of("on-disk"), names(f, "disk"));
  }
}
