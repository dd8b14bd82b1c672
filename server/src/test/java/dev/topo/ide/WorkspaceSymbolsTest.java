package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.topo.check.Cancellation;
import dev.topo.model.EntityKind;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class WorkspaceSymbolsTest {
  static Marked workspace() {
    return Marked.of("host web-01 {\n  container frontend { }\n}\ncluster prod { pod web { } }")
        .with("lib.topo", "host db-01 { vm warehouse { } }");
  }

  static List<String> names(Marked m, String query) {
    return WorkspaceSymbols.matching(query, m.workspace(), Cancellation.NONE).stream()
        .map(WorkspaceSymbols.Symbol::name).toList();
  }

  @Test
  void everyDeclarationOfEveryFileForAnEmptyQuery() {
    assertEquals(List.of("db-01", "frontend", "prod", "warehouse", "web", "web-01"), names(workspace(), ""));
    assertEquals(names(workspace(), ""), names(workspace(), null));
  }

  @Test
  void theQueryIsACaseInsensitiveSubsequencePrefixesFirst() {
    assertEquals(List.of("web", "web-01", "warehouse"), names(workspace(), "WE"));
    assertEquals(List.of("web-01"), names(workspace(), "wb1"));
    assertEquals(List.of(), names(workspace(), "zz"));
  }

  @Test
  void symbolsCarryTheirKindThePlaceOfTheirNameAndTheirContainer() {
    WorkspaceSymbols.Symbol vm = WorkspaceSymbols.matching("warehouse", workspace().workspace(), Cancellation.NONE).get(0);
    assertEquals(EntityKind.VM, vm.kind());
    assertEquals("lib.topo 0:16-25", Where.of(vm.place()));
    assertEquals("db-01", vm.container());
    WorkspaceSymbols.Symbol host = WorkspaceSymbols.matching("db-01", workspace().workspace(), Cancellation.NONE).get(0);
    assertEquals("", host.container());
  }

  @Test
  void theAnswerIsCapped() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < WorkspaceSymbols.LIMIT + 20; i++) {
      many.append("host h").append(i).append(" { }\n");
    }
    assertEquals(WorkspaceSymbols.LIMIT, names(Marked.of("").with("many.topo", many.toString()), "h").size());
  }

  @Test
  void aCancelledSearchStops() {
    assertThrows(CancellationException.class, () -> WorkspaceSymbols.matching("", workspace().workspace(), () -> true));
  }

  @Test
  void ranking() {
    assertEquals(0, WorkspaceSymbols.rank("web-01", "web"));
    assertEquals(1, WorkspaceSymbols.rank("my-web", "web"));
    assertEquals(2, WorkspaceSymbols.rank("warehouse-b", "web"));
    assertEquals(-1, WorkspaceSymbols.rank("db", "web"));
  }
}
