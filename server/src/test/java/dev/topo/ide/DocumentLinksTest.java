package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.topo.workspace.MemorySources;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentLinksTest {
  static List<DocumentLinks.Link> links(Marked m) {
    return DocumentLinks.of(m.snapshot(), m.workspace());
  }

  @Test
  void anImportThatResolvesLinksItsStringToTheFile() {
    Marked m = Marked.of("import \"lib/a.topo\"\nimport \"gone.topo\"\nhost h { }").with("lib/a.topo", "host a { }");
    List<DocumentLinks.Link> links = links(m);
    assertEquals(1, links.size());
    assertEquals("main.topo 0:7-19", Where.of(m.snapshot(), links.get(0).span()));
    assertEquals(MemorySources.uri("lib/a.topo"), links.get(0).target());
    assertEquals("Open lib/a.topo", links.get(0).tooltip());
  }

  @Test
  void importsOutsideTheWorkspaceOrNotRelativeHaveNoLink() {
    Marked m = Marked.of("import \"../elsewhere.topo\"\nimport \"/abs.topo\"\nimport \"\"")
        .with("../elsewhere.topo", "host e { }");
    assertEquals(List.of(), links(m));
  }

  @Test
  void aHalfTypedImportHasNoLink() {
    assertEquals(List.of(), links(Marked.of("import \"lib")));
  }
}
