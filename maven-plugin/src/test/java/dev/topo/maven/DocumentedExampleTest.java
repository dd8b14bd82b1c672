package dev.topo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The plugin configuration docs/ci.md shows is the one an integration build runs, word for word,
 * at the version being built (set by the surefire configuration).
 */
class DocumentedExampleTest {
  private static final Pattern PLUGIN = Pattern.compile("<plugin>.*?</plugin>", Pattern.DOTALL);

  @Test
  void docsShowTheConfigurationOfTheFailOnWarningBuild() throws IOException {
    String docs = Files.readString(Path.of("../docs/ci.md"));
    Matcher documented = Pattern.compile("```xml\\n(<plugin>.*?</plugin>)\\n```", Pattern.DOTALL).matcher(docs);
    assertTrue(documented.find(), "docs/ci.md shows a <plugin> block");
    String pom = Files.readString(Path.of("src/it/fail-on-warning/pom.xml"));
    Matcher tested = PLUGIN.matcher(pom);
    assertTrue(tested.find());
    String version = System.getProperty("topo.version");
    assertEquals(normalised(documented.group(1)), normalised(tested.group().replace("@project.version@", version)));
  }

  private static String normalised(String xml) {
    return xml.replaceAll(">\\s+<", "><").strip();
  }
}
