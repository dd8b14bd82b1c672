package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentSymbolsTest {
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

  /** name kind detail, indented by depth: the outline as a reader sees it. */
  static String render(List<DocumentSymbols.Symbol> symbols, String indent) {
    StringBuilder out = new StringBuilder();
    for (DocumentSymbols.Symbol s : symbols) {
      out.append(indent).append(s.name()).append(' ').append(s.kind())
          .append(s.detail().isEmpty() ? "" : " — " + s.detail()).append('\n');
      out.append(render(s.children(), indent + "  "));
    }
    return out.toString();
  }

  static List<DocumentSymbols.Symbol> outline(String text) {
    return DocumentSymbols.of(Marked.of(text).snapshot());
  }

  @Test
  void everyBlockNestedAsWrittenWithItsKindAndDetail() {
    assertEquals("""
        h1 HOST — linux "rhel 9" · 16 cpu · 64Gi
          win VM — windows · 0.5 cpu
            m MODULE — csharp · load high
          web CONTAINER — web:1.2 · 1 cpu · 512Mi
        k CLUSTER — nodes h1, win
          api POD — 3 replicas
            c CONTAINER
        """, render(outline(TOPOLOGY), ""));
  }

  @Test
  void aQuotedNameIsListedWithoutItsQuotesAndSelectedWithThem() {
    Snapshot snapshot = Marked.of("host \"ip-10.internal\" { }\ncluster k { nodes \"ip-10.internal\" }").snapshot();
    List<DocumentSymbols.Symbol> symbols = DocumentSymbols.of(snapshot);
    assertEquals("ip-10.internal HOST\nk CLUSTER — nodes ip-10.internal\n", render(symbols, ""));
    assertEquals("main.topo 0:5-21", Where.of(snapshot, symbols.get(0).selection()));
  }

  @Test
  void theSpanCoversTheBlockAndTheSelectionIsTheName() {
    Snapshot snapshot = Marked.of(TOPOLOGY).snapshot();
    DocumentSymbols.Symbol host = DocumentSymbols.of(snapshot).get(0);
    DocumentSymbols.Symbol vm = host.children().get(0);
    assertEquals(List.of("main.topo 0:0-11:1", "main.topo 0:5-7", "main.topo 5:2-9:3", "main.topo 5:5-8"),
        List.of(Where.of(snapshot, host.span()), Where.of(snapshot, host.selection()), Where.of(snapshot, vm.span()),
            Where.of(snapshot, vm.selection())));
  }

  @Test
  void halfTypedBlocksStillAppearWithAPlaceholderNameAndAnEmptySelection() {
    List<DocumentSymbols.Symbol> outline = outline("host h {\n  container {\n");
    assertEquals("h HOST\n  (unnamed container) CONTAINER\n", render(outline, ""));
    DocumentSymbols.Symbol unnamed = outline.get(0).children().get(0);
    assertEquals(0, unnamed.selection().length());
    assertTrue(unnamed.span().contains(unnamed.selection()), unnamed.toString());
  }

  @Test
  void anEmptyDocumentHasNoSymbols() {
    assertEquals(List.of(), outline("// nothing yet\n"));
  }
}
