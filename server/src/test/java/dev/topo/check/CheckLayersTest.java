package dev.topo.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The checker's packages depend one way, so that none needs to know the one above it:
 * {@code check.edit} (editing a file in its style) below {@code check} (what a rule, a
 * finding and a fix are; running rules), below {@code check.rules} (the rules and their
 * registry), below {@code check.fix} (suppression, fix-all, refactorings).
 */
class CheckLayersTest {
  /** What each package may not import, because it is above it. */
  static final Map<String, Pattern> ABOVE = Map.of(
      "check/edit", Pattern.compile("dev\\.topo\\.check\\.(?!edit\\.)"),
      "check", Pattern.compile("dev\\.topo\\.check\\.(rules|fix)\\."),
      "check/rules", Pattern.compile("dev\\.topo\\.check\\.fix\\."));

  private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+(?:static\\s+)?([\\w.]+)\\s*;");

  @Test
  void noPackageOfTheCheckerImportsOneAboveIt() throws IOException {
    Path main = TestFiles.repo().resolve("server/src/main/java/dev/topo");
    List<String> violations = new ArrayList<>();
    int files = 0;
    for (Map.Entry<String, Pattern> layer : ABOVE.entrySet()) {
      try (Stream<Path> list = Files.list(main.resolve(layer.getKey()))) {
        for (Path file : list.filter(p -> p.toString().endsWith(".java")).toList()) {
          files++;
          Matcher m = IMPORT.matcher(Files.readString(file));
          while (m.find()) {
            if (layer.getValue().matcher(m.group(1)).lookingAt()) {
              violations.add(layer.getKey() + "/" + file.getFileName() + " imports " + m.group(1));
            }
          }
        }
      }
    }
    assertTrue(files > 20, "the scan saw the checker's sources: " + files);
    assertEquals(List.of(), violations);
  }

  @Test
  void theLayersAreTheOnesMeant() {
    assertTrue(ABOVE.get("check/edit").matcher("dev.topo.check.Finding").lookingAt());
    assertFalse(ABOVE.get("check/edit").matcher("dev.topo.check.edit.SourceEdit").lookingAt());
    assertTrue(ABOVE.get("check").matcher("dev.topo.check.rules.Rules").lookingAt());
    assertFalse(ABOVE.get("check").matcher("dev.topo.check.edit.StatementEditor").lookingAt());
    assertTrue(ABOVE.get("check/rules").matcher("dev.topo.check.fix.QuickFixes").lookingAt());
  }
}
