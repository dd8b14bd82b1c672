package dev.topo.lsp;

import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** The capabilities of the editor features, declared in one place as each feature is added. */
final class Features {
  private Features() {}

  static void declare(ServerCapabilities server) {
    // Each feature class adds its capability here.
    server.setCodeActionProvider(Either.forRight(new CodeActionOptions(CodeActionFeature.KINDS)));
    server.setCodeLensProvider(new CodeLensOptions(false));
    server.setInlayHintProvider(Either.forLeft(true));
  }
}
