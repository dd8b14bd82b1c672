package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code topo check} finds each file's workspace root and configuration where the file is,
 * so a project gives the same findings whichever directory the check is run from.
 */
class CheckWorkspaceTest {
  @TempDir
  Path dir;
  private Path elsewhere;

  /** A project whose a.topo uses a host of its sibling b.topo, with a configuration that makes unknown-os an error. */
  private Path project;

  @BeforeEach
  void setUp() throws IOException {
    for (Path folder = dir.toRealPath(); folder != null; folder = folder.getParent()) {
      assumeTrue(!Files.exists(folder.resolve(".git")) && !Files.exists(folder.resolve(".topo.json")),
          "a marker above the temporary folder would be found first: " + folder);
    }
    dir = dir.toRealPath();
    elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    project = dir.resolve("proj");
    write("proj/.topo.json", "{\"rules\": {\"unknown-os\": \"error\"}}");
    write("proj/a.topo", "import \"b.topo\"\ncluster c { nodes node-01 }");
    write("proj/b.topo", "host node-01 { }");
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private static final String PROJECT_FINDINGS = "b.topo:1:6: error [unknown-os] host 'node-01' declares no os,"
      + " so whether what runs on it is compatible cannot be checked\n1 error in 2 files\n";

  @Test
  void aProjectCheckedByAbsolutePathFromElsewhereGivesTheFindingsItGivesFromInside() {
    Cli inside = Cli.runIn(project, "check", "a.topo");
    assertEquals(PROJECT_FINDINGS, inside.findings(), "the sibling import resolves and the configuration applies");
    Cli outside = Cli.runIn(elsewhere, "check", project.resolve("a.topo").toString());
    assertEquals(inside.code(), outside.code());
    assertEquals(inside.out(), outside.out().replace(project + "/", ""), "the same findings, with absolute paths");
    assertTrue(outside.out().startsWith(project.resolve("b.topo") + ":1:6: error [unknown-os]"), outside.out());
  }

  @Test
  void aDirectoryFindsItsRootTheSameWay() {
    Cli outside = Cli.runIn(elsewhere, "check", project.toString());
    assertEquals(PROJECT_FINDINGS, outside.findings().replace(project + "/", ""));
    Cli below = Cli.runIn(dir, "check", "proj");
    assertEquals(PROJECT_FINDINGS.replace("b.topo", "proj/b.topo"), below.findings(),
        "relative to the current directory when below it, though the root is proj");
  }

  @Test
  void aGitFolderMarksTheRootToo() throws IOException {
    Files.delete(project.resolve(".topo.json"));
    Files.createDirectories(project.resolve(".git"));
    Cli outside = Cli.runIn(elsewhere, "check", project.resolve("a.topo").toString());
    assertEquals(PROJECT_FINDINGS.replace("error", "info"),
        outside.findings().replace(project + "/", ""), "the root is proj; without .topo.json unknown-os stays info");
  }

  @Test
  void pathsFromTwoProjectsEachGetTheirOwnRootAndConfiguration() throws IOException {
    write("other/.git/HEAD", "ref: refs/heads/main\n");
    write("other/a.topo", "import \"b.topo\"\ncluster c { nodes node-02 }");
    write("other/b.topo", "host node-02 { }");
    Cli cli = Cli.runIn(elsewhere, "check", project.resolve("a.topo").toString(), dir.resolve("other/a.topo").toString());
    assertEquals(dir + "/other/b.topo:1:6: info [unknown-os] host 'node-02' declares no os,"
        + " so whether what runs on it is compatible cannot be checked\n"
        + project + "/b.topo:1:6: error [unknown-os] host 'node-01' declares no os,"
        + " so whether what runs on it is compatible cannot be checked\n1 error and 1 info in 4 files\n", cli.findings());
  }

  @Test
  void theRootGivenWinsAndItsOwnConfigurationIsTheOneRead() throws IOException {
    Path sub = write("proj/sub/c.topo", "import \"../b.topo\"\nhost h { os linux }").getParent();
    Cli discovered = Cli.runIn(elsewhere, "check", sub.resolve("c.topo").toString());
    assertFalse(discovered.out().contains("import-error"), "the discovered root is proj: " + discovered.out());
    Cli given = Cli.runIn(elsewhere, "check", "--root", sub.toString(), sub.resolve("c.topo").toString());
    assertEquals("c.topo:1:8: error [import-error] '../b.topo' is outside the workspace root:"
        + " imports may only name files inside it\n1 error in 1 file\n", given.findings(), "paths relative to the given root");
    Cli wide = Cli.runIn(elsewhere, "check", "--root", dir.toString(), project.resolve("a.topo").toString());
    assertTrue(wide.out().startsWith("proj/b.topo:1:6: info [unknown-os]"), "proj/.topo.json is not read: " + wide.out());
  }

  @Test
  void aFileOutsideTheCurrentDirectoryWithoutAMarkerHasItsOwnFolderAsRoot() throws IOException {
    write("loose/up.topo", "host up { os linux }");
    Path file = write("loose/deep/a.topo", "import \"b.topo\"\nimport \"../up.topo\"\ncluster c { nodes b, up }");
    write("loose/deep/b.topo", "host b { os linux }");
    Cli outside = Cli.runIn(elsewhere, "check", file.toString());
    assertTrue(outside.out().startsWith(file + ":2:8: error [import-error] '../up.topo' is outside the workspace root"),
        outside.out());
    assertFalse(outside.out().contains("node 'b'"), "the sibling resolves: " + outside.out());
    Cli below = Cli.runIn(dir.resolve("loose"), "check", file.toString());
    assertEquals("no findings in 3 files\n", below.findings(), "below the current directory, the root is the current directory");
  }
}
