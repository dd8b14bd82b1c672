package dev.topo.lsp;

import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.ServerCapabilities;

/** The capabilities of the editor features, declared in one place as each feature is added. */
final class Features {
  private Features() {}

  static void declare(ServerCapabilities server) {
    // Each feature class adds its capability here.
    server.setHoverProvider(true);
    server.setCompletionProvider(new CompletionOptions(false, CompletionFeature.TRIGGER_CHARACTERS));
  }
}
