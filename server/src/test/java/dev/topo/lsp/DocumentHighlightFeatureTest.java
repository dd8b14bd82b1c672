package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;

/** Document highlight in the protocol; what it finds is {@code ide.DocumentHighlightsTest}'s. */
class DocumentHighlightFeatureTest {
  static DocumentHighlight write(int line, int character, int endCharacter) {
    return new DocumentHighlight(new Range(new Position(line, character), new Position(line, endCharacter)),
        DocumentHighlightKind.Write);
  }

  static DocumentHighlight read(int line, int character, int endCharacter) {
    return new DocumentHighlight(new Range(new Position(line, character), new Position(line, endCharacter)),
        DocumentHighlightKind.Read);
  }

  @Test
  void theDeclarationIsWrittenAndItsReferencesRead() {
    Fixture f = Fixture.of("host web { }\nhost db { }\ncluster k { nodes web, db }\ncluster j { nodes w|eb }");
    assertEquals(List.of(write(0, 5, 8), read(2, 18, 21), read(3, 18, 21)),
        DocumentHighlightFeature.highlights(f.snapshot(), f.position()));
  }

  @Test
  void nothingOutsideTheTextOrWithoutAPosition() {
    Fixture f = Fixture.of("host h { }");
    assertEquals(List.of(), DocumentHighlightFeature.highlights(f.snapshot(), new Position(9, 9)));
    assertEquals(List.of(), DocumentHighlightFeature.highlights(f.snapshot(), null));
  }
}
