package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** topo lsp's arguments: a port that is no port, or one in use, is the user's to fix, with one line. */
class LspCommandTest {
  @Test
  void aPortOutOfRangeIsAUsageError() {
    for (String port : new String[] {"99999", "-1", "65536"}) {
      Cli cli = Cli.run("lsp", "--socket", port);
      assertEquals(Main.USAGE_OR_IO, cli.code(), cli.err());
      assertEquals("topo: --socket " + port + " is not a port: give 0 to 65535", cli.err().strip());
    }
  }

  @Test
  void aPortInUseIsSaidInOneLine() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Cli cli = Cli.run("lsp", "--socket", String.valueOf(taken.getLocalPort()));
      assertEquals(Main.USAGE_OR_IO, cli.code(), cli.err());
      assertTrue(cli.err().startsWith("topo: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": "), cli.err());
      assertEquals(1, cli.err().strip().lines().count(), cli.err());
    }
  }
}
