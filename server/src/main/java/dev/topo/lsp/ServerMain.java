package dev.topo.lsp;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Connects a {@link TopoLanguageServer} to a pair of streams (stdio, a socket, a test pipe). */
public final class ServerMain {
  private ServerMain() {}

  /** Held here, as the logging framework keeps only weak references to loggers and would forget the level. */
  private static final Logger LSP4J_LOG = Logger.getLogger("org.eclipse.lsp4j");

  /**
   * Serves until the input ends or the client sends {@code exit}, without the keystroke warm-up
   * (a test's server, say).
   *
   * @param exit receives the exit status when the client sends {@code exit}: 0 after
   *     {@code shutdown}, 1 without it
   * @return the future that completes when the input ends
   */
  public static Future<Void> start(InputStream in, OutputStream out, IntConsumer exit) {
    return start(new TopoLanguageServer(exit, Optional.empty()), in, out, false);
  }

  private static Future<Void> start(TopoLanguageServer server, InputStream in, OutputStream out, boolean debug) {
    if (!debug) {
      // LSP4J warns on stderr of what clients do in the normal course (a cancel for a request
      // already answered), and a client shows stderr as errors: keep only its real errors.
      LSP4J_LOG.setLevel(Level.SEVERE);
    } else {
      LSP4J_LOG.setLevel(null); // as the root says, below
      Logger root = Logger.getLogger("");
      root.setLevel(Level.FINE);
      for (Handler handler : root.getHandlers()) {
        handler.setLevel(Level.FINE); // the console handler writes to stderr
      }
    }
    ProtocolLauncher builder = new ProtocolLauncher(server::isShutDown, server::refused);
    if (debug) {
      builder.traceMessages(new PrintWriter(System.err, true));
    }
    Launcher<LanguageClient> launcher = builder
        .setLocalService(server)
        .setRemoteInterface(LanguageClient.class)
        .setInput(in)
        .setOutput(out)
        .setExecutorService(Executors.newCachedThreadPool(runnable -> {
          Thread thread = new Thread(runnable, "topo-lsp4j");
          thread.setDaemon(true);
          return thread;
        }))
        .create();
    server.connect(builder.deferredClient());
    return launcher.startListening();
  }

  /**
   * Serves and blocks until the input ends; returns 1, as an end without {@code exit} is abnormal.
   *
   * @param debug whether every message is traced on stderr
   * @param docs where the docs are published, for diagnostics' links to rule pages; none when empty
   * @param warmUp whether the server types into a design of its own while idle after the start,
   *     so that the JIT has compiled the keystroke path before the user types ({@link KeystrokeWarmUp})
   */
  public static int serve(InputStream in, OutputStream out, IntConsumer exit, boolean debug, Optional<String> docs,
      boolean warmUp) {
    try {
      start(new TopoLanguageServer(exit, docs, warmUp ? KeystrokeWarmUp.KEYSTROKES : 0), in, out, debug).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      System.err.println("[topo] the connection failed: " + e.getCause());
    }
    return 1;
  }
}
