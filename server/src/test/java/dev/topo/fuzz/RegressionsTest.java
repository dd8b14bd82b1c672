package dev.topo.fuzz;

import dev.topo.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Inputs that once broke the checker, kept so that they never do again. To add one, save
 * the text the fuzz test printed under server/src/test/resources/regressions/.
 */
class RegressionsTest {
  @TestFactory
  Stream<DynamicTest> everyRegressionInputIsCheckedCleanly() throws IOException {
    Path folder = TestFiles.repo().resolve("server/src/test/resources/regressions");
    try (Stream<Path> files = Files.list(folder)) {
      return files.sorted().toList().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
          () -> FuzzTest.check(Files.readString(file), 0)));
    }
  }
}
