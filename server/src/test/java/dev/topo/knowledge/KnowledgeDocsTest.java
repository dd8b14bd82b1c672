package dev.topo.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.topo.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The generated docs pages must match the knowledge base. After editing an entry, run
 * {@code mvn -B verify -Dtopo.updateDocs=true} and commit the pages it rewrites.
 */
class KnowledgeDocsTest {
  @TestFactory
  Stream<DynamicTest> docsMatchTheKnowledgeBase() throws IOException {
    Map<String, String> pages = KnowledgeDocs.render(KnowledgeBase.get());
    if (Boolean.getBoolean("topo.updateDocs")) {
      for (Map.Entry<String, String> page : pages.entrySet()) {
        Path file = TestFiles.repo().resolve(page.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, page.getValue(), StandardCharsets.UTF_8);
      }
    }
    return pages.entrySet().stream().map(page -> DynamicTest.dynamicTest(page.getKey(), () -> {
      Path file = TestFiles.repo().resolve(page.getKey());
      String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(missing)";
      assertEquals(page.getValue(), committed, page.getKey() + " is stale: run mvn -B verify -Dtopo.updateDocs=true");
    }));
  }

  @Test
  void theTeachingOrderHasEveryConceptOnce() {
    assertEquals(new HashSet<>(KnowledgeBase.conceptIds()), new HashSet<>(KnowledgeDocs.TEACHING_ORDER));
    assertEquals(KnowledgeBase.conceptIds().size(), KnowledgeDocs.TEACHING_ORDER.size());
  }

  @Test
  void headingsMoveDownButNotInsideCode() {
    assertEquals("## A\n```topo\n# not a heading\n```\n### B", KnowledgeDocs.deeper("# A\n```topo\n# not a heading\n```\n## B"));
  }
}
