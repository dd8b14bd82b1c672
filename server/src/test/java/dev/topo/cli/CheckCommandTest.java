package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.TestFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit-status contract and the one-line errors of {@code topo check}. */
class CheckCommandTest {
  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private Cli check(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "check";
    all[1] = "--root";
    all[2] = dir.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return Cli.run(all);
  }

  static void assertOneLineError(Cli cli, String expected) {
    assertEquals(Main.USAGE_OR_IO, cli.code(), cli.err());
    assertTrue(cli.err().contains(expected), cli.err());
    assertFalse(cli.err().contains("\tat "), "no stack trace: " + cli.err());
  }

  @Test
  void aCleanFileExitsZero() throws IOException {
    Path file = write("ok.topo", "host a { os linux }");
    Cli cli = check(file.toString());
    assertEquals(Main.CLEAN, cli.code(), cli.out());
    assertEquals("no findings in 1 file\n", cli.out());
  }

  @Test
  void aReportThatCannotBeWrittenExitsTwoWithOneLineWhateverWasFound() throws IOException {
    OutputStream full = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }
    };
    for (String text : new String[] {"host a { os linux }", "host a { os linux; cpu 0 }"}) {
      Path file = write("a.topo", text);
      StringWriter err = new StringWriter();
      int code = Main.run(new String[] {"check", "--root", dir.toString(), file.toString()}, dir,
          new PrintWriter(full), new PrintWriter(err));
      assertEquals(Main.USAGE_OR_IO, code, err.toString());
      assertEquals("topo: could not write to standard output: the report is incomplete", err.toString().strip());
    }
  }

  @Test
  void anErrorExitsOne() throws IOException {
    Cli cli = check(write("bad.topo", "host a { os linux; cpu 0 }").toString());
    assertEquals(Main.FOUND, cli.code());
    assertTrue(cli.out().startsWith("bad.topo:1:24: error [invalid-value] cpu must be more than zero cores, not 0\n"), cli.out());
  }

  @Test
  void failOnDecidesWhichSeverityFails() throws IOException {
    Path file = write("warn.topo", "host a { os linux; runtime docker; container c { os linux; image \"c:1\" } }");
    assertEquals(Main.CLEAN, check(file.toString()).code());
    assertEquals(Main.FOUND, check("--fail-on", "warning", file.toString()).code());
    Path info = write("info.topo", "host a { }");
    assertEquals(Main.CLEAN, check("--fail-on", "warning", info.toString()).code());
    assertEquals(Main.FOUND, check("--fail-on", "info", info.toString()).code());
  }

  @Test
  void aDirectoryMeansEveryTopoFileBelowItAndImportsAreCheckedOnce() throws IOException {
    write("a.topo", "import \"lib/shared.topo\"\nhost a { os linux }");
    write("b.topo", "import \"lib/shared.topo\"\nhost b { os linux }");
    write("lib/shared.topo", "host shared { }");
    write("notes.txt", "not topology");
    Cli cli = check(dir.toString());
    assertEquals("lib/shared.topo:1:6: info [unknown-os] host 'shared' declares no os, so whether what runs on it"
        + " is compatible cannot be checked\n1 info in 3 files\n", cli.findings());
  }

  @Test
  void importedFilesAreCheckedEvenWhenNotGiven() throws IOException {
    Path main = write("main.topo", "import \"lib.topo\"\nhost a { os linux }");
    write("lib.topo", "host b { os linux; cpu 0 }");
    Cli cli = check(main.toString());
    assertEquals(Main.FOUND, cli.code());
    assertTrue(cli.out().startsWith("lib.topo:1:24: error [invalid-value]"), cli.out());
  }

  @Test
  void aByteOrderMarkDoesNotShiftColumns() throws IOException {
    Cli cli = check(write("bom.topo", "\uFEFFhost a { os linux; cpu 0 }").toString());
    assertTrue(cli.out().startsWith("bom.topo:1:24: error [invalid-value]"), cli.out());
  }

  @Test
  void aMissingFileIsAUsageError() {
    assertOneLineError(check(dir.resolve("nope.topo").toString()), "topo: no such file or directory: ");
  }

  @Test
  void aFileThatCannotBeReadIsAUsageError() {
    // Tests run as root, who may read any file; reading procfs' memory file fails for anyone.
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(Path.of("/proc/self/mem")));
    assertOneLineError(check("/proc/self/mem"), "topo: cannot read /proc/self/mem");
  }

  @Test
  void aDirectoryWithoutTopoFilesIsAUsageError() throws IOException {
    write("readme.md", "# nothing");
    assertOneLineError(check(dir.toString()), "topo: no .topo files, Kubernetes manifests or Compose files in ");
  }

  @Test
  void badFlagsAndValuesAreUsageErrors() throws IOException {
    Path file = write("ok.topo", "host a { os linux }");
    assertEquals(Main.USAGE_OR_IO, check("--no-such-flag", file.toString()).code());
    assertOneLineError(check("--format", "xml", file.toString()), "--format takes text, json, sarif, github, junit, checkstyle or gitlab, not 'xml'");
    assertOneLineError(check("--fail-on", "never", file.toString()), "--fail-on takes error, warning or info, not 'never'");
    assertEquals(Main.USAGE_OR_IO, Cli.run("check").code(), "a path is required");
    assertEquals(Main.USAGE_OR_IO, Cli.run().code(), "a command is required");
    assertOneLineError(Cli.run("check", "--root", dir.resolve("missing").toString(), file.toString()), "is not a directory");
  }

  @Test
  void aMalformedConfigurationIsAUsageError() throws IOException {
    write(".topo.json", "{ \"rules\": ");
    Path file = write("ok.topo", "host a { os linux }");
    assertOneLineError(check(file.toString()), "topo: bad configuration ");
  }

  @Test
  void aConfigurationThatIsADeviceAFifoADirectoryOrHugeIsRefusedBeforeItIsRead() throws Exception {
    Path file = write("ok.topo", "host a { os linux }");
    assertOneLineError(check("--config", "/dev/zero", file.toString()), "topo: the configuration /dev/zero is not a regular file");
    assertOneLineError(check("--config", dir.toString(), file.toString()), "is not a regular file");
    Path fifo = dir.resolve("fifo.json");
    if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) { // would wait for a writer forever
      assertOneLineError(check("--config", fifo.toString(), file.toString()), "is not a regular file");
    }
    Path huge = write("huge.json", "{\"rules\": {}}" + " ".repeat(5 * 1024 * 1024));
    assertOneLineError(check("--config", huge.toString(), file.toString()), "is larger than 4 MiB");
  }

  @Test
  void aDirectoryScanDoesNotFollowALinkToAFileOutsideIt() throws IOException {
    Path inside = Files.createDirectories(dir.resolve("designs"));
    Files.writeString(inside.resolve("ok.topo"), "host a { os linux }");
    Path secret = Files.writeString(Files.createDirectories(dir.resolve("elsewhere")).resolve("secret.topo"), "TOP-SECRET {");
    Files.createSymbolicLink(inside.resolve("link.topo"), secret);
    Cli cli = check(inside.toString());
    assertEquals(Main.CLEAN, cli.code(), cli.out());
    assertEquals("no findings in 1 file\n", cli.out());
    assertFalse(cli.out().contains("SECRET") || cli.err().contains("SECRET"), cli.out() + cli.err());
  }

  @Test
  void theConfigurationChangesSeveritiesAndReportsUnknownRules() throws IOException {
    write(".topo.json", "{\n  \"rules\": {\n    \"unknown-os\": \"error\",\n    \"unknwon-os\": \"off\"\n  }\n}\n");
    Cli cli = check(write("x.topo", "host a { }").toString());
    assertEquals(".topo.json:4:5: error [invalid-value] unknown rule 'unknwon-os'; did you mean 'unknown-os'?\n"
        + "x.topo:1:6: error [unknown-os] host 'a' declares no os, so whether what runs on it is compatible cannot be checked\n"
        + "2 errors in 1 file\n", cli.findings());
  }

  @Test
  void anExplicitConfigurationFileIsUsed() throws IOException {
    Path config = write("conf/strict.json", "{\"rules\": {\"unknown-os\": \"off\"}}");
    Cli cli = check("--config", config.toString(), write("x.topo", "host a { }").toString());
    assertEquals("no findings in 1 file\n", cli.out());
    assertOneLineError(check("--config", dir.resolve("none.json").toString(), dir.resolve("x.topo").toString()),
        "cannot read the configuration");
  }

  @Test
  void versionAndHelp() {
    Cli version = Cli.run("--version");
    assertEquals(Main.CLEAN, version.code());
    assertTrue(version.out().startsWith("topo "), version.out());
    Cli help = Cli.run("check", "--help");
    assertEquals(Main.CLEAN, help.code());
    assertTrue(help.out().contains("--fail-on"), help.out());
  }

  @Test
  void theSamplesGiveTheSummaryTheReadmeShows() throws IOException {
    Cli cli = Cli.run("check", "--root", TestFiles.repo().toString(), TestFiles.samples().toString());
    assertEquals(Main.FOUND, cli.code());
    long samples;
    try (Stream<Path> files = Files.walk(TestFiles.samples())) {
      samples = files.filter(f -> f.toString().endsWith(".topo")).count();
    }
    assertTrue(samples > 1 && cli.out().endsWith(" in " + samples + " files\n"), cli.out());
  }
}
