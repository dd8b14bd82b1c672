package dev.topo.lsp;

import org.eclipse.lsp4j.ServerCapabilities;

/** The capabilities of the editor features, declared in one place as each feature is added. */
final class Features {
  private Features() {}

  static void declare(ServerCapabilities server) {
    // Each feature class adds its capability here.
    server.setSemanticTokensProvider(SemanticTokensFeature.capability());
    server.setFoldingRangeProvider(true);
    server.setSelectionRangeProvider(true);
    server.setDocumentFormattingProvider(true);
    server.setDocumentRangeFormattingProvider(true);
  }
}
