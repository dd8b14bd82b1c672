package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Colour never reaches a pipe or a file unless asked. */
class ColorTest {
  private static final Terminal TERMINAL = new Terminal(true, Map.of());
  private static final String ESC = "\u001b";

  @TempDir
  Path dir;
  Path file;

  @BeforeEach
  void aFileWithAFinding() throws IOException {
    file = Files.writeString(dir.resolve("x.topo"), "host a { os linux; cpu 0 }\n");
  }

  private Cli check(Terminal terminal, String... options) {
    String[] args = new String[options.length + 4];
    args[0] = "check";
    args[1] = "--root";
    args[2] = dir.toString();
    System.arraycopy(options, 0, args, 3, options.length);
    args[args.length - 1] = file.toString();
    return Cli.runOn(terminal, dir, args);
  }

  @Test
  void autoColoursATerminalAndNothingElse() {
    assertTrue(check(TERMINAL).out().contains(ESC));
    assertFalse(check(Terminal.NONE).out().contains(ESC), "a pipe or a file gets no escape");
    assertFalse(check(new Terminal(true, Map.of("TERM", "dumb"))).out().contains(ESC), "a dumb terminal neither");
  }

  @Test
  void noColorWinsOverAutoWhenSetAndNotEmpty() {
    assertFalse(check(new Terminal(true, Map.of("NO_COLOR", "1"))).out().contains(ESC));
    assertTrue(check(new Terminal(true, Map.of("NO_COLOR", ""))).out().contains(ESC), "an empty NO_COLOR is unset");
    assertTrue(check(new Terminal(true, Map.of("NO_COLOR", "1")), "--color", "always").out().contains(ESC),
        "an explicit always is still obeyed");
  }

  @Test
  void alwaysAndNeverAreObeyed() {
    assertTrue(check(Terminal.NONE, "--color", "always").out().contains(ESC));
    assertFalse(check(TERMINAL, "--color", "never").out().contains(ESC));
  }

  @Test
  void colourOnlyChangesTheLooks() {
    assertEquals(check(TERMINAL, "--color", "never").out(), check(TERMINAL).out().replaceAll("\u001b\\[[0-9;]*m", ""));
  }

  @Test
  void aReportFileHasColourOnlyWhenAskedForAlways() throws IOException {
    check(TERMINAL, "--format", "text=auto.txt", "--format", "json");
    assertFalse(Files.readString(dir.resolve("auto.txt")).contains(ESC), "auto colours only standard output");
    check(TERMINAL, "--format", "text=always.txt", "--color", "always");
    assertTrue(Files.readString(dir.resolve("always.txt")).contains(ESC));
  }

  @Test
  void machineFormatsNeverHaveColour() {
    for (ReportFormat format : ReportFormat.values()) {
      if (format != ReportFormat.TEXT) {
        assertFalse(check(TERMINAL, "--color", "always", "--format", format.toString()).out().contains(ESC), format.toString());
      }
    }
  }

  @Test
  void explainFollowsTheSameRules() {
    assertTrue(Cli.runOn(TERMINAL, dir, "explain", "pod").out().contains(ESC));
    assertFalse(Cli.runOn(Terminal.NONE, dir, "explain", "pod").out().contains(ESC));
    assertFalse(Cli.runOn(new Terminal(true, Map.of("NO_COLOR", "x")), dir, "explain", "pod").out().contains(ESC));
    assertTrue(Cli.runOn(Terminal.NONE, dir, "explain", "--color", "always", "pod").out().contains(ESC));
  }

  @Test
  void aBadColorIsAUsageError() {
    CheckCommandTest.assertOneLineError(check(TERMINAL, "--color", "sometimes"),
        "--color takes auto, always or never, not 'sometimes'");
  }
}
