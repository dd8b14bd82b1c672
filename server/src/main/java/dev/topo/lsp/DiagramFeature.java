package dev.topo.lsp;

import com.google.gson.JsonObject;
import dev.topo.check.Cancellation;
import dev.topo.diagram.Diagram;
import dev.topo.diagram.DiagramJson;
import dev.topo.diagram.Drawing;
import dev.topo.diagram.SvgWriter;
import dev.topo.ide.DiagramView;
import dev.topo.ide.Snapshot;
import dev.topo.workspace.Program;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The custom request {@code topology/diagram} behind the VS Code extension's "Show Diagram":
 * the program of a document's snapshot, laid out ({@link DiagramJson}) and drawn
 * ({@link SvgWriter}). The layout takes from milliseconds to seconds on a big design, so the
 * last one for each document is kept and given again while its snapshot is the same (same
 * generation): a webview that asks again for an unchanged program gets it at once.
 */
public final class DiagramFeature {
  public static final String METHOD = "topology/diagram";

  /**
   * What the extension sends.
   *
   * @param uri the document whose program is drawn
   * @param focus a top-level host or cluster to draw with what it touches (the whole program when null or unknown)
   * @param standalone the SVG with its own style sheet, to save as a file; else the one the webview styles
   */
  public record Params(String uri, String focus, Boolean standalone) {}

  /**
   * The answer on the wire: {@code { "diagram": <DiagramJson>, "svg": "<svg ...>", "files": [uri...] }}.
   *
   * @param files the documents of the program (the document and what it imports): an edit to
   *     any of them changes the picture, so the extension redraws on those
   */
  public record Answer(JsonObject diagram, String svg, List<String> files) {}

  /** A laid-out diagram of a document, at one generation of the session, with its JSON and webview SVG. */
  private record Drawn(long generation, String focus, Diagram laidOut, JsonObject json, String svg, List<String> files) {}

  private final Map<URI, Drawn> last = new ConcurrentHashMap<>();

  /**
   * The diagram of the snapshot's program, laid out again only when the snapshot changed
   * since the last time (or the focus did). The standalone SVG, asked for an export, is
   * written from the kept layout.
   */
  public Answer draw(Session session, Snapshot snapshot, String focus, boolean standalone, Cancellation cancel) {
    URI uri = snapshot.document().uri();
    String focused = focus == null || focus.isBlank() ? null : focus;
    Drawn drawn = last.get(uri);
    if (drawn == null || drawn.generation() != snapshot.generation() || !Objects.equals(drawn.focus(), focused)) {
      drawn = draw(session, snapshot, focused, cancel);
      last.merge(uri, drawn, (kept, fresh) -> fresh.generation() >= kept.generation() ? fresh : kept); // a late older answer keeps out
    }
    return new Answer(drawn.json(), standalone ? SvgWriter.standalone(drawn.laidOut()) : drawn.svg(), drawn.files());
  }

  private static Drawn draw(Session session, Snapshot snapshot, String focus, Cancellation cancel) {
    cancel.check();
    DiagramView view = DiagramView.of(snapshot, session.settings().showInfo());
    List<Program> program = List.of(view.program());
    Diagram laidOut = Drawing.of(program, view.findings(), Optional.ofNullable(focus), cancel)
        .or(() -> Drawing.of(program, view.findings(), Optional.empty(), cancel)).orElseThrow();
    List<String> files = view.program().files().stream().map(f -> f.uri().toString()).toList();
    return new Drawn(snapshot.generation(), focus, laidOut, DiagramJson.of(laidOut), SvgWriter.embeddable(laidOut), files);
  }

  /** Drops what was kept for a document (closed). */
  public void forget(URI uri) {
    last.remove(uri);
  }
}
