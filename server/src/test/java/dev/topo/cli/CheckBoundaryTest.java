package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code topo check}'s boundary is the root's real path: an import that leaves it through a
 * link (to a folder or to a file) is refused, and no content of the outside file reaches the
 * output, whichever way the root is given (--root, a directory, the root through a link).
 */
class CheckBoundaryTest {
  private static final String MARKER = "zqmarker";

  @TempDir
  Path dir;
  private Path root;

  @BeforeEach
  void files() throws Exception {
    root = Files.createDirectories(dir.resolve("project"));
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("secret.topo"), "// " + MARKER + "\nhost " + MARKER + " {\n  cpu 0\n}\n" + MARKER + " {\n");
    Files.createSymbolicLink(root.resolve("shared"), outside);
    Files.createSymbolicLink(root.resolve("secret.topo"), outside.resolve("secret.topo"));
    Files.writeString(root.resolve("main.topo"),
        "import \"shared/secret.topo\"\nimport \"secret.topo\"\nhost app {\n  os linux\n}\n");
  }

  private static void assertRefusedAndUnquoted(Cli cli) {
    assertEquals(Main.FOUND, cli.code(), cli.out() + cli.err());
    String out = cli.findings();
    assertEquals(2, out.split("is outside the workspace root", -1).length - 1, out);
    assertFalse(cli.out().contains(MARKER) || cli.err().contains(MARKER), cli.out() + cli.err());
  }

  @Test
  void importsThatLeaveTheRootThroughALinkAreRefusedUnread() throws Exception {
    Path main = root.resolve("main.topo");
    for (String format : List.of("text", "json", "github", "sarif")) {
      assertRefusedAndUnquoted(Cli.run("check", "--format", format, "--root", root.toString(), main.toString()));
    }
    assertRefusedAndUnquoted(Cli.runIn(root, "check", "main.topo"));
    assertRefusedAndUnquoted(Cli.run("check", "--root", root.toString(), root.toString()));
    // The root itself given through a link: still the real folder, still refused.
    Path linkedRoot = Files.createSymbolicLink(dir.resolve("project-link"), root);
    assertRefusedAndUnquoted(Cli.run("check", "--root", linkedRoot.toString(), linkedRoot.resolve("main.topo").toString()));
    assertTrue(Cli.run("check", "--root", root.toString(), main.toString()).findings().contains("main.topo:1:8"));
  }
}
