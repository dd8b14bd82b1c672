package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.topo.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Completion reads only the stretch of text between the top-level declarations around the
 * cursor; at every offset of every sample, and of every prefix typed so far, that must give
 * the context that reading the whole text gives.
 */
class CompletionWindowTest {
  @TestFactory
  Stream<DynamicTest> theWindowGivesTheWholeTextsContext() throws IOException {
    try (Stream<Path> walk = Files.walk(TestFiles.samples())) {
      return walk.filter(p -> p.toString().endsWith(".topo")).sorted().toList().stream()
          .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String text = Files.readString(file);
            for (int cut = 0; cut <= text.length(); cut += Math.max(1, text.length() / 12)) {
              String typed = text.substring(0, cut);
              Snapshot snapshot = Marked.of(typed.replace("|", "¦")).snapshot();
              String shown = snapshot.document().text();
              for (int offset = 0; offset <= shown.length(); offset++) {
                assertEquals(CursorContext.at(shown, offset), CursorContext.at(snapshot, offset),
                    file.getFileName() + " cut at " + cut + ", offset " + offset);
              }
            }
          }));
    }
  }
}
