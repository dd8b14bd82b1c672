package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.topo.TestFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * What the build ships beside topo.jar: the zip and the unpacked folder hold the same
 * launchers and jar, with the modes and line endings each system needs; the Windows
 * launcher, which cannot run here, is read. Failsafe runs it after {@code package}.
 */
class DistributionIT {
  private static final Path FOLDER = Path.of(System.getProperty("topo.distribution", "target/topo")).toAbsolutePath();
  private static final Path ZIP = Path.of(System.getProperty("topo.zip", "target/topo-0.1.0.zip")).toAbsolutePath();
  private static final Set<PosixFilePermission> EXECUTABLE = Set.of(PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);

  @Test
  void theZipHoldsOneFolderWithTheLaunchersAndTheJar() throws IOException {
    try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + ZIP.toUri()), Map.of("enablePosixFileAttributes", true))) {
      Path root = zip.getPath("/" + ZIP.getFileName().toString().replaceFirst("\\.zip$", ""));
      assertEquals(Set.of("bin/topo", "bin/topo.cmd", "lib/topo.jar"), filesBelow(root));
      assertTrue(Files.getPosixFilePermissions(root.resolve("bin/topo")).containsAll(EXECUTABLE), "bin/topo runs for everyone");
      assertFalse(Files.getPosixFilePermissions(root.resolve("lib/topo.jar")).contains(PosixFilePermission.OWNER_EXECUTE));
      for (String file : List.of("bin/topo", "bin/topo.cmd", "lib/topo.jar")) {
        assertArrayEquals(Files.readAllBytes(FOLDER.resolve(file)), Files.readAllBytes(root.resolve(file)),
            file + " is the same in the zip and in the folder");
      }
    }
  }

  @Test
  void theFolderIsReadyToRun() throws IOException {
    assertEquals(Set.of("bin/topo", "bin/topo.cmd", "lib/topo.jar"), filesBelow(FOLDER));
    assertTrue(Files.isExecutable(FOLDER.resolve("bin/topo")));
    assertArrayEquals(Files.readAllBytes(FOLDER.resolveSibling("topo.jar")), Files.readAllBytes(FOLDER.resolve("lib/topo.jar")),
        "lib/topo.jar is the shaded jar");
  }

  @Test
  void eachLauncherHasTheLineEndingsOfItsSystem() throws IOException {
    String posix = Files.readString(FOLDER.resolve("bin/topo"));
    String windows = Files.readString(FOLDER.resolve("bin/topo.cmd"));
    assertTrue(posix.startsWith("#!/bin/sh\n"));
    assertFalse(posix.contains("\r"));
    assertTrue(windows.startsWith("@echo off\r\n"));
    assertFalse(windows.replace("\r\n", "").contains("\n"), "every line of topo.cmd ends in CRLF");
  }

  @Test
  void bothLaunchersPassTheJvmOptionsTheExtensionStartsTheServerWith() throws IOException {
    String extensionDefault = JsonParser.parseString(Files.readString(TestFiles.repo().resolve("vscode-extension/package.json")))
        .getAsJsonObject().getAsJsonObject("contributes").getAsJsonObject("configuration").getAsJsonObject("properties")
        .getAsJsonObject("topology.server.vmargs").get("default").getAsString();
    String posixOptions = firstGroup("jvm_options=\"([^\"$]*)", Files.readString(FOLDER.resolve("bin/topo")));
    String windowsOptions = firstGroup("set \"JVM_OPTIONS=([^%]*)", Files.readString(FOLDER.resolve("bin/topo.cmd")));
    assertTrue(posixOptions.startsWith(extensionDefault + " "), posixOptions);
    assertEquals(posixOptions, windowsOptions);
    assertTrue(posixOptions.contains("-Xlog:all=warning:stderr"), "the JVM never writes into a report on stdout");
  }

  @Test
  void theWindowsLauncherGoesOnlyToLabelsItHasAndPassesEveryArgument() throws IOException {
    String script = Files.readString(FOLDER.resolve("bin/topo.cmd"));
    Set<String> labels = matches("(?m)^:(\\w+)", script);
    Set<String> targets = matches("(?i)(?:goto|call) :?(\\w+)", script);
    targets.remove("eof");
    assertTrue(labels.containsAll(targets), "missing labels: " + targets.stream().filter(t -> !labels.contains(t)).toList());
    // Every java.exe start passes the arguments as given and returns its status.
    Matcher java = Pattern.compile("(?m)^\"%JAVA_EXE%\" .*$").matcher(script);
    int starts = 0;
    while (java.find()) {
      starts++;
      assertTrue(java.group().endsWith("-jar \"%TOPO_JAR%\" %*"), java.group());
    }
    assertEquals(3, starts, "plain, writing the archive, mapping it");
    for (String found : List.of("TOPO_JAVA_HOME", "JAVA_HOME", "%%~$PATH:j", "LSS 17", "exit /b 2")) {
      assertTrue(script.contains(found), found);
    }
  }

  @Test
  void bothLaunchersKeepAnArchivePerCommandOfTheJar() throws IOException {
    Set<String> commands = new TreeSet<>();
    for (Class<?> subcommand : Main.class.getAnnotation(Command.class).subcommands()) {
      commands.add(subcommand.getAnnotation(Command.class).name());
    }
    commands.remove("help");
    String posix = firstGroup("(?m)^  ([a-z|]+)\\) command=\\$1", Files.readString(FOLDER.resolve("bin/topo")));
    String windows = firstGroup("for %%c in \\(([a-z ]+)\\)", Files.readString(FOLDER.resolve("bin/topo.cmd")));
    assertEquals(commands, new TreeSet<>(List.of(posix.split("\\|"))));
    assertEquals(commands, new TreeSet<>(List.of(windows.split(" "))));
  }

  private static Set<String> filesBelow(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).collect(TreeSet::new, Set::add, Set::addAll);
    }
  }

  private static String firstGroup(String regex, String text) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertTrue(matcher.find(), regex);
    return matcher.group(1).trim();
  }

  private static Set<String> matches(String regex, String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = Pattern.compile(regex).matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }
}
