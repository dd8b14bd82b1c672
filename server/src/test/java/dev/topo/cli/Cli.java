package dev.topo.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the command line in-process and keeps what it printed. */
record Cli(int code, String out, String err) {
  /** The lines of a source excerpt (" 12 | text", "    | ^^^") and the blank lines between findings. */
  private static final java.util.regex.Pattern EXCERPT = java.util.regex.Pattern.compile("(?m)^( *\\d* \\|.*)?\n");

  /**
   * The text output without its source excerpts: one line per finding and note, then the
   * summary, for tests about which findings a run reports rather than how they look.
   */
  String findings() {
    return EXCERPT.matcher(out).replaceAll("");
  }

  static Cli run(String... args) {
    return runIn(Path.of("").toAbsolutePath(), args);
  }

  /** Runs the command line as if started in this directory. */
  static Cli runIn(Path workingDirectory, String... args) {
    return runOn(Terminal.NONE, workingDirectory, args);
  }

  /** Runs the command line with its standard output on the given terminal (or pipe). */
  static Cli runOn(Terminal terminal, Path workingDirectory, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, workingDirectory, terminal, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Cli(code, out.toString(), err.toString());
  }
}
