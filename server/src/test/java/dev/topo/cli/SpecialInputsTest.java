package dev.topo.cli;

import static dev.topo.cli.CheckCommandTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are not text to read, given to {@code topo check} and {@code topo fmt}: a device
 * (/dev/zero would be read forever), a FIFO (whose reading waits for a writer forever) and a
 * file larger than any text topo analyses are refused before they are read, with exit 2 and
 * one line, as a {@code --config} of the kind is.
 */
class SpecialInputsTest {
  @TempDir
  Path dir;

  /** A file of {@code bytes} bytes that takes no room on the disk (a sparse file). */
  private Path huge(String name) throws IOException {
    Path file = dir.resolve(name);
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(Inputs.MAX_INPUT_BYTES + 1);
    }
    return file;
  }

  private Path fifo(String name) throws Exception {
    Path fifo = dir.resolve(name);
    return new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0 ? fifo : null;
  }

  @Test
  void checkRefusesADeviceAFifoAndAHugeFile() throws Exception {
    Path ok = Files.writeString(dir.resolve("ok.topo"), "host a {\n  os linux\n}\n");
    for (String command : List.of("check", "fmt")) {
      assertOneLineError(Cli.run(command, "/dev/zero"), "topo: /dev/zero is not a regular file");
      assertOneLineError(Cli.run(command, ok.toString(), "/dev/null"), "topo: /dev/null is not a regular file");
      Path fifo = fifo(command + ".topo");
      if (fifo != null) { // a system without mkfifo has no FIFO to give
        assertOneLineError(Cli.run(command, fifo.toString()), "topo: " + fifo + " is not a regular file");
      }
      Path huge = huge(command + "-huge.topo");
      assertOneLineError(Cli.run(command, huge.toString()), "topo: " + huge + " is larger than 32 MiB");
      Files.delete(huge);
    }
  }

  @Test
  void fmtSkipsAHugeFileFoundBelowADirectoryWithOneLineAndFormatsTheRest() throws Exception {
    Path ok = Files.writeString(dir.resolve("ok.topo"), "host a {os linux}");
    Path huge = huge("huge.topo");
    Cli cli = Cli.run("fmt", dir.toString());
    assertEquals(Main.USAGE_OR_IO, cli.code(), cli.err());
    assertEquals("topo: cannot read " + huge + ": it is larger than 32 MiB\n", cli.err());
    assertEquals("host a {\n  os linux\n}\n", Files.readString(ok));
    assertTrue(cli.out().contains("formatted " + ok), cli.out());
  }
}
