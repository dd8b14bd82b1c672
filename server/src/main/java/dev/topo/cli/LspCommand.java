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
        "TOPO_LOG=debug in the environment traces every message and LSP4J's own logs on standard error."})
final class LspCommand implements Callable<Integer> {
  @Option(names = "--socket", paramLabel = "PORT", description = "Listen on this port of 127.0.0.1 for one client instead"
      + " (0 for any free port).")
  Integer port;

  @Override
  public Integer call() throws IOException {
    if (port != null && (port < 0 || port > 65_535)) {
      throw new Main.UserError(Message.of("error.socket.port", port));
    }
    ServerSocket listener = port == null ? null : listen(port); // a port in use is said before stdout is taken over
    // Whatever prints on System.out from now on (a library, a stray println) would corrupt
    // the protocol: send it to stderr and keep the real stdout for messages only.
    PrintStream protocol = System.out;
    System.setOut(System.err);
    boolean debug = "debug".equalsIgnoreCase(System.getenv("TOPO_LOG"));
    Optional<String> docs = KnowledgeBase.docs(System::getenv);
    if (listener == null) {
      return ServerMain.serve(System.in, protocol, System::exit, debug, docs);
    }
    try (listener) {
      System.err.println("[topo] listening on 127.0.0.1:" + listener.getLocalPort());
      try (Socket socket = listener.accept()) {
        return ServerMain.serve(socket.getInputStream(), socket.getOutputStream(), System::exit, debug, docs);
      }
    }
  }

  private static ServerSocket listen(int port) {
    try {
      return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new Main.UserError(Message.of("error.socket.listen", port, String.valueOf(e.getMessage())));
    }
  }
}
