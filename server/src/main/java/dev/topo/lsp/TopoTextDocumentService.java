package dev.topo.lsp;

import dev.topo.workspace.TextDocument;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SelectionRange;
import org.eclipse.lsp4j.SelectionRangeParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensDelta;
import org.eclipse.lsp4j.SemanticTokensDeltaParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SemanticTokensRangeParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentPositionParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The {@code textDocument/*} methods. Document changes update the session as one step (Session.change)
 * and hand re-analysis to the scheduler; each feature is a one-line delegation to its class.
 */
public final class TopoTextDocumentService implements TextDocumentService {
  private final Session session;
  private final DiagnosticsScheduler scheduler;
  private final Requests requests;
  /** Where diagrams are drawn: apart from the other requests (see TopoLanguageServer). */
  private final Requests diagramRequests;
  private final DiagramFeature diagrams = new DiagramFeature();
  private final TokenResults tokens = new TokenResults();
  private final TokenPieces tokenPieces = new TokenPieces();
  private final OutlineCache outlines;
  private final BlockRenders<RenderedLenses> lenses;

  TopoTextDocumentService(Session session, DiagnosticsScheduler scheduler, Requests requests) {
    this(session, scheduler, requests, requests);
  }

  TopoTextDocumentService(Session session, DiagnosticsScheduler scheduler, Requests requests, Requests diagramRequests) {
    this.session = session;
    this.scheduler = scheduler;
    this.requests = requests;
    this.diagramRequests = diagramRequests;
    this.outlines = new OutlineCache(uri -> session.documents().get(uri).isPresent());
    this.lenses = new BlockRenders<>(uri -> session.documents().get(uri).isPresent());
  }

  /** Whether the client takes snippets in completion items (from {@code initialize}). */
  private boolean snippetSupport() {
    var text = session.clientCapabilities().getTextDocument();
    return text != null && text.getCompletion() != null && text.getCompletion().getCompletionItem() != null
        && Boolean.TRUE.equals(text.getCompletion().getCompletionItem().getSnippetSupport());
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    if (!session.initialized()) {
      return; // notifications before initialize are dropped
    }
    var item = params.getTextDocument();
    URI uri = Uris.parse(item.getUri());
    session.change(() -> session.documents().open(new TextDocument(uri, item.getVersion(), item.getText())));
    scheduler.changed(uri);
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    if (!session.initialized()) {
      return; // notifications before initialize are dropped
    }
    URI uri = Uris.parse(params.getTextDocument().getUri());
    int version = params.getTextDocument().getVersion();
    session.change(() -> {
      TextDocument document = session.documents().get(uri).orElse(null);
      if (document == null) {
        return; // an edit to a document that was never opened: nothing to apply it to
      }
      for (TextDocumentContentChangeEvent change : params.getContentChanges()) {
        document = change.getRange() == null
            ? new TextDocument(uri, version, change.getText())
            : document.edit(version, change.getRange().getStart().getLine(), change.getRange().getStart().getCharacter(),
                change.getRange().getEnd().getLine(), change.getRange().getEnd().getCharacter(), change.getText());
      }
      session.documents().update(document);
    });
    scheduler.changed(uri);
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    if (!session.initialized()) {
      return; // notifications before initialize are dropped
    }
    URI uri = Uris.parse(params.getTextDocument().getUri());
    session.change(() -> {
      session.documents().close(uri);
      session.forget(uri);
    });
    diagrams.forget(uri);
    tokens.forget(params.getTextDocument().getUri());
    tokenPieces.forget(params.getTextDocument().getUri());
    outlines.forget(uri);
    lenses.forget(uri);
    scheduler.closed(uri);
    scheduler.changed(uri); // importers now see the file on disk
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    // The buffer is already the truth; saving changes nothing to analyse.
  }

  @Override
  public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
    return requests.compute(params.getTextDocument().getUri(),
        (snapshot, cancel) -> DefinitionFeature.definition(session, snapshot, params.getPosition()), Either.forLeft(List.of()));
  }

  @Override
  public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
    boolean declaration = params.getContext() != null && params.getContext().isIncludeDeclaration();
    return requests.compute(params.getTextDocument().getUri(), (snapshot, cancel) ->
        ReferencesFeature.references(session, snapshot, params.getPosition(), declaration, cancel), List.of());
  }

  @Override
  public CompletableFuture<List<? extends DocumentHighlight>> documentHighlight(DocumentHighlightParams params) {
    return requests.compute(params.getTextDocument().getUri(),
        (snapshot, cancel) -> DocumentHighlightFeature.highlights(snapshot, params.getPosition()), List.of());
  }

  @Override
  public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(
      PrepareRenameParams params) {
    return requests.compute(params.getTextDocument().getUri(),
        (snapshot, cancel) -> RenameFeature.prepare(snapshot, params.getPosition(), session.settings().locale()), null);
  }

  @Override
  public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
    return requests.compute(params.getTextDocument().getUri(), (snapshot, cancel) ->
        RenameFeature.rename(session, snapshot, params.getPosition(), params.getNewName(), cancel), null);
  }

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
    return requests.computeParsed(params.getTextDocument().getUri(),
        (parsed, cancel) -> outlines.symbols(parsed, session.clientCapabilities()), List.of());
  }

  @Override
  public CompletableFuture<List<DocumentLink>> documentLink(DocumentLinkParams params) {
    return requests.computeParsed(params.getTextDocument().getUri(),
        (parsed, cancel) -> DocumentLinkFeature.links(session, parsed), List.of());
  }

  @Override
  public CompletableFuture<DocumentDiagnosticReport> diagnostic(DocumentDiagnosticParams params) {
    return requests.computeOnYaml(params.getTextDocument().getUri(), (snapshot, cancel) -> new DocumentDiagnosticReport(
        new RelatedFullDocumentDiagnosticReport(DiagnosticsFeature.diagnostics(snapshot, session.settings()))),
        new DocumentDiagnosticReport(new RelatedFullDocumentDiagnosticReport(List.of())));
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    return requests.compute(params.getTextDocument().getUri(),
        (snapshot, cancel) -> CodeActionFeature.codeActions(snapshot, params, session.settings(), cancel), List.of());
  }

  @Override
  public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
    return requests.compute(params.getTextDocument().getUri(),
        (snapshot, cancel) -> CodeLensFeature.codeLenses(snapshot, session.settings().locale(), cancel, lenses),
        List.of());
  }

  @Override
  public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
    return requests.compute(params.getTextDocument().getUri(),
        (snapshot, cancel) -> InlayHintFeature.inlayHints(snapshot, params, session.settings().locale(), cancel),
        List.of());
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    return requests.computeOnYaml(params.getTextDocument().getUri(),
        (snapshot, cancel) -> HoverFeature.hover(session, snapshot, params.getPosition(), cancel), null);
  }

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
    return requests.compute(params.getTextDocument().getUri(), (snapshot, cancel) -> Either.forRight(
        CompletionFeature.complete(session, snapshot, params.getPosition(), snippetSupport(),
            params.getContext() == null ? null : params.getContext().getTriggerCharacter(), cancel)),
        Either.forRight(new CompletionList(List.of())));
  }

  /** {@code topology/explain}, received by the server class (see there why). */
  public CompletableFuture<ExplainFeature.Explanation> explain(TextDocumentPositionParams params) {
    if (params == null || params.getTextDocument() == null || params.getTextDocument().getUri() == null) {
      return CompletableFuture.completedFuture(null);
    }
    return requests.computeOnYaml(params.getTextDocument().getUri(),
        (snapshot, cancel) -> ExplainFeature.explain(session, snapshot, params.getPosition(), cancel), null);
  }

  /** {@code topology/diagram}, received by the server class as explain is; null for a document that cannot be read. */
  public CompletableFuture<DiagramFeature.Answer> diagram(DiagramFeature.Params params) {
    if (params == null || params.uri() == null) {
      return CompletableFuture.completedFuture(null);
    }
    boolean standalone = Boolean.TRUE.equals(params.standalone());
    return diagramRequests.compute(params.uri(),
        (snapshot, cancel) -> diagrams.draw(session, snapshot, params.focus(), standalone, cancel), null);
  }

  @Override
  public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
    String uri = params.getTextDocument().getUri();
    return requests.computeParsed(uri, (parsed, cancel) -> tokens.full(uri, tokenPieces.data(uri, parsed, cancel)),
        new SemanticTokens(List.of()));
  }

  @Override
  public CompletableFuture<Either<SemanticTokens, SemanticTokensDelta>> semanticTokensFullDelta(SemanticTokensDeltaParams params) {
    String uri = params.getTextDocument().getUri();
    return requests.computeParsed(uri,
        (parsed, cancel) -> tokens.delta(uri, params.getPreviousResultId(), tokenPieces.data(uri, parsed, cancel)),
        Either.forLeft(new SemanticTokens(List.of())));
  }

  @Override
  public CompletableFuture<SemanticTokens> semanticTokensRange(SemanticTokensRangeParams params) {
    return requests.computeParsed(params.getTextDocument().getUri(),
        (parsed, cancel) -> SemanticTokensFeature.range(parsed, params.getRange(), cancel), new SemanticTokens(List.of()));
  }

  @Override
  public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
    return requests.computeParsed(params.getTextDocument().getUri(), FoldingRangeFeature::folds, List.of());
  }

  @Override
  public CompletableFuture<List<SelectionRange>> selectionRange(SelectionRangeParams params) {
    return requests.computeParsed(params.getTextDocument().getUri(),
        (parsed, cancel) -> SelectionRangeFeature.ranges(parsed, params.getPositions(), cancel), List.of());
  }

  @Override
  public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
    return requests.compute(params.getTextDocument().getUri(),
        (snapshot, cancel) -> FormattingFeature.document(snapshot, params.getOptions(), cancel), List.of());
  }

  @Override
  public CompletableFuture<List<? extends TextEdit>> rangeFormatting(DocumentRangeFormattingParams params) {
    return requests.compute(params.getTextDocument().getUri(),
        (snapshot, cancel) -> FormattingFeature.range(snapshot, params.getRange(), params.getOptions(), cancel), List.of());
  }
}
