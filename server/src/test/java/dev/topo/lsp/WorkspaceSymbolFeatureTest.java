package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.topo.check.Cancellation;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.junit.jupiter.api.Test;

class WorkspaceSymbolFeatureTest {
  static Fixture workspace() {
    return Fixture.of("host web-01 {\n  container frontend { }\n}\ncluster prod { pod web { } }")
        .with("lib.topo", "host db-01 { vm warehouse { } }");
  }

  static List<String> names(Fixture f, String query) {
    return WorkspaceSymbolFeature.symbols(f.session(), query, Cancellation.NONE).stream().map(WorkspaceSymbol::getName).toList();
  }

  @Test
  void everyDeclarationOfEveryFileForAnEmptyQuery() {
    assertEquals(List.of("db-01", "frontend", "prod", "warehouse", "web", "web-01"), names(workspace(), ""));
  }

  @Test
  void theQueryIsACaseInsensitiveSubsequencePrefixesFirst() {
    assertEquals(List.of("web", "web-01", "warehouse"), names(workspace(), "WE"));
    assertEquals(List.of("web-01"), names(workspace(), "wb1"));
    assertEquals(List.of(), names(workspace(), "zz"));
  }

  @Test
  void symbolsCarryTheirKindFileNameRangeAndContainer() {
    List<WorkspaceSymbol> found = WorkspaceSymbolFeature.symbols(workspace().session(), "warehouse", Cancellation.NONE);
    WorkspaceSymbol vm = found.get(0);
    assertEquals(SymbolKind.Class, vm.getKind()); // no symbol kinds announced: the original set has no Object
    assertEquals(new Location(Fixture.ROOT.resolve("lib.topo").toString(), new Range(new Position(0, 16), new Position(0, 25))),
        vm.getLocation().getLeft());
    assertEquals("db-01", vm.getContainerName());
  }

  @Test
  void indexedFilesCountAndTheAnswerIsCapped() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < WorkspaceSymbolFeature.LIMIT + 20; i++) {
      many.append("host h").append(i).append(" { }\n");
    }
    Fixture f = Fixture.of("").with("many.topo", many.toString());
    f.session().workspaceFiles().add(Fixture.ROOT.resolve("many.topo"));
    assertEquals(WorkspaceSymbolFeature.LIMIT, names(f, "h").size());
  }

  @Test
  void aCancelledSearchStops() {
    assertThrows(CancellationException.class, () -> WorkspaceSymbolFeature.symbols(workspace().session(), "", () -> true));
  }

  @Test
  void ranking() {
    assertEquals(0, WorkspaceSymbolFeature.rank("web-01", "web"));
    assertEquals(1, WorkspaceSymbolFeature.rank("my-web", "web"));
    assertEquals(2, WorkspaceSymbolFeature.rank("warehouse-b", "web"));
    assertEquals(-1, WorkspaceSymbolFeature.rank("db", "web"));
  }
}
