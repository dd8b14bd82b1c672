package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Paths of file URIs as text: relative ones for what is shown, normal ones for what is completed. */
class FilePathsTest {
  @Test
  void normalPathsHaveNoDotsNorEmptySegments() {
    assertEquals("/ws/lib/", FilePaths.normalize("/ws/app/../lib/"));
    assertEquals("/ws/", FilePaths.normalize("/ws/app/.."));
    assertEquals("/ws/app/x.topo", FilePaths.normalize("/ws//app/./x.topo"));
    assertEquals("/", FilePaths.normalize("/ws/../../.."), "nothing is above the root");
    assertEquals("/ws/app/", FilePaths.folderOf("/ws/app/main.topo"));
  }
}
