package dev.topo.lsp;

import dev.topo.check.Finding;
import dev.topo.ide.Snapshot;
import dev.topo.model.FileModel;
import dev.topo.model.ProblemCode;
import dev.topo.workspace.TextDocument;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.lsp4j.PublishDiagnosticsParams;

/**
 * Re-analyses documents after changes, off LSP4J's message thread, and publishes their
 * diagnostics. There is no debounce: each request carries a ticket, a newer request for the
 * same document makes the older one stale, and a stale run stops at its next check and
 * publishes nothing. A document is published only for the version that was analysed.
 */
public final class DiagnosticsScheduler {
  private final Session session;
  private final ExecutorService executor;
  private final Consumer<PublishDiagnosticsParams> publisher;
  private final Map<URI, AtomicLong> tickets = new ConcurrentHashMap<>();
  private volatile boolean push = true;
  private volatile Consumer<String> failures = message -> System.err.println("[topo] " + message);
  /** Documents past a limit of the analysis whose limit the log has told; a document is told once. */
  private final Set<URI> toldOverLimit = ConcurrentHashMap.newKeySet();

  /** Where analysis failures, and documents past a limit of the analysis, are reported (the client's log). */
  public void onFailure(Consumer<String> failures) {
    this.failures = failures;
  }

  /**
   * @param publisher sends diagnostics; it is called while the session's documents cannot
   *     change, so that the version check and the send are one step
   */
  public DiagnosticsScheduler(Session session, ExecutorService executor, Consumer<PublishDiagnosticsParams> publisher) {
    this.session = session;
    this.executor = executor;
    this.publisher = publisher;
  }

  /** What asks a pulling client to pull again ({@code workspace/diagnostic/refresh}). */
  private volatile Runnable refresh = () -> { };

  /** With pull diagnostics the client asks; nothing is pushed. */
  public void setPush(boolean push) {
    this.push = push;
  }

  /**
   * In pull mode, how to tell the client that diagnostics it did not ask about changed
   * (an importer of an edited file, all files after a change of settings).
   */
  public void onRefresh(Runnable refresh) {
    this.refresh = refresh;
  }

  /** A document changed (or opened): re-check it and every open document that imports it. */
  public void changed(URI uri) {
    Set<URI> targets = new LinkedHashSet<>();
    if (session.documents().get(uri).isPresent()) {
      targets.add(uri);
    }
    List<URI> dependents = dependents(uri);
    targets.addAll(dependents);
    if (!push && !dependents.isEmpty()) {
      refresh.run();
    }
    targets.forEach(this::schedule);
  }

  /** Re-check every open document (after a change of settings or configuration). */
  public void all() {
    if (!push) {
      refresh.run();
    }
    session.documents().all().forEach(d -> schedule(d.uri()));
  }

  /** Open documents whose last analysed program included this file. */
  List<URI> dependents(URI uri) {
    return session.documents().all().stream().map(TextDocument::uri)
        .filter(open -> !open.equals(uri))
        .filter(open -> session.lastSnapshot(open).map(s -> includes(s, uri)).orElse(false))
        .toList();
  }

  private static boolean includes(Snapshot snapshot, URI uri) {
    for (FileModel file : snapshot.analysis().program().files()) {
      if (file.uri().normalize().equals(uri.normalize())) {
        return true;
      }
    }
    return false;
  }

  private void schedule(URI uri) {
    if (!push) {
      return;
    }
    long ticket = tickets.computeIfAbsent(uri, k -> new AtomicLong()).incrementAndGet();
    executor.execute(() -> session.working(() -> run(uri, ticket)));
  }

  private boolean stale(URI uri, long ticket) {
    return tickets.get(uri).get() != ticket;
  }

  private void run(URI uri, long ticket) {
    if (stale(uri, ticket)) {
      return;
    }
    if (session.silentOn(uri)) {
      // Clears what was said before the setting was turned off or the file stopped being a manifest.
      session.whileUnchanged(() -> {
        if (!stale(uri, ticket)) {
          Integer version = session.documents().get(uri).map(TextDocument::version).orElse(null);
          publisher.accept(new PublishDiagnosticsParams(uri.toString(), List.of(), version));
        }
      });
      return;
    }
    try {
      session.snapshot(uri, () -> stale(uri, ticket)).ifPresent(snapshot -> {
        var diagnostics = DiagnosticsFeature.diagnostics(snapshot, session.settings());
        session.whileUnchanged(() -> {
          boolean current = session.documents().get(uri)
              .map(d -> d.version() == snapshot.document().version()).orElse(false);
          if (current && !stale(uri, ticket)) {
            publisher.accept(new PublishDiagnosticsParams(uri.toString(), diagnostics, snapshot.document().version()));
          }
        });
        tellOverLimit(uri, snapshot);
      });
    } catch (CancellationException e) {
      // a newer change superseded this run
    } catch (RuntimeException | StackOverflowError e) {
      // A bug must not silence a document for good: say so, and the next edit tries again.
      failures.accept("analysis of " + uri + " failed: " + e);
    } catch (OutOfMemoryError e) {
      // What this analysis held is garbage now: the other documents are still served.
      failures.accept("analysis of " + uri + " ran out of memory; the other documents are still analysed");
    }
  }

  /** Says once in the log that a document is past a limit of the analysis, beside its diagnostic. */
  private void tellOverLimit(URI uri, Snapshot snapshot) {
    Optional<Finding> limit = snapshot.analysis().findings().stream()
        .filter(f -> f.rule().id().equals(ProblemCode.ANALYSIS_LIMIT.id()) && f.span().source().equals(uri)).findFirst();
    if (limit.isEmpty()) {
      toldOverLimit.remove(uri);
    } else if (toldOverLimit.add(uri)) {
      failures.accept(uri + " is past a limit of the analysis: " + limit.get().message());
    }
  }

  /** Clears a closed document's diagnostics. */
  public void closed(URI uri) {
    tickets.computeIfAbsent(uri, k -> new AtomicLong()).incrementAndGet();
    if (push) {
      session.whileUnchanged(() -> publisher.accept(new PublishDiagnosticsParams(uri.toString(), List.of())));
    }
  }
}
