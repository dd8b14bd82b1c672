package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.Slow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI in a JVM of its own with a heap too small for its input: whatever runs out, it
 * exits 2 with one line, never 1 (which a CI job reads as "findings") nor a stack trace.
 */
@Slow
class OutOfMemoryTest {
  @TempDir
  Path dir;

  @Test
  void aHeapTooSmallForTheInputIsExitTwoWithOneLine() throws IOException, InterruptedException {
    Path big = Files.writeString(dir.resolve("big.topo"), "host a{}\n".repeat(800_000));
    Path err = dir.resolve("err.txt");
    Process check = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx24m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "dev.topo.cli.Main", "check",
        "--root", dir.toString(), big.toString()))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
    assertTrue(check.waitFor(120, TimeUnit.SECONDS), "the check did not end");
    String said = Files.readString(err, StandardCharsets.UTF_8);
    assertEquals(Main.USAGE_OR_IO, check.exitValue(), said);
    assertTrue(said.startsWith("topo: out of memory ("), said);
    assertEquals(1, said.strip().lines().count(), said);
  }
}
