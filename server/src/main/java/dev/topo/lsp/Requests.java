package dev.topo.lsp;

import dev.topo.ide.Parsed;
import dev.topo.ide.Snapshot;
import dev.topo.check.Cancellation;
import dev.topo.workspace.Importer;
import dev.topo.workspace.TextDocument;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.BiFunction;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Runs a request's work on the request threads, with the snapshot of its document and a
 * cancellation that follows {@code $/cancelRequest}. A feature that throws becomes an error
 * response with its message; the server goes on serving.
 */
public final class Requests {
  private final Session session;
  private final ExecutorService executor;
  /** Where work on the parse alone runs, so that it never queues behind requests waiting for an analysis. */
  private final ExecutorService parseExecutor;

  Requests(Session session, ExecutorService executor) {
    this(session, executor, executor);
  }

  Requests(Session session, ExecutorService executor, ExecutorService parseExecutor) {
    this.session = session;
    this.executor = executor;
    this.parseExecutor = parseExecutor;
  }

  /**
   * Computes an answer from the document's snapshot, or answers {@code none} when the
   * document is neither open nor readable, or is YAML: in a Kubernetes manifest or a Compose
   * file only what speaks of findings answers ({@link #computeOnYaml}), so that topo's
   * completions, symbols or formatting never mix with a YAML extension's.
   */
  public <T> CompletableFuture<T> compute(String uri, BiFunction<Snapshot, Cancellation, T> work, T none) {
    return compute(uri, work, none, false);
  }

  /**
   * Like {@link #compute}, for what speaks of findings (diagnostics, hovers, explanations),
   * which answers on a YAML document too, when topo checks it ({@link Session#silentOn}).
   */
  public <T> CompletableFuture<T> computeOnYaml(String uri, BiFunction<Snapshot, Cancellation, T> work, T none) {
    return compute(uri, work, none, true);
  }

  /**
   * Like {@link #compute}, for what reads only the document's parse (colours, folds,
   * selections, the outline, links): answered without waiting for the analysis of an edit.
   */
  public <T> CompletableFuture<T> computeParsed(String uri, BiFunction<Parsed, Cancellation, T> work, T none) {
    return compute(parseExecutor, uri, (document, cancel) -> session.parsed(document), work, none, false);
  }

  private <T> CompletableFuture<T> compute(String uri, BiFunction<Snapshot, Cancellation, T> work, T none, boolean onYaml) {
    return compute(executor, uri, session::snapshot, work, none, onYaml);
  }

  private <S, T> CompletableFuture<T> compute(ExecutorService executor, String uri,
      BiFunction<URI, Cancellation, Optional<S>> source, BiFunction<? super S, Cancellation, T> work, T none,
      boolean onYaml) {
    if (!session.initialized()) {
      return notInitialized();
    }
    // The version the request was sent for: messages come in order, so it is the one open now.
    Optional<TextDocument> asked = openNow(uri);
    return CompletableFutures.computeAsync(executor, checker -> session.working(() -> {
      Cancellation cancel = cancellation(checker);
      try {
        URI document = Uris.parse(uri);
        if (onYaml ? session.silentOn(document) : Importer.isYaml(document)) {
          return none;
        }
        if (session.documents().get(document).orElse(null) != asked.orElse(null)) {
          // An edit came before the work started: an answer about the new text would be read
          // against the old, and working it out would delay the requests for the new one.
          throw new ResponseErrorException(new ResponseError(ResponseErrorCode.ContentModified,
              "the document changed before topo could answer", null));
        }
        return source.apply(document, cancel).map(s -> work.apply(s, cancel)).orElse(none);
      } catch (CancellationException | ResponseErrorException e) {
        throw e; // a cancellation, or a refusal the feature worded for the user (an invalid new name)
      } catch (RuntimeException | StackOverflowError e) {
        throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InternalError,
            "topo could not answer: " + e, null));
      }
    }));
  }

  private Optional<TextDocument> openNow(String uri) {
    try {
      return session.documents().get(Uris.parse(uri));
    } catch (RuntimeException e) {
      return Optional.empty(); // a bad address: the work says so
    }
  }

  /** Work that needs no document (workspace symbols, say). */
  public <T> CompletableFuture<T> compute(java.util.function.Function<Cancellation, T> work) {
    if (!session.initialized()) {
      return notInitialized();
    }
    return CompletableFutures.computeAsync(executor, checker -> session.working(() -> work.apply(cancellation(checker))));
  }

  private static <T> CompletableFuture<T> notInitialized() {
    return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
        ResponseErrorCode.ServerNotInitialized, "the server is not initialized yet: send initialize first", null)));
  }

  /** LSP4J's cancel checker, as the core's cancellation. */
  static Cancellation cancellation(CancelChecker checker) {
    return () -> {
      try {
        checker.checkCanceled();
        return false;
      } catch (CancellationException e) {
        return true;
      }
    };
  }
}
