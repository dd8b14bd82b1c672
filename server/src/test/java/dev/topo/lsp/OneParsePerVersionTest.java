package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.topo.syntax.TopologySyntax;
import dev.topo.workspace.ParseCache;
import java.net.URI;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SelectionRangeParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SemanticTokensRangeParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;
import org.mockito.Mockito;

/**
 * No editor request parses a document again: the version's one parse (full when opened,
 * of one block after an edit) is what diagnostics, colours, folds, selections, formatting
 * and the rest read. The real text-document service runs on the test's thread (its
 * executors run work where it is submitted), and a static mock of {@link TopologySyntax}
 * scoped to that thread counts every parse of the document, by its URI or by its text,
 * whoever makes it.
 */
class OneParsePerVersionTest {
  static final URI URI_ = URI.create("file:///one-parse/ws/main.topo");
  static final String TEXT = """
      host h {
        os linux
        cpu 8
        memory 16GiB
        runtime docker "24.0"
        container c {
          os   linux
          image "registry.example.com/c:1.0"
        }
      }
      """;

  /** Runs each task at once on the thread that submits it. */
  static class OnTheSpot extends AbstractExecutorService {
    @Override
    public void execute(Runnable command) {
      command.run();
    }

    @Override
    public void shutdown() {}

    @Override
    public List<Runnable> shutdownNow() {
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return false;
    }

    @Override
    public boolean isTerminated() {
      return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return true;
    }
  }

  @Test
  void requestsForAVersionReadTheParseItsAnalysisMade() throws Exception {
    Session session = new Session();
    session.markInitialized();
    OnTheSpot here = new OnTheSpot();
    DiagnosticsScheduler scheduler = new DiagnosticsScheduler(session, here, published -> { });
    TopoTextDocumentService service = new TopoTextDocumentService(session, scheduler, new Requests(session, here));
    TextDocumentIdentifier id = new TextDocumentIdentifier(URI_.toString());
    String edited = TEXT.replace("cpu 8", "cpu 16");

    AtomicInteger parses = new AtomicInteger();
    try (MockedStatic<TopologySyntax> counted = Mockito.mockStatic(TopologySyntax.class, invocation -> {
      if (invocation.getMethod().getName().equals("parseTree")
          && (URI_.equals(invocation.getArgument(0)) || edited.equals(invocation.getArgument(1)))) {
        parses.incrementAndGet();
      }
      return invocation.callRealMethod();
    })) {
      service.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI_.toString(), "topology", 1, TEXT)));
      assertEquals(1, parses.get(), "opening parses the document once, and the count sees it");
      service.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI_.toString(), 2),
          List.of(new TextDocumentContentChangeEvent(new Range(new Position(2, 6), new Position(2, 7)), "16"))));
      assertEquals(edited, session.documents().get(URI_).orElseThrow().text());
      assertEquals(new ParseCache.Parses(1, 1), session.cache().parses(), "the edit re-parsed one block");
      int version = parses.get();
      assertEquals(2, version, "the edit's one parse, of the block it touched");

      Range whole = new Range(new Position(0, 0), new Position(11, 0));
      FormattingOptions options = new FormattingOptions(2, true);
      List<Supplier<CompletableFuture<?>>> requests = List.of(
          () -> service.hover(new HoverParams(id, new Position(0, 5))),
          () -> service.completion(new CompletionParams(id, new Position(7, 4))),
          () -> service.semanticTokensFull(new SemanticTokensParams(id)),
          () -> service.semanticTokensRange(new SemanticTokensRangeParams(id, whole)),
          () -> service.foldingRange(new FoldingRangeRequestParams(id)),
          () -> service.selectionRange(new SelectionRangeParams(id, List.of(new Position(6, 8), new Position(2, 7)))),
          () -> service.documentSymbol(new DocumentSymbolParams(id)),
          () -> service.codeLens(new CodeLensParams(id)),
          () -> service.inlayHint(new InlayHintParams(id, whole)),
          () -> service.formatting(new DocumentFormattingParams(id, options)),
          () -> service.rangeFormatting(new DocumentRangeFormattingParams(id, options, whole)));
      for (int i = 0; i < requests.size(); i++) {
        assertNotNull(requests.get(i).get().get(), "request " + i + " was answered");
        assertEquals(version, parses.get(), "request " + i + " parsed the document again");
      }
      assertFalse(service.formatting(new DocumentFormattingParams(id, options)).get().isEmpty(),
          "formatting, read from the shared syntax, still formats");

      List<?> actions = service.codeAction(new CodeActionParams(id, whole, new CodeActionContext(List.of()))).get();
      assertFalse(actions.isEmpty(), "a container without limits has a quick fix");
      assertEquals(version, parses.get(), "code actions read the statements of the snapshot's syntax");
    }
  }
}
