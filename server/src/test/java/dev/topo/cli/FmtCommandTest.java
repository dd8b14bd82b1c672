package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code topo fmt}: in place and atomically, {@code --check}, syntax errors left alone, the exit-status contract. */
class FmtCommandTest {
  @TempDir
  Path dir;

  static final String MESSY = "host a {os linux; cpu 4}\n\n\n\nhost b { }";
  static final String FORMATTED = "host a {\n  os linux\n  cpu 4\n}\n\nhost b {}\n";
  static final String BROKEN = "host a { cpu four }\n";

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file);
  }

  @Test
  void formatsInPlaceAndASecondRunChangesNothing() throws IOException {
    Path file = write("a.topo", MESSY);
    Cli first = Cli.run("fmt", file.toString());
    assertEquals(Main.CLEAN, first.code(), first.err());
    assertEquals("formatted " + file + "\n", first.out());
    assertEquals(FORMATTED, read(file));

    Cli second = Cli.run("fmt", file.toString());
    assertEquals(Main.CLEAN, second.code());
    assertEquals("", second.out());
    assertEquals(FORMATTED, read(file));
  }

  @Test
  void aDirectoryMeansEveryTopoFileBelowIt() throws IOException {
    Path a = write("a.topo", MESSY);
    Path b = write("deep/er/b.topo", MESSY);
    Path notes = write("deep/notes.txt", MESSY);
    Cli cli = Cli.run("fmt", dir.toString());
    assertEquals(Main.CLEAN, cli.code(), cli.err());
    assertEquals(FORMATTED, read(a));
    assertEquals(FORMATTED, read(b));
    assertEquals(MESSY, read(notes));
  }

  @Test
  void checkWritesNothingListsWhatWouldChangeAndExitsOne() throws IOException {
    Path messy = write("messy.topo", MESSY);
    Path clean = write("clean.topo", FORMATTED);
    Cli cli = Cli.run("fmt", "--check", dir.toString());
    assertEquals(Main.FOUND, cli.code());
    assertEquals(messy + "\n", cli.out());
    assertEquals(MESSY, read(messy));
    assertEquals(FORMATTED, read(clean));

    Cli ok = Cli.run("fmt", "--check", clean.toString());
    assertEquals(Main.CLEAN, ok.code());
    assertEquals("", ok.out() + ok.err());
  }

  @Test
  void aFileWithSyntaxErrorsIsLeftAsItIsAndReportedOnOneLine() throws IOException {
    Path broken = write("broken.topo", BROKEN);
    Path messy = write("messy.topo", MESSY);
    Cli cli = Cli.run("fmt", dir.toString());
    assertEquals(Main.FOUND, cli.code());
    assertEquals(BROKEN, read(broken));
    assertEquals(FORMATTED, read(messy), "the other files are still formatted");
    assertEquals(1, cli.err().lines().count(), cli.err());
    assertTrue(cli.err().contains(broken + " has syntax errors and was left as it is"), cli.err());

    Cli check = Cli.run("fmt", "--check", broken.toString());
    assertEquals(Main.FOUND, check.code());
    assertEquals(BROKEN, read(broken));
  }

  @Test
  void usageAndInputErrorsExitTwoWithOneLine() throws IOException {
    Cli missing = Cli.run("fmt", dir.resolve("nope.topo").toString());
    CheckCommandTest.assertOneLineError(missing, "no such file or directory");

    Files.createDirectories(dir.resolve("empty"));
    CheckCommandTest.assertOneLineError(Cli.run("fmt", dir.resolve("empty").toString()), "no .topo files in");

    CheckCommandTest.assertOneLineError(Cli.run("fmt", "--chek", "x.topo"), "Unknown option");
    CheckCommandTest.assertOneLineError(Cli.run("fmt"), "Missing required parameter");
  }

  @Test
  void aFileThatIsNotUtf8IsNeverRewritten() throws IOException {
    Path file = dir.resolve("latin1.topo");
    byte[] bytes = "host caf\u00e9 {os linux}".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(file, bytes);
    Cli cli = Cli.run("fmt", file.toString());
    CheckCommandTest.assertOneLineError(cli, "cannot read " + file + ": it is not valid UTF-8");
    assertArrayEquals(bytes, Files.readAllBytes(file));
  }

  @Test
  void theRewriteKeepsPermissionsLinksLineEndingsAndTheByteOrderMarkAndLeavesNoTemporaryFile() throws IOException {
    Path file = write("win.topo", "\uFEFFhost a {os linux}\r\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    Path link = Files.createSymbolicLink(dir.resolve("link.topo"), file.getFileName());
    Cli cli = Cli.run("fmt", link.toString());
    assertEquals(Main.CLEAN, cli.code(), cli.err());
    assertEquals("\uFEFFhost a {\r\n  os linux\r\n}\r\n", read(file));
    assertTrue(Files.isSymbolicLink(link), "the link is still a link");
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("link.topo", "win.topo"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void aWriteInterruptedBeforeTheRenameLeavesTheOldTextWholeAndNoTemporaryFile() throws IOException {
    Path file = write("a.topo", MESSY);
    String[] written = new String[1];
    IOException failure = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> FmtCommand.writeAtomically(file, FORMATTED, temporary -> {
          written[0] = Files.readString(temporary);
          throw new IOException("disk gone");
        }));
    assertEquals("disk gone", failure.getMessage());
    assertEquals(FORMATTED, written[0], "the whole new text was in the temporary file");
    assertEquals(MESSY, read(file), "the file itself was never half written");
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("a.topo"), files.map(p -> p.getFileName().toString()).toList());
    }
  }
}
