package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.SymbolKindCapabilities;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

/**
 * The outline in the protocol: kinds by what the client supports, ranges, and the flat list
 * for clients without hierarchy; what it holds is {@code ide.DocumentSymbolsTest}'s.
 */
class DocumentSymbolFeatureTest {
  static final String TOPOLOGY = """
      host h1 {
        os linux "rhel 9"
        cpu 16
        memory 64Gi
        hypervisor kvm
        vm win {
          os windows
          cpu 0.5
          module m { language csharp; load high }
        }
        container web { image "web:1.2"; cpu 1; memory 512Mi }
      }
      cluster k {
        nodes h1, win
        pod api { replicas 3; container c { } }
      }
      """;

  static Range r(int line, int character, int endLine, int endCharacter) {
    return new Range(new Position(line, character), new Position(endLine, endCharacter));
  }

  static ClientCapabilities hierarchical(List<SymbolKind> kinds) {
    DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
    symbols.setHierarchicalDocumentSymbolSupport(true);
    symbols.setSymbolKind(kinds == null ? null : new SymbolKindCapabilities(kinds));
    TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
    text.setDocumentSymbol(symbols);
    ClientCapabilities client = new ClientCapabilities();
    client.setTextDocument(text);
    return client;
  }

  static List<DocumentSymbol> outline(String text, ClientCapabilities client) {
    return DocumentSymbolFeature.symbols(Fixture.of(text).snapshot(), client).stream().map(Either::getRight).toList();
  }

  /** name kind detail, indented by depth: the outline as a reader sees it. */
  static String render(List<DocumentSymbol> symbols, String indent) {
    StringBuilder out = new StringBuilder();
    for (DocumentSymbol s : symbols) {
      out.append(indent).append(s.getName()).append(' ').append(s.getKind())
          .append(s.getDetail() == null ? "" : " — " + s.getDetail()).append('\n');
      out.append(render(s.getChildren(), indent + "  "));
    }
    return out.toString();
  }

  @Test
  void aHierarchicalOutlineWithKindsAndDetails() {
    List<DocumentSymbol> outline = outline(TOPOLOGY, hierarchical(List.of(SymbolKind.values())));
    assertEquals("""
        h1 Class — linux "rhel 9" · 16 cpu · 64Gi
          win Object — windows · 0.5 cpu
            m Module — csharp · load high
          web Package — web:1.2 · 1 cpu · 512Mi
        k Namespace — nodes h1, win
          api Array — 3 replicas
            c Package
        """, render(outline, ""));
  }

  @Test
  void rangesCoverTheBlockAndSelectionTheName() {
    DocumentSymbol host = outline(TOPOLOGY, hierarchical(null)).get(0);
    assertEquals(r(0, 0, 11, 1), host.getRange());
    assertEquals(r(0, 5, 0, 7), host.getSelectionRange());
    DocumentSymbol vm = host.getChildren().get(0);
    assertEquals(r(5, 2, 9, 3), vm.getRange());
    assertEquals(r(5, 5, 5, 8), vm.getSelectionRange());
  }

  @Test
  void vmsAreClassesForClientsThatKnowOnlyTheOriginalKinds() {
    assertEquals(SymbolKind.Class, outline(TOPOLOGY, hierarchical(null)).get(0).getChildren().get(0).getKind());
  }

  @Test
  void clientsWithoutHierarchyGetAFlatListNamingEachContainer() {
    List<SymbolInformation> flat = DocumentSymbolFeature.symbols(Fixture.of(TOPOLOGY).snapshot(), new ClientCapabilities())
        .stream().map(Either::getLeft).toList();
    assertEquals(List.of("h1", "win", "m", "web", "k", "api", "c"), flat.stream().map(SymbolInformation::getName).toList());
    assertNull(flat.get(0).getContainerName());
    assertEquals("win", flat.get(2).getContainerName());
    assertEquals(r(12, 0, 15, 1), flat.get(4).getLocation().getRange());
    assertEquals(Fixture.MAIN.toString(), flat.get(4).getLocation().getUri());
  }
}
