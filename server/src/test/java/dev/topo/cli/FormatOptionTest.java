package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several reports in one run: {@code --format NAME=FILE} writes a file, {@code --format NAME} standard output. */
class FormatOptionTest {
  @TempDir
  Path dir;
  Path file;

  @BeforeEach
  void aFileWithAFinding() throws IOException {
    file = Files.writeString(dir.resolve("x.topo"), "host a { os linux; cpu 0 }\n");
  }

  private Cli check(String... options) {
    String[] args = new String[options.length + 4];
    args[0] = "check";
    args[1] = "--root";
    args[2] = dir.toString();
    System.arraycopy(options, 0, args, 3, options.length);
    args[args.length - 1] = file.toString();
    return Cli.runIn(dir, args);
  }

  @Test
  void eachFormatGoesWhereItSays() throws IOException {
    Cli cli = check("--format", "sarif=reports/out.sarif", "--format", "text", "--format", "gitlab=gl.json");
    assertEquals(Main.FOUND, cli.code(), cli.err());
    assertTrue(cli.out().startsWith("x.topo:1:24: error [invalid-value]"), cli.out());
    assertEquals(check("--format", "sarif").out(), Files.readString(dir.resolve("reports/out.sarif")),
        "a missing folder is made, and the file holds what standard output would");
    assertEquals(1, new ObjectMapper().readTree(dir.resolve("gl.json").toFile()).size());
  }

  @Test
  void onlyFilesMeansNothingOnStandardOutput() throws IOException {
    Cli cli = check("--format", "junit=out.xml");
    assertEquals(Main.FOUND, cli.code(), "the exit status does not depend on where reports go");
    assertEquals("", cli.out());
    assertTrue(Files.readString(dir.resolve("out.xml")).contains("<failure "));
  }

  @Test
  void withoutFormatTheTextGoesToStandardOutput() {
    assertTrue(check().out().contains("\n 1 | host a { os linux; cpu 0 }\n"), check().out());
  }

  @Test
  void atMostOneFormatGoesToStandardOutput() {
    CheckCommandTest.assertOneLineError(check("--format", "text", "--format", "json"),
        "at most one --format may go to standard output");
  }

  @Test
  void badFormatValuesAreUsageErrorsBeforeAnythingIsWritten() {
    CheckCommandTest.assertOneLineError(check("--format", "json=", "--format", "text"), "--format json= names no file");
    CheckCommandTest.assertOneLineError(check("--format", "json=a.out", "--format", "sarif=a.out"),
        "two --format options write a.out");
    CheckCommandTest.assertOneLineError(check("--format", "xml=a.xml"), "--format takes text, json, sarif, github,"
        + " junit, checkstyle or gitlab, not 'xml'");
    assertFalse(Files.exists(dir.resolve("a.out")), "nothing was written");
  }

  @Test
  void aFileThatCannotBeWrittenIsAUsageError() throws IOException {
    Files.createDirectories(dir.resolve("taken"));
    CheckCommandTest.assertOneLineError(check("--format", "json=taken"), "cannot write the report ");
  }
}
