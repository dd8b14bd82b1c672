package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  @Test
  void aProjectsConfigurationAppliesWhenItsParentFolderIsChecked() {
    Cli parent = Cli.runIn(dir, "check", ".");
    assertTrue(parent.findings().contains("proj/b.topo:1:6: error [unknown-os]"), parent.out());
  }

  /** Excluded means not checked, however the run reaches the file: as the editor shows no diagnostics for it. */
  @Test
  void anExcludedFileThatAnotherImportsIsStillNotChecked() throws IOException {
    write("gen/.topo.json", "{\"exclude\": [\"generated/**\"]}");
    write("gen/generated/nodes.topo", "host node-01 { }");
    write("gen/app.topo", "import \"generated/nodes.topo\"\ncluster c { nodes node-01 }\nhost node-01 { os linux }\n");
    assertEquals("gen/app.topo:3:6: error [duplicate-name] host 'node-01' has the name of host 'node-01': hosts, VMs,"
        + " clusters and pods need names unique across the program\n    gen/generated/nodes.topo:1:6: note: host"
        + " 'node-01' is declared here\n1 error in 1 file\n", Cli.runIn(dir, "check", "gen").findings(),
        "no unknown-os of the generated host, which is not counted; a note may still point into it");
    assertFalse(Cli.runIn(dir, "check", "--format", "junit", "gen").out().contains("classname=\"gen/generated"),
        "nor listed as a clean file");
    assertTrue(Cli.runIn(dir, "check", "gen/app.topo", "gen/generated/nodes.topo").findings().contains("[unknown-os]"),
        "named, it is checked");
  }

  @Test
  void excludeOverridesSuppressionsAndInlinePolicyComeFromTheConfiguration() throws IOException {
    write("team/.topo.json", """
        {
          "exclude": ["generated/**", "*.draft.topo"],
          "overrides": [{"files": "legacy/**", "rules": {"missing-limits": "off", "unpinned-image": "error"}}],
          "suppressions": [{"rule": "weak-isolation", "files": "infra/**", "entity": "agents", "reason": "the agents need the host's devices"}],
          "inlineSuppressions": "require-reason"
        }
        """);
    String container = "host h { os linux; runtime docker\n  container web { os linux; image \"web\" }\n}\n";
    write("team/generated/out.topo", container);
    write("team/wip.draft.topo", container);
    write("team/legacy/old.topo", container);
    write("team/infra/agents.topo", "host agents { os linux; runtime docker\n"
        + "  container a { os linux; image \"a:1.0.0\"; cpu 1; memory 1GiB; privileged true }\n}\n"
        + "host other { os linux; runtime docker\n"
        + "  container b { os linux; image \"b:1.0.0\"; cpu 1; memory 1GiB; privileged true }\n}\n");
    write("team/app.topo", "host h { os linux; runtime docker\n"
        + "  container web { // topo-ignore missing-limits\n    os linux; image \"web:1.0.0\" }\n"
        + "  container api { // topo-ignore missing-limits the limits come with the next release\n    os linux; image \"api:1.0.0\" }\n}\n");
    List<String> found = Cli.runIn(dir, "check", "team").findings().lines().filter(l -> l.contains(": ")).toList();
    assertTrue(found.stream().noneMatch(l -> l.startsWith("team/generated/") || l.startsWith("team/wip.draft")),
        "excluded below a directory: " + found);
    assertTrue(found.stream().anyMatch(l -> l.startsWith("team/legacy/old.topo") && l.contains("error [unpinned-image]")), found.toString());
    assertTrue(found.stream().noneMatch(l -> l.startsWith("team/legacy/old.topo") && l.contains("[missing-limits]")), found.toString());
    assertTrue(found.stream().noneMatch(l -> l.contains("container 'a'") && l.contains("[weak-isolation]")), found.toString());
    assertTrue(found.stream().anyMatch(l -> l.contains("container 'b'") && l.contains("[weak-isolation]")),
        "accepted only in the entity named: " + found);
    assertTrue(found.stream().anyMatch(l -> l.contains("container 'web'") && l.contains("[missing-limits]")),
        "a comment without a reason does not count: " + found);
    assertTrue(found.stream().noneMatch(l -> l.contains("container 'api'") && l.contains("[missing-limits]")), found.toString());
    assertTrue(Cli.runIn(dir, "check", "team/generated/out.topo").findings().contains("[unpinned-image]"),
        "a file named is checked whatever exclude says");
  }
}
