package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;

class DocumentHighlightFeatureTest {
  static DocumentHighlight write(int line, int character, int endCharacter) {
    return new DocumentHighlight(new Range(new Position(line, character), new Position(line, endCharacter)),
        DocumentHighlightKind.Write);
  }

  static DocumentHighlight read(int line, int character, int endCharacter) {
    return new DocumentHighlight(new Range(new Position(line, character), new Position(line, endCharacter)),
        DocumentHighlightKind.Read);
  }

  static List<DocumentHighlight> highlights(Fixture f) {
    return DocumentHighlightFeature.highlights(f.snapshot(), f.position());
  }

  @Test
  void theDeclarationIsWrittenAndItsReferencesRead() {
    Fixture f = Fixture.of("host web { }\nhost db { }\ncluster k { nodes web, db }\ncluster j { nodes w|eb }");
    assertEquals(List.of(write(0, 5, 8), read(2, 18, 21), read(3, 18, 21)), highlights(f));
  }

  @Test
  void aDeclarationInAnImportedFileIsNotHighlightedHere() {
    Fixture f = Fixture.of("import \"lib.topo\"\ncluster k { nodes |n1 }\ncluster j { nodes n1 }")
        .with("lib.topo", "host n1 { }");
    assertEquals(List.of(read(1, 18, 20), read(2, 18, 20)), highlights(f));
  }

  @Test
  void aLibraryAndTheRequiresItSatisfies() {
    Fixture f = Fixture.of("""
        host v {
          library |openjdk "17"
          module a { requires openjdk "17" }
          container c { module b { requires openjdk "17" } }
        }""");
    assertEquals(List.of(write(1, 10, 17), read(2, 22, 29)), highlights(f));
  }

  @Test
  void anUnsatisfiedRequiresAndItsSiblings() {
    Fixture f = Fixture.of("host h {\n  module a { requires g|o \"1\" }\n  module b { requires go \"1\" }\n}");
    assertEquals(List.of(read(1, 22, 24), read(2, 22, 24)), highlights(f));
  }

  @Test
  void aPodOnlyItself() {
    assertEquals(List.of(write(0, 16, 19)), highlights(Fixture.of("cluster k { pod a|pi { replicas 2 } }")));
  }

  @Test
  void nothingOnKeywordsOrOutsideTheText() {
    assertEquals(List.of(), highlights(Fixture.of("host h { o|s linux }")));
    Fixture f = Fixture.of("host h { }");
    assertEquals(List.of(), DocumentHighlightFeature.highlights(f.snapshot(), new Position(9, 9)));
  }
}
