package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** How a hover or a completion names the file an entity comes from, worked out on URIs alone. */
class EntitySummaryTest {
  static String relative(String from, String to) {
    return EntitySummary.relative(URI.create(from), URI.create(to));
  }

  @Test
  void aFileIsNamedByItsPathFromTheDocumentsFolder() {
    assertEquals("lib.topo", relative("file:///ws/main.topo", "file:///ws/lib.topo"));
    assertEquals("shared/base.topo", relative("file:///ws/main.topo", "file:///ws/shared/base.topo"));
    assertEquals("../shared/base.topo", relative("file:///ws/app/main.topo", "file:///ws/shared/base.topo"));
    assertEquals("../../x.topo", relative("file:///ws/a/b/main.topo", "file:///ws/x.topo"));
    assertEquals("main.topo", relative("file:///ws/main.topo", "file:///ws/./main.topo"));
  }

  @Test
  void spacesAreTheFilesOwnNotEscapes() {
    assertEquals("my lib.topo", relative("file:///ws/main.topo", "file:///ws/my%20lib.topo"));
  }

  @Test
  void elseTheLastSegment() {
    assertEquals("lib.topo", relative("untitled:Untitled-1", "file:///ws/lib.topo"));
    assertEquals("lib.topo", relative("file:///C:/ws/main.topo", "file:///D:/ws/lib.topo"));
  }
}
