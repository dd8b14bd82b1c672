package dev.topo.ide;

import dev.topo.check.Analyzer;
import dev.topo.check.Analyzer.Analysis;
import dev.topo.check.Cancellation;
import dev.topo.check.Checker;
import dev.topo.check.Config;
import dev.topo.check.rules.Rules;
import dev.topo.workspace.MemorySources;
import dev.topo.workspace.ParseCache;
import dev.topo.workspace.SourceProvider;
import dev.topo.workspace.TextDocument;
import java.net.URI;
import java.util.Collection;

/**
 * A cursor-marked text for the editor layer's tests, with no server around it: {@code "host
 * we|b {}"} is the text without the {@code |}, the cursor where it stood. Other documents
 * (imports) can be put beside it; {@link #snapshot()} analyses the main one as the server
 * would, with the same parse cache, so features read the syntax a real snapshot holds.
 */
public final class Marked {
  public static final URI MAIN = MemorySources.uri("main.topo");

  private final MemorySources sources = new MemorySources();
  private final String text;
  private final int offset;
  private Config config = Config.DEFAULT;

  private Marked(String marked) {
    int cursor = marked.indexOf('|');
    this.offset = Math.max(cursor, 0);
    this.text = cursor < 0 ? marked : marked.substring(0, cursor) + marked.substring(cursor + 1);
    sources.with("main.topo", text);
  }

  /** The main document, {@link #MAIN}: the marked text (a {@code |} marks the cursor). */
  public static Marked of(String marked) {
    return new Marked(marked);
  }

  /** Another document beside the main one, for imports and cross-file features. */
  public Marked with(String path, String otherText) {
    sources.with(path, otherText);
    return this;
  }

  /** The rules' configuration (severities, rules turned off). */
  public Marked config(Config config) {
    this.config = config;
    return this;
  }

  /**
   * The documents as the workspace around the snapshot, for cross-file features: every one
   * of them is a file to search, and {@link MemorySources#ROOT} is their root.
   */
  public Workspace workspace() {
    ParseCache cache = new ParseCache();
    return new Workspace() {
      @Override
      public Collection<URI> files() {
        return sources.uris();
      }

      @Override
      public SourceProvider sources() {
        return sources;
      }

      @Override
      public ParseCache cache() {
        return cache;
      }

      @Override
      public URI rootOf(URI document) {
        return MemorySources.ROOT;
      }
    };
  }

  public String text() {
    return text;
  }

  /** Where the {@code |} stood. */
  public int offset() {
    return offset;
  }

  /** Where a piece of the text first starts. */
  public int offsetOf(String piece) {
    int at = text.indexOf(piece);
    if (at < 0) {
      throw new IllegalArgumentException("no '" + piece + "' in the text");
    }
    return at;
  }

  /** The main document analysed as the root of its program. */
  public Snapshot snapshot() {
    ParseCache cache = new ParseCache();
    Analysis analysis = new Analyzer(sources, cache, MemorySources.ROOT, new Checker(Rules.all(), config))
        .analyze(MAIN, text, Cancellation.NONE);
    return new Snapshot(new TextDocument(MAIN, 1, text), analysis, 0, cache::syntax);
  }
}
