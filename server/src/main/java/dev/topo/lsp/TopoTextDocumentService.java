package dev.topo.lsp;

import dev.topo.workspace.TextDocument;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentPositionParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
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
  private volatile ClientCapabilities client = new ClientCapabilities();

  TopoTextDocumentService(Session session, DiagnosticsScheduler scheduler, Requests requests, Object lock) {
    this.session = session;
    this.scheduler = scheduler;
    this.requests = requests;
    this.lock = lock;
  }

  /** What the client can do, from {@code initialize}; features adapt to it (snippets, say). */
  void setClientCapabilities(ClientCapabilities capabilities) {
    this.client = capabilities;
  }

  private boolean snippetSupport() {
    var text = client.getTextDocument();
    return text != null && text.getCompletion() != null && text.getCompletion().getCompletionItem() != null
        && Boolean.TRUE.equals(text.getCompletion().getCompletionItem().getSnippetSupport());
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
  public CompletableFuture<Hover> hover(HoverParams params) {
    return requests.compute(params.getTextDocument().getUri(),
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
    return requests.compute(params.getTextDocument().getUri(),
        (snapshot, cancel) -> ExplainFeature.explain(session, snapshot, params.getPosition(), cancel), null);
  }
}
