package dev.topo.lsp;

import dev.topo.workspace.TextDocument;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.SelectionRange;
import org.eclipse.lsp4j.SelectionRangeParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SemanticTokensRangeParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The {@code textDocument/*} methods. Document changes update the session under one lock
 * and hand re-analysis to the scheduler; each feature is a one-line delegation to its class.
 */
public final class TopoTextDocumentService implements TextDocumentService {
  private final Session session;
  private final DiagnosticsScheduler scheduler;
  private final Requests requests;
  private final Object lock;

  TopoTextDocumentService(Session session, DiagnosticsScheduler scheduler, Requests requests, Object lock) {
    this.session = session;
    this.scheduler = scheduler;
    this.requests = requests;
    this.lock = lock;
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    var item = params.getTextDocument();
    URI uri = Uris.parse(item.getUri());
    synchronized (lock) {
      session.documents().open(new TextDocument(uri, item.getVersion(), item.getText()));
      session.changed();
    }
    scheduler.changed(uri);
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    URI uri = Uris.parse(params.getTextDocument().getUri());
    int version = params.getTextDocument().getVersion();
    synchronized (lock) {
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
      session.changed();
    }
    scheduler.changed(uri);
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    URI uri = Uris.parse(params.getTextDocument().getUri());
    synchronized (lock) {
      session.documents().close(uri);
      session.forget(uri);
      session.changed();
    }
    scheduler.closed(uri);
    scheduler.changed(uri); // importers now see the file on disk
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    // The buffer is already the truth; saving changes nothing to analyse.
  }

  @Override
  public CompletableFuture<DocumentDiagnosticReport> diagnostic(DocumentDiagnosticParams params) {
    return requests.compute(params.getTextDocument().getUri(), (snapshot, cancel) -> new DocumentDiagnosticReport(
        new RelatedFullDocumentDiagnosticReport(DiagnosticsFeature.diagnostics(snapshot, session.settings()))),
        new DocumentDiagnosticReport(new RelatedFullDocumentDiagnosticReport(List.of())));
  }

  @Override
  public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
    return requests.compute(params.getTextDocument().getUri(), SemanticTokensFeature::full, new SemanticTokens(List.of()));
  }

  @Override
  public CompletableFuture<SemanticTokens> semanticTokensRange(SemanticTokensRangeParams params) {
    return requests.compute(params.getTextDocument().getUri(),
        (snapshot, cancel) -> SemanticTokensFeature.range(snapshot, params.getRange(), cancel), new SemanticTokens(List.of()));
  }

  @Override
  public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
    return requests.compute(params.getTextDocument().getUri(), (snapshot, cancel) -> FoldingRangeFeature.folds(snapshot),
        List.of());
  }

  @Override
  public CompletableFuture<List<SelectionRange>> selectionRange(SelectionRangeParams params) {
    return requests.compute(params.getTextDocument().getUri(),
        (snapshot, cancel) -> SelectionRangeFeature.ranges(snapshot, params.getPositions()), List.of());
  }

  @Override
  public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
    return requests.compute(params.getTextDocument().getUri(),
        (snapshot, cancel) -> FormattingFeature.document(snapshot, params.getOptions()), List.of());
  }

  @Override
  public CompletableFuture<List<? extends TextEdit>> rangeFormatting(DocumentRangeFormattingParams params) {
    return requests.compute(params.getTextDocument().getUri(),
        (snapshot, cancel) -> FormattingFeature.range(snapshot, params.getRange(), params.getOptions()), List.of());
  }
}
