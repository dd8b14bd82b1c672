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

  /**
   * CPU time a process has used so far, all its threads, in milliseconds (from /proc: utime
   * and stime, in clock ticks of 1/100 s, the kernel's USER_HZ on Linux).
   */
  static long cpuMillis(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    // The command name may hold spaces and parentheses: the fields start after its last ')'.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
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
