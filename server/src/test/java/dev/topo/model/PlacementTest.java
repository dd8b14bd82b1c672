package dev.topo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.topo.syntax.TopologySyntax;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Elements inside blocks count from their block, and only the version they came from places them. */
class PlacementTest {
  private static final URI FILE = URI.create("file:///ws/main.topo");
  private static final String TEXT = "host a { cpu 2 }\n\nhost b { cpu 4 }\n";

  @Test
  void anElementCountsFromItsBlockAndItsVersionPutsItInTheText() {
    FileModel file = TopologySyntax.parse(FILE, TEXT);
    Entity b = file.declarations().get(1);
    assertEquals(new LocalSpan(((LocalSpan) b.span()).origin(), 5, 6), b.name().span(), "the name, from the block's start");
    assertEquals(new Span(FILE, TEXT.indexOf("b {"), TEXT.indexOf("b {") + 1), file.span(b.name()));
  }

  @Test
  void anEditMovesTheBlocksAfterItWithoutMakingThemAgain() {
    FileModel before = TopologySyntax.parse(FILE, TEXT);
    String text = TEXT.replace("cpu 2", "cpu 12");
    FileModel after = dev.topo.syntax.IncrementalParse.reparse(before, text).orElseThrow();
    assertSame(before.declarations().get(1), after.declarations().get(1), "the block after the edit is the same object");
    assertEquals(before.span(before.declarations().get(1)).start() + 1, after.span(after.declarations().get(1)).start());
    assertNotEquals(before.declarations().get(0), after.declarations().get(0), "the edited block is parsed again");
  }

  @Test
  void anElementOfAnotherParseIsNotPlacedByThisVersion() {
    FileModel one = TopologySyntax.parse(FILE, TEXT);
    FileModel other = TopologySyntax.parse(FILE, TEXT);
    Name name = other.declarations().get(0).name();
    assertThrows(IllegalArgumentException.class, () -> one.span(name), "a plausible place would be a wrong one");
    assertEquals(other.span(name), one.span(one.declarations().get(0).name()), "the same text puts it at the same place");
  }
}
