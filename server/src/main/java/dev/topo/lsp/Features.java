package dev.topo.lsp;

import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DocumentLinkOptions;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** The capabilities of the editor features, declared in one place as each feature is added. */
final class Features {
  private Features() {}

  static void declare(ServerCapabilities server) {
    // Each feature class adds its capability here.
    server.setHoverProvider(true);
    server.setCompletionProvider(new CompletionOptions(false, CompletionFeature.TRIGGER_CHARACTERS));
    server.setDefinitionProvider(true);
    server.setReferencesProvider(true);
    server.setDocumentHighlightProvider(true);
    server.setRenameProvider(true);
    server.setDocumentSymbolProvider(true);
    server.setWorkspaceSymbolProvider(true);
    server.setDocumentLinkProvider(new DocumentLinkOptions(false));
    server.setCodeActionProvider(Either.forRight(new CodeActionOptions(CodeActionFeature.KINDS)));
    server.setCodeLensProvider(new CodeLensOptions(false));
    server.setInlayHintProvider(Either.forLeft(true));
    server.setSemanticTokensProvider(SemanticTokensFeature.capability());
    server.setFoldingRangeProvider(true);
    server.setSelectionRangeProvider(true);
    server.setDocumentFormattingProvider(true);
    server.setDocumentRangeFormattingProvider(true);
  }

  /** The same, refined by what the client supports: whether it asks before a rename ({@code prepareSupport}). */
  static void declare(ServerCapabilities server, boolean clientPrepares) {
    declare(server);
    if (clientPrepares) {
      // The protocol allows RenameOptions only to a client that announced prepareSupport.
      server.setRenameProvider(new RenameOptions(true));
    }
  }
}
