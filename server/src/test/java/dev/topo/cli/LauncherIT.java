package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.topo.Slow;
import dev.topo.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built launcher, {@code target/topo/bin/topo}, run as a user runs it: from another
 * folder, through symbolic links, from a path with a space, with a Java that will not do,
 * and twice with the same Java so that the second run maps the class-data archive the first
 * wrote. What it prints and its exit status must be those of {@code java -jar topo.jar}.
 * Failsafe runs it after {@code package} (see server/pom.xml).
 */
@Slow
class LauncherIT {
  private static final Path DISTRIBUTION = Path.of(System.getProperty("topo.distribution", "target/topo")).toAbsolutePath();
  private static final Path LAUNCHER = DISTRIBUTION.resolve("bin/topo");
  private static final Path JAR = DISTRIBUTION.resolve("lib/topo.jar");
  private static final String JAVA_HOME = System.getProperty("java.home");

  @TempDir
  Path temp;
  private Path cache;

  @BeforeEach
  void posixOnly() throws IOException {
    assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "bin/topo is the POSIX launcher");
    cache = Files.createDirectories(temp.resolve("cache"));
  }

  @Test
  void checksTheSamplesFromAnotherFolderAsTheJarDoes() throws Exception {
    String samples = TestFiles.samples().toString();
    Run jar = java(temp, "check", samples);
    Run launcher = topo(LAUNCHER, temp, Map.of(), "check", samples);
    assertEquals(1, jar.status(), "the samples hold findings: " + jar);
    assertEquals(jar, launcher);
  }

  @Test
  void findsItsJarThroughChainsOfSymbolicLinks() throws Exception {
    // Links to a copy: JUnit warns when a temporary folder links outside itself.
    Path launcher = copyOfTheDistribution(temp.resolve("topo")).resolve("bin/topo");
    Path absolute = Files.createSymbolicLink(temp.resolve("topo-absolute"), launcher);
    Path links = Files.createDirectories(temp.resolve("links"));
    Path relative = Files.createSymbolicLink(links.resolve("topo"), links.relativize(absolute));
    Run expected = java(temp, "--version");
    assertTrue(expected.out().startsWith("topo "), expected.toString());
    assertEquals(expected, topo(absolute, temp, Map.of(), "--version"));
    assertEquals(expected, topo(relative, links, Map.of(), "--version"));
  }

  @Test
  void anExportedCdpathDoesNotLeadItToAnotherFolder() throws Exception {
    copyOfTheDistribution(temp.resolve("topo"));
    Path decoy = Files.createDirectories(temp.resolve("decoy/topo/bin")).getParent().getParent();
    Map<String, String> env = Map.of("TOPO_JAVA_HOME", JAVA_HOME, "CDPATH", decoy.toString());
    assertEquals(java(temp, "--version"), run(temp, env, List.of("sh", "topo/bin/topo", "--version")));
  }

  @Test
  void runsFromAPathWithASpaceAndPassesArgumentsExactly() throws Exception {
    Path installed = copyOfTheDistribution(temp.resolve("my tools"));
    Path designs = Files.createDirectories(temp.resolve("my designs"));
    Files.copy(TestFiles.samples().resolve("rules/windows-build-mismatch.topo"), designs.resolve("windows.topo"));
    Files.writeString(temp.resolve("decoy.topo"), "host decoy {\n");
    // A path with a space stays one argument; "*" reaches topo unglobbed (it names no file,
    // which topo reports) rather than becoming decoy.topo.
    Path launcher = installed.resolve("bin/topo");
    for (String[] args : List.of(new String[] {"check", "--format", "json", "my designs/windows.topo"}, new String[] {"check", "*"})) {
      Run expected = java(temp, args);
      assertTrue(expected.status() > 0 && expected.out().length() + expected.err().length() > 0, expected.toString());
      assertEquals(expected, topo(launcher, temp, Map.of(), args));
      // bash reads the script as dash (sh here) does.
      List<String> withBash = new ArrayList<>(List.of("bash", launcher.toString()));
      withBash.addAll(List.of(args));
      assertEquals(expected, run(temp, Map.of("TOPO_JAVA_HOME", JAVA_HOME), withBash));
    }
  }

  @Test
  void aTopoJavaHomeWithoutJavaIsOneLineOfError() throws Exception {
    Path bogus = temp.resolve("no jdk here");
    Run run = topo(LAUNCHER, temp, Map.of("TOPO_JAVA_HOME", bogus.toString()), "check", TestFiles.samples().toString());
    assertEquals(new Run(2, "", "topo: TOPO_JAVA_HOME is set to \"" + bogus + "\", but there is no bin/java in that folder.\n"), run);
  }

  @Test
  void aJavaOlderThan17IsRefusedWithItsVersion() throws Exception {
    // One old JDK says its version in its release file, the other only through -version.
    Path java11 = fakeJdk("jdk 11", "JAVA_VERSION=\"11.0.2\"\n", "");
    Path java8 = fakeJdk("jdk8", null, "java version \"1.8.0_292\"");
    Run eleven = topo(LAUNCHER, temp, Map.of("TOPO_JAVA_HOME", java11.toString()), "--version");
    Run eight = topo(LAUNCHER, temp, Map.of("TOPO_JAVA_HOME", java8.toString()), "--version");
    assertEquals(new Run(2, "", "topo: Java 11.0.2 at \"" + java11.resolve("bin/java")
        + "\" (from TOPO_JAVA_HOME) is too old; topo needs Java 17 or newer.\n"), eleven);
    assertEquals(new Run(2, "", "topo: Java 1.8.0_292 at \"" + java8.resolve("bin/java")
        + "\" (from TOPO_JAVA_HOME) is too old; topo needs Java 17 or newer.\n"), eight);
  }

  @Test
  void anOldJavaHomeGivesWayToTheJavaOnThePath() throws Exception {
    Path java11 = fakeJdk("jdk11", "JAVA_VERSION=\"11.0.2\"\n", "");
    Map<String, String> env = new HashMap<>();
    env.put("TOPO_JAVA_HOME", null);
    env.put("JAVA_HOME", java11.toString());
    env.put("PATH", Path.of(JAVA_HOME, "bin") + ":/usr/bin:/bin");
    assertEquals(java(temp, "--version"), topo(LAUNCHER, temp, env, "--version"));

    env.put("PATH", "/nowhere");
    Run none = topo(LAUNCHER, temp, env, "--version");
    assertEquals(new Run(2, "", "topo: no Java 17 or newer was found: Java 11.0.2 at \"" + java11.resolve("bin/java")
        + "\" (from JAVA_HOME) is too old; topo needs Java 17 or newer. no java was found on the PATH. "
        + "Install a JDK 17+ and set TOPO_JAVA_HOME or JAVA_HOME to its folder.\n"), none);
  }

  @Test
  void theSecondRunMapsTheClassDataArchiveTheFirstWrote() throws Exception {
    // Java 17 archives no class of a jar whose path has a space, so the copy is in temp/.
    Path launcher = copyOfTheDistribution(temp.resolve("topo")).resolve("bin/topo");
    String samples = TestFiles.samples().toString();
    Run first = topo(launcher, temp, Map.of(), "check", samples);
    List<Path> archives = archives();
    assertEquals(1, archives.size(), "one archive for this Java and this jar: " + archives);
    assertEquals(java(temp, "check", samples), first);

    Path log = temp.resolve("classes.log");
    Run second = topo(launcher, temp, Map.of("TOPO_OPTS", "-Xlog:class+load=info:file=" + log), "check", samples);
    assertEquals(first, second);
    assertTrue(Files.readString(log).contains("dev.topo.cli.Main source: shared objects file (top)"),
        "the second run takes topo's classes from the archive");

    // A jar newer than its archive (a rebuild) has the archive made again.
    Path archive = archives.get(0);
    Instant jarTime = Files.getLastModifiedTime(launcher.resolveSibling("../lib/topo.jar").normalize()).toInstant();
    Files.setLastModifiedTime(archive, FileTime.from(jarTime.minusSeconds(3600)));
    assertEquals(first, topo(launcher, temp, Map.of(), "check", samples));
    assertTrue(Files.getLastModifiedTime(archive).toInstant().isAfter(jarTime), "the stale archive was replaced");
    assertEquals(archives, archives(), "and nothing else is left in the cache");
  }

  @Test
  void optionsThatChooseHowClassesAreSharedAndRunsWithoutACommandWriteNoArchive() throws Exception {
    String samples = TestFiles.samples().toString();
    assertEquals(java(temp, "check", samples), topo(LAUNCHER, temp, Map.of("TOPO_OPTS", "-Xshare:off"), "check", samples));
    assertEquals(java(temp, "--version"), topo(LAUNCHER, temp, Map.of(), "--version"));
    assertEquals(List.of(), archives());
  }

  private List<Path> archives() throws IOException {
    try (Stream<Path> files = Files.list(cache.resolve("topo"))) {
      return files.sorted().toList();
    } catch (java.nio.file.NoSuchFileException e) {
      return List.of();
    }
  }

  /** A folder that looks like a JDK: a release file (or none), and a bin/java that prints a version. */
  private Path fakeJdk(String name, String release, String versionLine) throws IOException {
    Path home = Files.createDirectories(temp.resolve(name).resolve("bin")).getParent();
    if (release != null) {
      Files.writeString(home.resolve("release"), release);
    }
    Path java = home.resolve("bin/java");
    Files.writeString(java, "#!/bin/sh\necho '" + versionLine + "' >&2\n");
    assertTrue(java.toFile().setExecutable(true));
    return home;
  }

  private Path copyOfTheDistribution(Path target) throws IOException {
    for (String file : List.of("bin/topo", "lib/topo.jar")) {
      Path copy = Files.createDirectories(target.resolve(file).getParent()).resolve(Path.of(file).getFileName());
      Files.copy(DISTRIBUTION.resolve(file), copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    }
    return target;
  }

  /** The launcher with this test's Java (unless env says otherwise) and its own cache. */
  private Run topo(Path launcher, Path workingDirectory, Map<String, String> env, String... args) throws Exception {
    Map<String, String> all = new HashMap<>();
    all.put("TOPO_JAVA_HOME", JAVA_HOME);
    all.putAll(env);
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    return run(workingDirectory, all, command);
  }

  /** What the launcher must match: the jar run directly by this test's Java. */
  private Run java(Path workingDirectory, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(JAVA_HOME, "bin", "java").toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return run(workingDirectory, Map.of(), command);
  }

  /** Runs a command; a null value in env removes that variable. */
  private Run run(Path workingDirectory, Map<String, String> env, List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
    Map<String, String> environment = builder.environment();
    environment.remove("TOPO_OPTS");
    environment.remove("JAVA_TOOL_OPTIONS");
    environment.put("XDG_CACHE_HOME", cache.toString());
    env.forEach((name, value) -> {
      if (value == null) {
        environment.remove(name);
      } else {
        environment.put(name, value);
      }
    });
    Path out = Files.createTempFile(temp, "out", ".txt");
    Path err = Files.createTempFile(temp, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "finished in time: " + command);
    Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    assertFalse(run.out().isEmpty() && run.err().isEmpty(), "says something: " + command);
    return run;
  }

  record Run(int status, String out, String err) {}
}
