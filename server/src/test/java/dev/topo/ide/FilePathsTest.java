package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Paths of file URIs as text: relative ones for what is shown, normal ones for what is completed. */
class FilePathsTest {
  @Test
  void aFilesPathFromAnothersFolder() {
    URI main = URI.create("file:///ws/app/main.topo");
    assertEquals("lib.topo", FilePaths.relative(main, URI.create("file:///ws/app/lib.topo")));
    assertEquals("net/hosts.topo", FilePaths.relative(main, URI.create("file:///ws/app/net/hosts.topo")));
    assertEquals("../base.topo", FilePaths.relative(main, URI.create("file:///ws/base.topo")));
    assertEquals("../../other/x.topo", FilePaths.relative(main, URI.create("file:///other/x.topo")));
    assertEquals("my lib.topo", FilePaths.relative(main, URI.create("file:///ws/app/my%20lib.topo")), "decoded");
    assertEquals("x.topo", FilePaths.relative(URI.create("untitled:Untitled-1"), URI.create("file:///ws/x.topo")),
        "from a document that is no file, the name alone");
  }

  @Test
  void normalPathsHaveNoDotsNorEmptySegments() {
    assertEquals("/ws/lib/", FilePaths.normalize("/ws/app/../lib/"));
    assertEquals("/ws/", FilePaths.normalize("/ws/app/.."));
    assertEquals("/ws/app/x.topo", FilePaths.normalize("/ws//app/./x.topo"));
    assertEquals("/", FilePaths.normalize("/ws/../../.."), "nothing is above the root");
    assertEquals("/ws/app/", FilePaths.folderOf("/ws/app/main.topo"));
  }
}
