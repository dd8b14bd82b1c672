package dev.topo.cli;

import dev.topo.model.Message;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code topo} command line: {@code java -jar topo.jar COMMAND ...}. */
@Command(name = "topo",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Checks topology files: where software runs, and the mistakes the VM-versus-container trade-offs invite.",
    subcommands = {CheckCommand.class, DiagramCommand.class, ImportCommand.class, FmtCommand.class, ExplainCommand.class, LspCommand.class, CommandLine.HelpCommand.class},
    exitCodeOnInvalidInput = Main.USAGE_OR_IO,
    exitCodeOnExecutionException = Main.USAGE_OR_IO)
public final class Main implements Runnable {
  /** Nothing at or above the threshold was found. */
  public static final int CLEAN = 0;
  /** Something at or above the threshold was found. */
  public static final int FOUND = 1;
  /** The command was wrong or something could not be read. */
  public static final int USAGE_OR_IO = 2;

  @Option(names = "--verbose", description = "Print stack traces of internal errors.", scope = CommandLine.ScopeType.INHERIT)
  boolean verbose;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** The directory the command runs in: where relative paths start, and a workspace root of last resort. */
  private final Path workingDirectory;
  /** Where standard output goes: whether {@code --color auto} colours. */
  private final Terminal terminal;

  private Main(Path workingDirectory, Terminal terminal) {
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    this.terminal = terminal;
  }

  Path workingDirectory() {
    return workingDirectory;
  }

  Terminal terminal() {
    return terminal;
  }

  public static void main(String[] args) {
    if (LspCommand.isBare(args)) {
      System.exit(LspCommand.serveStdio());
    }
    Terminal terminal = Terminal.system();
    Charset charset = OutputCharset.of(OutputCharset.platform(), OutputCharset.language(args, terminal));
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
    int code = run(args, Path.of("").toAbsolutePath(), terminal, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs a command line with the given output streams and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, Path.of("").toAbsolutePath(), Terminal.system(), out, err);
  }

  /**
   * Runs a command line as if started in another directory, writing to a pipe: for tests, and
   * for the Maven plugin, whose paths are relative to the project rather than to where Maven started.
   */
  public static int run(String[] args, Path workingDirectory, PrintWriter out, PrintWriter err) {
    return run(args, workingDirectory, Terminal.NONE, out, err);
  }

  /** Runs a command line as if started in another directory and on the given terminal (for tests). */
  static int run(String[] args, Path workingDirectory, Terminal terminal, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main(workingDirectory, terminal));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      if (java.util.Arrays.asList(args).contains("--verbose") && !(e instanceof UserError)) {
        e.printStackTrace(err);
      }
      err.println("topo: " + (e instanceof UserError u ? u.text().text(language(parsed, terminal)) : "internal error: " + e));
      err.flush();
      return USAGE_OR_IO;
    });
    int code;
    try {
      code = cli.execute(args);
    } catch (OutOfMemoryError e) {
      // Not 1, which says "findings" to a CI job, and not a stack trace.
      err.println("topo: " + Message.of("error.out-of-memory", Runtime.getRuntime().maxMemory() / (1024 * 1024))
          .text(language(cli.getParseResult(), terminal)));
      err.flush();
      return USAGE_OR_IO;
    }
    // A PrintWriter keeps its write errors to itself: a report lost to a full disk or a
    // closed pipe would otherwise exit 0 (or 1, "findings") with nothing written.
    if (out.checkError()) {
      err.println("topo: " + Message.of("error.stdout").text(language(cli.getParseResult(), terminal)));
      code = USAGE_OR_IO;
    }
    err.flush();
    return code;
  }

  @Override
  public void run() {
    throw MissingCommand.error(spec.commandLine());
  }

  /**
   * The error of a command line without a command, made in a class of its own: picocli's
   * exception made in Main would be loaded with Main, for the verifier, and {@code topo lsp}
   * would then open the jar for it even when every other class comes from a class-data
   * archive (picocli's classes are too old for one).
   */
  private static final class MissingCommand {
    static RuntimeException error(CommandLine commandLine) {
      return new CommandLine.ParameterException(commandLine, "a command is needed, for example: topo check samples/");
    }
  }

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** A failure the user can fix: printed as one line, without a stack trace. */
  static final class UserError extends RuntimeException {
    private final Message text;

    UserError(String message) {
      this(Message.literal(message));
    }

    /** An error the bundles hold: printed in the language the command line asks for. */
    UserError(Message text) {
      super(text.english(), null, false, false);
      this.text = text;
    }

    Message text() {
      return text;
    }
  }

  /** The language of a command line's errors: its --lang if it has a valid one, else the environment's. */
  static String language(CommandLine.ParseResult parsed, Terminal terminal) {
    if (parsed == null) {
      return ExplainCommand.language(null, terminal);
    }
    CommandLine.ParseResult command = parsed;
    while (command.hasSubcommand()) {
      command = command.subcommand();
    }
    String lang = command.matchedOptionValue("--lang", (String) null);
    try {
      return ExplainCommand.language(lang, terminal);
    } catch (UserError e) {
      return ExplainCommand.language(null, terminal);
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"topo " + version(), "Java " + System.getProperty("java.version")};
    }
  }
}
