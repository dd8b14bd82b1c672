package dev.topo.lsp;

import dev.topo.check.Analyzer;
import dev.topo.check.BlockFindings;
import dev.topo.check.Analyzer.Analysis;
import dev.topo.check.Cancellation;
import dev.topo.check.Checker;
import dev.topo.check.Config;
import dev.topo.check.rules.Rules;
import dev.topo.ide.Parsed;
import dev.topo.ide.Snapshot;
import dev.topo.model.FileModel;
import dev.topo.model.LineMap;
import dev.topo.syntax.DocumentSyntax;
import dev.topo.workspace.FileSystemSources;
import dev.topo.workspace.Importer;
import dev.topo.workspace.OpenDocuments;
import dev.topo.workspace.ParseCache;
import dev.topo.workspace.SourceProvider;
import dev.topo.workspace.SyntaxSource;
import dev.topo.workspace.TextDocument;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.lsp4j.ClientCapabilities;

/**
 * The server's state: open documents, parsed files, workspace roots, settings and the
 * latest analysis of each document. Features ask it for a {@link Snapshot} and never
 * analyse by themselves. Safe to use from LSP4J's threads and the analysis thread.
 */
public final class Session {
  private final OpenDocuments documents;
  private final ParseCache cache = new ParseCache();
  private final Map<URI, Snapshot> snapshots = new ConcurrentHashMap<>();
  /** Each open document's findings by block, so that an edit re-checks only the blocks it changed. */
  private final Map<URI, BlockFindings> blockFindings = new ConcurrentHashMap<>();
  private final Map<URI, InFlight> inFlight = new ConcurrentHashMap<>();
  private final Map<URI, Config> rootConfigs = new ConcurrentHashMap<>();
  /** Bumped by every change that can alter any analysis: edits, files on disk, settings. */
  private final AtomicLong generation = new AtomicLong();
  /**
   * Requests, analyses and the workspace's indexing under way, and when a document last changed
   * or the last of that work ended: what the keystroke warm-up waits out. The end of work counts
   * too: an editor sending edits or requests back to back leaves no quiet after a change once
   * each takes longer than the quiet the warm-up waits for.
   */
  private final AtomicInteger working = new AtomicInteger();
  private volatile long lastActivity = System.nanoTime();
  /** The .topo files found in the workspace folders, kept current by file events. */
  private final Set<URI> workspaceFiles = ConcurrentHashMap.newKeySet();
  private volatile List<URI> roots = List.of();
  private volatile CurrentSettings settings = new CurrentSettings(Settings.DEFAULT);
  private volatile ClientCapabilities clientCapabilities = new ClientCapabilities();
  /** Whether the client runs the explain command from Markdown links (see HoverFeature). */
  private volatile boolean commandLinks;

  public Session() {
    this(new FileSystemSources());
  }

  /** A session that reads documents that are not open from {@code disk} (a test double, say). */
  Session(SourceProvider disk) {
    this.documents = new OpenDocuments(disk);
  }


  public OpenDocuments documents() {
    return documents;
  }

  public ParseCache cache() {
    return cache;
  }

  /** Every .topo file of the workspace folders, open or not. */
  public Set<URI> workspaceFiles() {
    return workspaceFiles;
  }

  public List<URI> roots() {
    return roots;
  }

  public void setRoots(List<URI> roots) {
    this.roots = List.copyOf(roots);
    changed();
  }

  public Settings settings() {
    return settings.settings;
  }

  public void setSettings(Settings settings) {
    this.settings = new CurrentSettings(settings);
    changed();
  }

  /**
   * The settings, with their rule severities as a configuration made on first use and then
   * once per change of settings, not per analysis. Not before: it loads every rule, and
   * {@code initialize}, which sets the settings, need not wait for that.
   */
  private static final class CurrentSettings {
    final Settings settings;
    private Config ruleConfig;

    CurrentSettings(Settings settings) {
      this.settings = settings;
    }

    synchronized Config ruleConfig() {
      if (ruleConfig == null) {
        ruleConfig = settings.ruleConfig();
      }
      return ruleConfig;
    }
  }

  /** What the client said it supports at {@code initialize}, for features whose answer's shape depends on it. */
  public boolean commandLinks() {
    return commandLinks;
  }

  public void setCommandLinks(boolean commandLinks) {
    this.commandLinks = commandLinks;
  }

  public ClientCapabilities clientCapabilities() {
    return clientCapabilities;
  }

  public void setClientCapabilities(ClientCapabilities capabilities) {
    this.clientCapabilities = capabilities == null ? new ClientCapabilities() : capabilities;
  }

  /** The {@code .topo.json} of a workspace root, or none to forget it. */
  public void setRootConfig(URI root, Config config) {
    if (config == null) {
      rootConfigs.remove(root);
    } else {
      rootConfigs.put(root, config);
    }
    changed();
  }

