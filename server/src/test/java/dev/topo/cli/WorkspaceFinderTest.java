package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.topo.cli.WorkspaceFinder.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which root and configuration a checked path gets, from wherever the check runs. */
class WorkspaceFinderTest {
  @TempDir
  Path dir;
  private Path elsewhere;

  @BeforeEach
  void noMarkerAboveTheTemporaryFolder() throws IOException {
    for (Path folder = dir.toRealPath(); folder != null; folder = folder.getParent()) {
      assumeTrue(!Files.exists(folder.resolve(".git")) && !Files.exists(folder.resolve(".topo.json")),
          "a marker above the temporary folder would be found first: " + folder);
    }
    elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
  }

  private Path file(String name) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "host a { os linux }");
  }

  private Workspace find(Path workingDirectory, Path checked) {
    return new WorkspaceFinder(workingDirectory, null, null).find(checked);
  }

  @Test
  void theNearestFolderWithAConfigurationIsTheRootAndItsConfigurationApplies() throws IOException {
    Path config = file("proj/.topo.json");
    Path checked = file("proj/deep/er/a.topo");
    assertEquals(new Workspace(dir.resolve("proj"), Optional.of(config)), find(elsewhere, checked));
  }

  @Test
  void aGitFolderOrAGitFileMarksTheRootWhichHasNoConfigurationWithoutTopoJson() throws IOException {
    Files.createDirectories(dir.resolve("repo/.git"));
    Files.writeString(Files.createDirectories(dir.resolve("worktree")).resolve(".git"), "gitdir: ../repo/.git/worktrees/w");
    assertEquals(new Workspace(dir.resolve("repo"), Optional.empty()), find(elsewhere, file("repo/x/a.topo")));
    assertEquals(new Workspace(dir.resolve("worktree"), Optional.empty()), find(elsewhere, file("worktree/a.topo")));
  }

  @Test
  void theNearestMarkerWinsOverOneFurtherUp() throws IOException {
    Files.createDirectories(dir.resolve("repo/.git"));
    file("repo/sub/.topo.json");
    assertEquals(dir.resolve("repo/sub"), find(elsewhere, file("repo/sub/a.topo")).root());
    assertEquals(dir.resolve("repo"), find(elsewhere, file("repo/other/a.topo")).root());
  }

  @Test
  void aDirectoryIsItsOwnStartingPoint() throws IOException {
    file("proj/.topo.json");
    file("proj/a.topo");
    file("loose/a.topo");
    assertEquals(dir.resolve("proj"), find(elsewhere, dir.resolve("proj")).root(), "the directory itself holds the marker");
    assertEquals(dir.resolve("loose"), find(elsewhere, dir.resolve("loose")).root(), "no marker, outside: itself");
  }

  @Test
  void withoutAMarkerTheCurrentDirectoryWhenThePathIsBelowIt() throws IOException {
    Path checked = file("loose/deep/a.topo");
    assertEquals(new Workspace(dir.resolve("loose"), Optional.empty()), find(dir.resolve("loose"), checked));
  }

  @Test
  void withoutAMarkerOutsideTheCurrentDirectoryTheFilesOwnFolder() throws IOException {
    Path checked = file("loose/deep/a.topo");
    assertEquals(new Workspace(dir.resolve("loose/deep"), Optional.empty()), find(elsewhere, checked));
  }

  @Test
  void rootAndConfigurationGivenOnTheCommandLineWin() throws IOException {
    file("proj/.topo.json");
    Path checked = file("proj/a.topo");
    Path chosen = dir.resolve("chosen.json");
    assertEquals(new Workspace(dir, Optional.empty()), new WorkspaceFinder(elsewhere, dir, null).find(checked),
        "the given root's own .topo.json (none here) is the configuration");
    assertEquals(new Workspace(dir.resolve("proj"), Optional.of(chosen)), new WorkspaceFinder(elsewhere, null, chosen).find(checked));
  }
}
