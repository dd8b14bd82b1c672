package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.topo.check.Cancellation;
import org.junit.jupiter.api.Test;

/**
 * Every navigation feature at many places of every stage of typing a file: half-typed text is
 * what an editor sends, and it must give answers (perhaps empty), never an exception; in this
 * layer even a refused rename is an answer. The cursors fall between those of the protocol's
 * test of the same name, so that together they see more places.
 */
class NavigationRobustnessTest {
  static final String TEXT = """
      import "lib.topo"
      host web-01 {
        os linux; cpu 8; memory 16Gi; hypervisor kvm; runtime docker
        library openjdk "17"
        vm v1 { os windows; container c { image "x:1"; module m { requires openjdk ">=11" } } }
        module api { requires openjdk "17"; load high }
      }
      cluster prod { nodes web-01, v1, n1; pod p { replicas 2; container c { } } }
      """;

  @Test
  void everyPrefixAtEverySixthOffsetAnswersWithoutThrowing() {
    for (int length = 0; length <= TEXT.length(); length += 11) {
      String prefix = TEXT.substring(0, length);
      for (int cursor = Math.min(3, length); cursor <= length; cursor += 6) {
        Marked m = Marked.of(prefix.substring(0, cursor) + "|" + prefix.substring(cursor)).with("lib.topo", "host n1 { }");
        Snapshot s = m.snapshot();
        Workspace workspace = m.workspace();
        assertNotNull(Definition.at(s, cursor, workspace));
        assertNotNull(FindReferences.at(s, cursor, true, workspace, Cancellation.NONE));
        assertNotNull(DocumentHighlights.at(s, cursor));
        assertNotNull(Rename.prepare(s, cursor));
        assertNotNull(Rename.at(s, cursor, "renamed", workspace, Cancellation.NONE));
        if (cursor < 6) {
          assertNotNull(DocumentSymbols.of(s));
          assertNotNull(DocumentLinks.of(s, workspace));
          assertNotNull(WorkspaceSymbols.matching(prefix.isEmpty() ? "" : prefix.substring(length - 1), workspace,
              Cancellation.NONE));
        }
      }
    }
  }
}
