package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Links on imports in the protocol, and to files on the disk; which imports link is {@code ide.DocumentLinksTest}'s. */
class DocumentLinkFeatureTest {
  static Range r(int line, int character, int endCharacter) {
    return new Range(new Position(line, character), new Position(line, endCharacter));
  }

  static List<String> targets(List<DocumentLink> links) {
    return links.stream().map(DocumentLink::getTarget).toList();
  }

  @Test
  void anImportThatResolvesLinksItsStringToTheFile() {
    Fixture f = Fixture.of("import \"lib/a.topo\"\nimport \"gone.topo\"\nhost h { }").with("lib/a.topo", "host a { }");
    List<DocumentLink> links = DocumentLinkFeature.links(f.session(), f.snapshot());
    assertEquals(1, links.size());
    assertEquals(r(0, 7, 19), links.get(0).getRange());
    assertEquals(Fixture.ROOT.resolve("lib/a.topo").toString(), links.get(0).getTarget());
    assertEquals("Open lib/a.topo", links.get(0).getTooltip());
  }

  @Test
  void filesOnDiskAreLinkedAndParentFoldersFollowed(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("sites"));
    Files.writeString(dir.resolve("common.topo"), "host c { }");
    Fixture f = Fixture.at(dir, "sites/main.topo", "import \"../common.topo\"");
    List<DocumentLink> links = DocumentLinkFeature.links(f.session(), f.snapshot());
    assertEquals(List.of(dir.resolve("common.topo").toUri().toString()), targets(links));
  }
}
