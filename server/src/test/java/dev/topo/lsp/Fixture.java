package dev.topo.lsp;

import dev.topo.ide.Snapshot;
import dev.topo.check.Cancellation;
import dev.topo.workspace.TextDocument;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.eclipse.lsp4j.Position;

/**
 * A cursor-marked text for editor-feature tests: {@code "host we|b {}"} is the text without
 * the {@code |}, with the cursor where it stood. Other documents can be opened beside it
 * (they serve as imports), and {@link #snapshot()} analyses the main one as the server would.
 * A feature is then called directly on its session: no protocol and no threads, unlike
 * {@link TestClient}, which drives a whole server.
 */
public final class Fixture {
  public static final URI ROOT = URI.create("file:///ws/");
  public static final URI MAIN = ROOT.resolve("main.topo");

  private final Session session = new Session();
  /** Where a path of the workspace is. */
  private final Function<String, URI> place;
  private final URI main;
  private final String text;
  private final int offset;

  private Fixture(URI root, Function<String, URI> place, String path, String marked) {
    int cursor = marked.indexOf('|');
    this.place = place;
    this.main = place.apply(path);
    this.offset = Math.max(cursor, 0);
    this.text = cursor < 0 ? marked : marked.substring(0, cursor) + marked.substring(cursor + 1);
    session.setRoots(List.of(root));
    session.documents().open(new TextDocument(main, 1, text));
  }

  /** A fixture whose main document, {@link #MAIN}, is the marked text (a {@code |} marks the cursor). */
  public static Fixture of(String marked) {
    return new Fixture(ROOT, ROOT::resolve, "main.topo", marked);
  }

  /**
   * A fixture whose main document is at {@code path} in a folder on the disk (a temporary
   * one), the workspace root, so that the files there count too.
   */
  public static Fixture at(Path folder, String path, String marked) {
    return new Fixture(folder.toUri(), p -> folder.resolve(p).toUri(), path, marked);
  }

  /** Opens another document beside the main one, for imports and cross-file features. */
  public Fixture with(String path, String text) {
    session.documents().open(new TextDocument(place.apply(path), 1, text));
    session.changed();
    return this;
  }

  public Fixture settings(Settings settings) {
    session.setSettings(settings);
    return this;
  }

  public Session session() {
    return session;
  }

  public String text() {
    return text;
  }

  public int offset() {
    return offset;
  }

  public Snapshot snapshot() {
    return session.snapshot(main, Cancellation.NONE).orElseThrow();
  }

  /** The cursor as an LSP position. */
  public Position position() {
    return Positions.position(snapshot().lines(), offset);
  }

  /** The LSP position of the first occurrence of a piece of text. */
  public Position positionOf(String piece) {
    int at = text.indexOf(piece);
    if (at < 0) {
      throw new IllegalArgumentException("no '" + piece + "' in the fixture");
    }
    return Positions.position(snapshot().lines(), at);
  }
}