  private volatile boolean initialized;
  /** Held while documents change, and while diagnostics are checked against them and sent. */
  private final Object lock = new Object();

  /** Before {@code initialize}, the protocol wants requests refused and notifications dropped. */
  public boolean initialized() {
    return initialized;
  }

  public void markInitialized() {
    initialized = true;
  }

  public long generation() {
    return generation.get();
  }

  /** Something changed that any analysis may depend on. */
  public void changed() {
    generation.incrementAndGet();
  }

  /**
   * Changes the documents as one step: no diagnostics are published while it runs, so a
   * publication's version check and its send never straddle an edit.
   */
  public void change(Runnable update) {
    lastActivity = System.nanoTime();
    synchronized (lock) {
      update.run();
      changed();
    }
  }

  /** Runs a request's, an analysis's or the index's work, counted as under way while it runs. */
  <T> T working(Supplier<T> work) {
    working.incrementAndGet();
    try {
      return work.get();
    } finally {
      lastActivity = System.nanoTime();
      working.decrementAndGet();
    }
  }

  /** As {@link #working(Supplier)}, for work that gives nothing back. */
  void working(Runnable work) {
    working(() -> {
      work.run();
      return null;
    });
  }

  /** Whether no request or analysis is under way, and none ended and no document changed for so long. */
  boolean idleFor(long nanos) {
    return working.get() == 0 && System.nanoTime() - lastActivity >= nanos;
  }

  /** Runs an action while no document changes (a version check and what depends on it). */
  public void whileUnchanged(Runnable action) {
    synchronized (lock) {
      action.run();
    }
  }

  /**
   * Whether topo says nothing about a document: a YAML file while {@code topology.yaml.enable}
   * is off, or one that is neither a Kubernetes manifest nor a Compose file (a CI workflow, say),
   * which is no business of topo's even when it is on.
   */
  public boolean silentOn(URI uri) {
    if (!Importer.isYaml(uri)) {
      return false;
    }
    return !settings().yaml() || text(uri).flatMap(Importer.Format::of).isEmpty();
  }

  /**
   * The text of a document: its buffer when the client opened it, else the disk's, read only
   * inside a workspace folder: a request for file:///anything/else must not answer with that
   * file's content.
   */
  private Optional<String> text(URI uri) {
    Optional<TextDocument> open = documents.get(uri);
    if (open.isPresent()) {
      return Optional.of(open.get().text());
    }
    return rootOf(uri) == null ? Optional.empty() : documents.read(uri);
  }

  /**
   * The workspace root that holds a document: the deepest one, or null if none does. Both are
   * compared by their real paths (links, {@code ..}, {@code %2e%2e}, doubled slashes resolved),
   * so that no spelling of a document walks it out of a root, or into one it is not in.
   */
  public URI rootOf(URI document) {
    Optional<Path> path = realPath(document);
    if (path.isEmpty()) {
      return null;
    }
    URI best = null;
    int bestDepth = -1;
    for (URI root : roots) {
      Optional<Path> rootPath = realPath(root);
      if (rootPath.isPresent() && path.get().startsWith(rootPath.get())
          && !path.get().equals(rootPath.get()) && rootPath.get().getNameCount() > bestDepth) {
        best = root;
        bestDepth = rootPath.get().getNameCount();
      }
    }
    return best;
  }

  /**
   * The folder a document's program may not leave: its workspace root, else (outside every
   * workspace folder, or with none) its own folder, never none. A document that is not a file
   * ({@code untitled:}) is its own boundary: it imports nothing.
   */
  public URI boundaryOf(URI document) {
    URI root = rootOf(document);
    if (root != null) {
      return root;
    }
    try {
      Path folder = "file".equals(document.getScheme()) ? Path.of(document).getParent() : null;
      return folder == null ? document : documents.canonical(folder.toUri());
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return document;
    }
  }

  /** A file's real path (decoded, links resolved), none for another scheme or a URI that names no path here. */
  private Optional<Path> realPath(URI uri) {
    try {
      return "file".equals(uri.getScheme()) ? Optional.of(Path.of(documents.canonical(uri)).normalize()) : Optional.empty();
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return Optional.empty();
    }
  }


  /** The configuration for a document: its root's file, then the client's settings over it. */
  public Config configFor(URI document) {
    URI root = rootOf(document);
    Config file = root == null ? Config.DEFAULT : rootConfigs.getOrDefault(root, Config.DEFAULT);
    return file.overriddenBy(settings.ruleConfig());
  }

  /**
   * Whether the {@code .topo.json} of a document's root leaves it out ({@code "exclude"}): it is
   * not checked, as {@code topo check} does not check it, but it is still edited with every
   * other feature (a generated file may be opened to read it).
   */
  public boolean excluded(URI document) {
    return configFor(document).excludes(document);
  }

