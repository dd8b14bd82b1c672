package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentHighlightsTest {
  /** Each highlight as "D main.topo 0:5-8" (the declaration) or "R main.topo 2:18-21" (a reference). */
  static List<String> highlights(Marked m) {
    Snapshot snapshot = m.snapshot();
    return DocumentHighlights.at(snapshot, m.offset()).stream()
        .map(h -> (h.role() == DocumentHighlights.Role.DECLARATION ? "D " : "R ")
            + Where.of(snapshot, h.span()))
        .toList();
  }

  @Test
  void theDeclarationAndItsReferences() {
    Marked m = Marked.of("host web { }\nhost db { }\ncluster k { nodes web, db }\ncluster j { nodes w|eb }");
    assertEquals(List.of("D main.topo 0:5-8", "R main.topo 2:18-21", "R main.topo 3:18-21"), highlights(m));
  }

  @Test
  void aDeclarationInAnImportedFileIsNotHighlightedHere() {
    Marked m = Marked.of("import \"lib.topo\"\ncluster k { nodes |n1 }\ncluster j { nodes n1 }")
        .with("lib.topo", "host n1 { }");
    assertEquals(List.of("R main.topo 1:18-20", "R main.topo 2:18-20"), highlights(m));
  }

  @Test
  void aLibraryAndTheRequiresItSatisfies() {
    Marked m = Marked.of("""
        host v {
          library |openjdk "17"
          module a { requires openjdk "17" }
          container c { module b { requires openjdk "17" } }
        }""");
    assertEquals(List.of("D main.topo 1:10-17", "R main.topo 2:22-29"), highlights(m));
  }

  @Test
  void anUnsatisfiedRequiresAndItsSiblings() {
    Marked m = Marked.of("host h {\n  module a { requires g|o \"1\" }\n  module b { requires go \"1\" }\n}");
    assertEquals(List.of("R main.topo 1:22-24", "R main.topo 2:22-24"), highlights(m));
  }

  @Test
  void aPodOnlyItself() {
    assertEquals(List.of("D main.topo 0:16-19"), highlights(Marked.of("cluster k { pod a|pi { replicas 2 } }")));
  }

  @Test
  void nothingOnKeywordsOrOutsideTheText() {
    assertEquals(List.of(), highlights(Marked.of("host h { o|s linux }")));
    Marked m = Marked.of("host h { }");
    assertEquals(List.of(), DocumentHighlights.at(m.snapshot(), 99));
  }
}
