package dev.topo.workspace;

import dev.topo.model.FileModel;
import dev.topo.model.Limits;
import dev.topo.syntax.DocumentSyntax;
import dev.topo.syntax.IncrementalParse;
import dev.topo.syntax.SyntaxTree;
import dev.topo.syntax.TopologySyntax;
import dev.topo.yaml.Manifests;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * File models and their concrete syntax by document, reused while the text is unchanged: an
 * import that many programs share is parsed once, an edit re-parses only the block it
 * touches when it can, and the editor's features read the syntax of the parse the
 * diagnostics made instead of parsing again. Safe to use from several threads.
 */
public final class ParseCache implements SyntaxSource {
  /** How many times the cache parsed a text whole, and how many edits it served by re-parsing a piece. */
  public record Parses(long full, long incremental) {}

  /** @param tokens how many tokens the text has, for the limit an edit must not pass unseen */
  private record Entry(FileModel model, DocumentSyntax syntax, long tokens) {}

  /** A version being parsed, and what its parse will give: a second thread asking for it waits instead of parsing it too. */
  private record Pending(String text, CompletableFuture<Entry> entry) {}

  private final ConcurrentHashMap<URI, Entry> entries = new ConcurrentHashMap<>();
  /** At most one parse under way per document, so that one keystroke's text is not parsed twice at once. */
  private final ConcurrentHashMap<URI, Pending> parsing = new ConcurrentHashMap<>();
  private final LongAdder full = new LongAdder();
  private final LongAdder incremental = new LongAdder();
  /** Whether each version keeps the syntax its parse made; else it is parsed again if ever read. */
  private final boolean keepSyntax;
  /** What manifests leave unsaid (a cluster's or host's name, a host's size). */
  private final Manifests.Defaults manifests;

  /** A cache for the editor: each version keeps its syntax, so that features never parse. */
  public ParseCache() {
    this(true, Manifests.Defaults.NONE);
  }

  private ParseCache(boolean keepSyntax, Manifests.Defaults manifests) {
    this.keepSyntax = keepSyntax;
    this.manifests = manifests;
  }

  /**
   * A cache for a batch run that reads only models (a check from the command line): trees
   * are dropped once their models are built, which halves the memory a run holds; a syntax
   * read all the same is parsed then.
   */
  public static ParseCache modelsOnly() {
    return modelsOnly(Manifests.Defaults.NONE);
  }

  /** As {@link #modelsOnly()}, reading manifests with what the command line says of them. */
  public static ParseCache modelsOnly(Manifests.Defaults manifests) {
    return new ParseCache(false, manifests);
  }

  public FileModel get(URI uri, String text) {
    return entry(uri, text).model();
  }

  /**
   * The syntax of a file this cache parsed (made lazily, once per version). A version the
   * cache no longer holds (an edit came since) is parsed whole if its syntax is read.
   */
  @Override
  public DocumentSyntax syntax(FileModel file) {
    Entry cached = entries.get(file.uri());
    if (cached != null && (cached.model() == file || cached.model().text().equals(file.text()))) {
      return cached.syntax();
    }
    return DocumentSyntax.parsing(file.uri(), file.text(), this::parseWhole);
  }

  public void forget(URI uri) {
    entries.remove(uri);
  }

  /** What the cache has parsed so far, for tests that check nothing is parsed twice. */
  public Parses parses() {
    return new Parses(full.sum(), incremental.sum());
  }

  /**
   * The entry of a version, parsed here unless it is held or being parsed: after a keystroke the
   * analysis and the requests that read only the parse (colours, folds, the outline) ask for the
   * same text at the same moment on different threads.
   */
  private Entry entry(URI uri, String text) {
    Entry cached = held(uri, text);
    if (cached != null) {
      return cached;
    }
    Pending mine = new Pending(text, new CompletableFuture<>());
    Pending other = parsing.putIfAbsent(uri, mine);
    if (other != null) {
      if (other.text().equals(text)) {
        try {
          return other.entry().join();
        } catch (CompletionException e) {
          // Its parse failed: this thread tries and fails on its own.
        }
      }
      return parse(uri, text); // another version is under way: parsed beside it, as before
    }
    try {
      Entry entry = held(uri, text); // it may have been put between the first look and the registration
      entry = entry != null ? entry : parse(uri, text);
      mine.entry().complete(entry);
      return entry;
    } catch (RuntimeException | Error e) {
      mine.entry().completeExceptionally(e);
      throw e;
    } finally {
      parsing.remove(uri, mine);
    }
  }

  private Entry held(URI uri, String text) {
    Entry cached = entries.get(uri);
    return cached != null && cached.model().text().equals(text) ? cached : null;
  }

  private Entry parse(URI uri, String text) {
    Entry cached = entries.get(uri);
    // An edit inside one block of a document already parsed re-parses only that block.
    Entry fresh = cached == null || Manifests.isYaml(uri) ? null : IncrementalParse.reparsePiece(cached.model(), text).map(r -> {
      // Edits one block at a time must not grow a file past the token limit that a whole parse keeps.
      long tokens = cached.tokens() - TopologySyntax.tokenCount(cached.model().text().substring(r.start(), r.oldEnd()))
          + TopologySyntax.tokenCount(r.piece());
      if (tokens > Limits.MAX_TOKENS) {
        return null;
      }
      incremental.increment();
      return new Entry(r.model(), keepSyntax ? cached.syntax().edit(text, r.start(), r.oldEnd(), r.piece())
          : DocumentSyntax.parsing(uri, text, this::parseWhole), tokens);
    }).orElse(null);
    if (fresh == null && Manifests.isYaml(uri)) {
      // A Kubernetes or Compose file: its model comes from the YAML; it has no topo syntax to show.
      fresh = new Entry(Manifests.read(uri, text, manifests), DocumentSyntax.of(TopologySyntax.parseTree(uri, "")), 0);
    }
    if (fresh == null) {
      SyntaxTree tree = parseWhole(uri, text);
      fresh = new Entry(TopologySyntax.model(tree),
          keepSyntax ? DocumentSyntax.of(tree) : DocumentSyntax.parsing(uri, text, this::parseWhole),
          TopologySyntax.tokenCount(tree));
    }
    entries.put(uri, fresh);
    return fresh;
  }

  private SyntaxTree parseWhole(URI uri, String text) {
    full.increment();
    return TopologySyntax.parseTree(uri, text);
  }
}