  /**
   * The analysis of a document at its current text: the cached one if nothing changed
   * since, else a fresh one. Empty when the document is neither open nor readable, or not
   * open and outside every workspace folder. An open document's version is analysed once,
   * whoever asks: the diagnostics and the requests an editor sends after a keystroke wait for
   * the one analysis under way instead of each running their own on the same two cores.
   */
  public Optional<Snapshot> snapshot(URI uri, Cancellation cancel) {
    long at = generation.get();
    Optional<TextDocument> open = documents.get(uri);
    TextDocument document = open.orElseGet(() -> unopened(uri));
    if (document == null) {
      return Optional.empty();
    }
    Snapshot cached = snapshots.get(uri);
    // Every change bumps the generation and replaces the open document, so an unchanged
    // generation and the very same document mean nothing changed: no text to compare.
    if (cached != null && cached.generation() == at && cached.document() == document) {
      return Optional.of(cached);
    }
    if (open.isEmpty()) {
      return Optional.of(analyse(uri, document, at, cancel));
    }
    InFlight mine = new InFlight(at, document);
    InFlight shared = inFlight.compute(uri, (k, old) -> old != null && old.generation == at && old.document == document ? old : mine);
    shared.askers.add(cancel);
    if (shared != mine) {
      try {
        return Optional.of(shared.await(cancel));
      } catch (CancellationException e) {
        if (cancel.isCancelled() || documents.get(uri).orElse(null) != document) {
          throw e;
        }
        return snapshot(uri, cancel); // whoever ran it gave up before this asker joined
      }
    }
    try {
      // Shared work stops when the document changes (every asker wants the new version) or
      // when everyone who asked has been cancelled.
      Snapshot fresh = analyse(uri, document, at, () -> documents.get(uri).orElse(null) != document || mine.abandoned());
      snapshots.put(uri, fresh);
      mine.result.complete(fresh);
      return Optional.of(fresh);
    } catch (RuntimeException | Error e) {
      mine.result.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(uri, mine);
    }
  }

  /**
   * A document's parse and model alone, for what reads nothing else (colours, folds, the
   * outline): the last snapshot's when it is of the current text, else the parse cache's,
   * without waiting for an analysis.
   */
  public Optional<Parsed> parsed(URI uri) {
    TextDocument document = documents.get(uri).orElseGet(() -> unopened(uri));
    if (document == null) {
      return Optional.empty();
    }
    Snapshot cached = snapshots.get(uri);
    if (cached != null && cached.document() == document) {
      return Optional.of(cached);
    }
    FileModel file = cache.get(uri, document.text());
    return Optional.of(Parsed.of(document, file, cache.syntax(file)));
  }

  /** A document the client has not opened, as {@link #text} reads it (only inside a workspace folder); null if not. */
  private TextDocument unopened(URI uri) {
    return text(uri).map(t -> new TextDocument(uri, -1, t)).orElse(null);
  }

  private Snapshot analyse(URI uri, TextDocument document, long at, Cancellation cancel) {
    Config config = configFor(uri);
    // An excluded document is analysed with no rules: its program for the editor, no findings.
    Checker checker = new Checker(config.excludes(uri) ? List.of() : Rules.all(), config);
    Analyzer analyzer = new Analyzer(documents, cache, boundaryOf(uri), checker);
    BlockFindings blocks = documents.get(uri).isPresent() ? blockFindings.computeIfAbsent(uri, u -> new BlockFindings()) : null;
    Analysis analysis = analyzer.analyze(uri, document.text(), cancel, blocks);
    return new Snapshot(document, analysis, at, syntaxes(analysis.program().root()));
  }

  /** An analysis under way, and who is waiting for it. */
  private static final class InFlight {
    final long generation;
    final TextDocument document;
    final CompletableFuture<Snapshot> result = new CompletableFuture<>();
    final List<Cancellation> askers = new CopyOnWriteArrayList<>();

    InFlight(long generation, TextDocument document) {
      this.generation = generation;
      this.document = document;
    }

    boolean abandoned() {
      return askers.stream().allMatch(Cancellation::isCancelled);
    }

    /** The shared result, or a cancellation as soon as this asker's comes. */
    Snapshot await(Cancellation cancel) {
      while (true) {
        cancel.check();
        try {
          return result.get(10, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          // ask again whether still wanted
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          throw (Error) e.getCause();
        }
      }
    }
  }

  /**
   * The syntax of a program's files from the cache, the root's taken now: an edit that comes
   * before a feature reads it replaces the cache's entry, and must not make the feature parse.
   */
  private SyntaxSource syntaxes(FileModel root) {
    DocumentSyntax rootSyntax = cache.syntax(root);
    return file -> file == root ? rootSyntax : cache.syntax(file);
  }

  /** The last snapshot taken of a document, whatever changed since (to find dependents). */
  public Optional<Snapshot> lastSnapshot(URI uri) {
    return Optional.ofNullable(snapshots.get(uri));
  }

  public void forget(URI uri) {
    snapshots.remove(uri);
    blockFindings.remove(uri);
  }
}
