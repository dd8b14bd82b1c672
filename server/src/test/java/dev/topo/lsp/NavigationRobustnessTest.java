package dev.topo.lsp;

import dev.topo.ide.Snapshot;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.topo.check.Cancellation;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;

/**
 * Every navigation feature at every place of every stage of typing a file: half-typed text
 * is what an editor sends, and it must give answers (perhaps empty), never an exception.
 * Refusals of rename are the only errors allowed.
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
      for (int cursor = 0; cursor <= length; cursor += 6) {
        Fixture f = Fixture.of(prefix.substring(0, cursor) + "|" + prefix.substring(cursor))
            .with("lib.topo", "host n1 { }");
        Snapshot s = f.snapshot();
        assertNotNull(DefinitionFeature.definition(f.session(), s, f.position()));
        assertNotNull(ReferencesFeature.references(f.session(), s, f.position(), true, Cancellation.NONE));
        assertNotNull(DocumentHighlightFeature.highlights(s, f.position()));
        try {
          RenameFeature.prepare(s, f.position());
          RenameFeature.rename(f.session(), s, f.position(), "renamed", Cancellation.NONE);
        } catch (ResponseErrorException refused) {
          assertNotNull(refused.getResponseError().getMessage());
        }
        if (cursor == 0) {
          assertNotNull(DocumentSymbolFeature.symbols(s, new ClientCapabilities()));
          assertNotNull(DocumentLinkFeature.links(f.session(), s));
          assertNotNull(WorkspaceSymbolFeature.symbols(f.session(), prefix.isEmpty() ? "" : prefix.substring(length - 1),
              Cancellation.NONE));
        }
      }
    }
  }
}
