package dev.topo.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the command line in-process and keeps what it printed. */
record Cli(int code, String out, String err) {
  static Cli run(String... args) {
    return runIn(Path.of("").toAbsolutePath(), args);
  }

  /** Runs the command line as if started in this directory. */
  static Cli runIn(Path workingDirectory, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, workingDirectory, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Cli(code, out.toString(), err.toString());
  }
}
