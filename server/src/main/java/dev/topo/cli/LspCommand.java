package dev.topo.cli;

import dev.topo.knowledge.KnowledgeBase;
import dev.topo.lsp.ServerMain;
import dev.topo.model.Message;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code topo lsp}: the language server, on stdio or on a local port. */
@Command(name = "lsp", mixinStandardHelpOptions = true,
    description = {"Runs the language server on standard input and output.",
        "Only protocol is written to standard output; logs go to standard error.",
        "TOPO_LOG=debug in the environment traces every message and LSP4J's own logs on standard error.",
        "TOPO_WARM_UP=off leaves out the start's warm-up: typing, while idle, into a design of its own."})
final class LspCommand implements Callable<Integer> {
  @Option(names = "--socket", paramLabel = "PORT", description = "Listen on this port of 127.0.0.1 for one client instead"
      + " (0 for any free port).")
  Integer port;

  /**
   * Whether the command line is {@code lsp} alone, as editors start the server. Then
   * {@link Main} serves without picocli: building its model of every command, and what their
   * options load, would take about a third of the time to the first answer.
   */
  static boolean isBare(String[] args) {
    return args.length == 1 && "lsp".equals(args[0]);
  }

  /** Serves on stdio until the input ends or the client sends {@code exit}. */
  static int serveStdio() {
    return ServerMain.serve(System.in, takeStdout(), System::exit, debug(), docs(), warmUp());
  }

  @Override
  public Integer call() throws IOException {
    if (port == null) {
      return serveStdio();
    }
    if (port < 0 || port > 65_535) {
      throw new Main.UserError(Message.of("error.socket.port", port));
    }
    try (ServerSocket listener = listen(port)) { // a port in use is said before stdout is taken over
      takeStdout();
      System.err.println("[topo] listening on 127.0.0.1:" + listener.getLocalPort());
      try (Socket socket = listener.accept()) {
        return ServerMain.serve(socket.getInputStream(), socket.getOutputStream(), System::exit, debug(), docs(),
            warmUp());
      }
    }
  }

  /**
   * Whatever prints on System.out from now on (a library, a stray println) would corrupt
   * the protocol: it goes to stderr, and the real stdout is returned for messages only.
   */
  private static PrintStream takeStdout() {
    PrintStream protocol = System.out;
    System.setOut(System.err);
    return protocol;
  }

  private static boolean debug() {
    return "debug".equalsIgnoreCase(System.getenv("TOPO_LOG"));
  }

  /** TOPO_WARM_UP=off leaves out typing into a design of its own while idle after the start. */
  private static boolean warmUp() {
    return !"off".equalsIgnoreCase(System.getenv("TOPO_WARM_UP"));
  }

  private static Optional<String> docs() {
    return KnowledgeBase.docs(System::getenv);
  }

  private static ServerSocket listen(int port) {
    try {
      return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new Main.UserError(Message.of("error.socket.listen", port, String.valueOf(e.getMessage())));
    }
  }
}
