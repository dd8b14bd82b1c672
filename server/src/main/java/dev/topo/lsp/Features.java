package dev.topo.lsp;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.ServerCapabilities;

/** The capabilities of the editor features, declared in one place as each feature is added. */
final class Features {
  private Features() {}

  static void declare(ServerCapabilities server) {
    // Each feature class adds its capability here.
    server.setDefinitionProvider(true);
  }

  /** The same, refined by what the client supports. */
  static void declare(ServerCapabilities server, ClientCapabilities client) {
    declare(server);
  }
}
