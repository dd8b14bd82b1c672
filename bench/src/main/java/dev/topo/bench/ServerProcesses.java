package dev.topo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.services.LanguageServer;

/** What the benchmarks do with a language server they started: read its memory, and stop it. */
final class ServerProcesses {
  private ServerProcesses() {}

  /** Resident set size of a process, in MB (from /proc). */
  static long rssMegabytes(long pid) throws IOException {
    return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS"))
        .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D+", ""))).orElse(0L) / 1024;
  }

  /** Shuts the server down as a client does, and makes sure its process is gone. */
  static void stop(LanguageServer server, Process process) throws Exception {
    try {
      server.shutdown().get(10, TimeUnit.SECONDS);
      server.exit();
    } finally {
      process.waitFor(10, TimeUnit.SECONDS);
      process.destroyForcibly();
    }
  }
}
