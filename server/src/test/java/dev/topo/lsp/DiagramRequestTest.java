package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.topo.TestFiles;
import dev.topo.check.Cancellation;
import dev.topo.tools.TopologyGenerator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code topology/diagram}, the request behind the VS Code extension's "Show Diagram": the
 * program of a document's snapshot laid out and drawn, kept while the snapshot is the same,
 * and an answer for any text (what the picture holds is the diagram package's tests').
 */
class DiagramRequestTest {
  @TempDir
  Path dir;

  static final String MISMATCH = """
      host win-01 {
        os windows
        runtime docker
        container web { os linux; image "web:1.0"; cpu 1; memory 1Gi }
      }
      cluster c {
        nodes win-01
      }
      """;

  private final DiagramFeature feature = new DiagramFeature();

  private DiagramFeature.Answer draw(Fixture f, String focus, boolean standalone) {
    return feature.draw(f.session(), f.snapshot(), focus, standalone, Cancellation.NONE);
  }

  @Test
  void theDiagramOfTheSnapshotsProgramAsJsonAndAsTheWebviewsSvg() {
    DiagramFeature.Answer answer = draw(Fixture.of(MISMATCH), null, false);
    JsonObject web = box(answer.diagram(), "host:win-01/container:web");
    assertEquals("error", web.get("worst").getAsString());
    assertEquals(Fixture.MAIN.toString(), web.getAsJsonObject("source").get("uri").getAsString());
    assertEquals(2, answer.diagram().getAsJsonArray("boxes").size());
    assertFalse(answer.diagram().get("partial").getAsBoolean());
    assertTrue(answer.svg().startsWith("<svg"), answer.svg());
    assertTrue(answer.svg().contains("data-id=\"host:win-01/container:web\""), answer.svg());
    assertFalse(answer.svg().contains("<style"), "the webview brings its own style sheet");
    assertEquals(List.of(Fixture.MAIN.toString()), answer.files());
  }

  @Test
  void theStandaloneSvgHasItsStyleAndTheSameLayout() {
    Fixture f = Fixture.of(MISMATCH);
    DiagramFeature.Answer embeddable = draw(f, null, false);
    DiagramFeature.Answer standalone = draw(f, null, true);
    assertTrue(standalone.svg().contains("<style>"), standalone.svg());
    assertSame(embeddable.diagram(), standalone.diagram(), "an export reuses the kept layout");
  }

  @Test
  void anUnchangedSnapshotIsAnsweredFromTheLastLayoutAndAnEditLaysOutAgain() {
    Fixture f = Fixture.of(MISMATCH);
    DiagramFeature.Answer first = draw(f, null, false);
    assertSame(first.diagram(), draw(f, null, false).diagram());
    assertNotSame(first.diagram(), draw(f, "win-01", false).diagram(), "another focus is another picture");

    f.with("other.topo", "host other { }"); // any change of the session is a new generation
    DiagramFeature.Answer again = draw(f, null, false);
    assertNotSame(first.diagram(), again.diagram());
    assertEquals(first.diagram(), again.diagram(), "the same text lays out the same");

    feature.forget(Fixture.MAIN);
    assertNotSame(again.diagram(), draw(f, null, false).diagram());
  }

  @Test
  void aFocusDrawsOneHostOrClusterAndWhatItTouchesAndAnUnknownOneTheWholeProgram() {
    String text = MISMATCH + "host lonely { }\n";
    Fixture f = Fixture.of(text);
    assertEquals(List.of("host:win-01", "cluster:c"), topIds(draw(f, "c", false).diagram()));
    assertEquals(List.of("host:win-01", "cluster:c", "host:lonely"), topIds(draw(f, "nowhere", false).diagram()));
    assertEquals(List.of("host:win-01", "cluster:c", "host:lonely"), topIds(draw(f, " ", false).diagram()));
  }

  @Test
  void aDocumentWithSyntaxErrorsDrawsWhatParsedAndSaysSo() {
    DiagramFeature.Answer answer = draw(Fixture.of("host a { os linux }\nhost b { os ??? \ncontainer {"), null, false);
    assertTrue(answer.diagram().get("partial").getAsBoolean());
    assertTrue(topIds(answer.diagram()).contains("host:a"), answer.diagram().toString());
    assertTrue(answer.svg().contains("topo-partial"), answer.svg());
  }

  @Test
  void anyTextHasAnAnswerEvenNothingToDraw() {
    for (String text : List.of("", "// only a comment", "}}}{{{", "host", "cluster c { nodes a, a, b; pod p { } }",
        "\u0000\uFFFF host \uD800 x {")) {
      DiagramFeature.Answer answer = draw(Fixture.of(text), null, false);
      assertTrue(answer.svg().startsWith("<svg"), text);
      assertTrue(answer.diagram().has("boxes"), text);
    }
    assertEquals(0, draw(Fixture.of("// nothing"), null, false).diagram().getAsJsonArray("boxes").size());
  }

  @Test
  void infoFindingsAreLeftOffWhenTheEditorHidesThem() throws Exception {
    String text = Files.readString(TestFiles.samples().resolve("rules/single-replica.topo"));
    Fixture shown = Fixture.of(text);
    Fixture hidden = Fixture.of(text).settings(Settings.from(JsonParser.parseString("{\"showInfo\": false}"), null));
    assertTrue(marks(draw(shown, null, false).diagram()).contains("info"), draw(shown, null, false).diagram().toString());
    assertFalse(marks(draw(hidden, null, false).diagram()).contains("info"));
  }

  @Test
  void aCancelledRequestStopsBeforeLayingOut() {
    Fixture f = Fixture.of(MISMATCH);
    assertThrows(CancellationException.class, () -> feature.draw(f.session(), f.snapshot(), null, false, () -> true));
    assertTrue(draw(f, null, false).svg().startsWith("<svg"), "nothing half-done was kept");
  }

  @Test
  void overTheProtocolAsTheExtensionSendsIt() throws Exception {
    Path shop = dir.resolve("shop.topo");
    Files.copy(TestFiles.samples().resolve("shop.topo"), shop);
    URI uri = shop.toUri();
    try (TestClient lsp = new TestClient()) {
      lsp.initialize(dir.toUri(), new ClientCapabilities(), null, "en-US");
      lsp.open(uri, Files.readString(shop));
      JsonObject answer = (JsonObject) lsp.request(DiagramFeature.METHOD, params("{\"uri\": \"" + uri + "\"}"));
      JsonObject diagram = answer.getAsJsonObject("diagram");
      assertTrue(topIds(diagram).containsAll(List.of("host:edge-01", "host:win-01", "cluster:shop")), diagram.toString());
      JsonObject ingress = box(diagram, "host:edge-01/container:ingress");
      assertEquals(13, ingress.getAsJsonObject("source").getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt());
      assertTrue(answer.get("svg").getAsString().contains("data-id=\"host:edge-01/container:ingress\""));
      assertEquals(uri.toString(), answer.getAsJsonArray("files").get(0).getAsString());

      JsonObject focused = (JsonObject) lsp.request(DiagramFeature.METHOD,
          params("{\"uri\": \"" + uri + "\", \"focus\": \"db-01\", \"standalone\": true}"));
      assertEquals(List.of("host:db-01"), topIds(focused.getAsJsonObject("diagram")));
      assertTrue(focused.get("svg").getAsString().contains("<style>"));

      lsp.edit(uri, 2, 4, 0, 4, 0, "host added { }\n");
      JsonObject edited = (JsonObject) lsp.request(DiagramFeature.METHOD, params("{\"uri\": \"" + uri + "\"}"));
      assertEquals("host:added", topIds(edited.getAsJsonObject("diagram")).get(0));

      Object unopened = lsp.request(DiagramFeature.METHOD, params("{\"uri\": \"" + dir.resolve("nowhere.topo").toUri() + "\"}"));
      assertTrue(unopened == null || (unopened instanceof JsonElement e && e.isJsonNull()), String.valueOf(unopened));
      Object noUri = lsp.request(DiagramFeature.METHOD, params("{}"));
      assertTrue(noUri == null || (noUri instanceof JsonElement e && e.isJsonNull()), String.valueOf(noUri));
    }
  }

  @Test
  void diagramsBeingDrawnHoldUpNoOtherRequest() throws Exception {
    // Layouts of a design this size take long enough (the first one of a JVM the longest) for
    // a hover to be answered meanwhile, unless the diagrams hold the request threads.
    Path big = dir.resolve("big.topo");
    Files.writeString(big, new TopologyGenerator(7).single(2_000));
    URI uri = big.toUri();
    try (TestClient lsp = new TestClient()) {
      lsp.initialize(dir.toUri());
      lsp.open(uri, Files.readString(big));
      // When each answer arrives, taken as it arrives (not when this thread gets to look).
      List<Long> drawn = Collections.synchronizedList(new ArrayList<>());
      List<CompletableFuture<?>> diagrams = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        lsp.edit(uri, 2 + i, 0, 0, 0, 0, "// edit " + i + "\n"); // a new generation: no kept layout
        diagrams.add(((TestClient.TopoServer) lsp.server()).diagram(params("{\"uri\": \"" + uri + "\"}"))
            .whenComplete((answer, error) -> {
              if (error == null) {
                drawn.add(System.nanoTime());
              }
            }));
      }
      CompletableFuture<Long> hovered = lsp.documents()
          .hover(new HoverParams(new TextDocumentIdentifier(uri.toString()), new Position(0, 1)))
          .thenApply(hover -> System.nanoTime());
      long hoverAt = lsp.await(hovered);
      // A diagram asked for a version that an edit replaced before its turn came is refused
      // (ContentModified) or cancelled by the next one, not drawn; the last one is drawn.
      for (CompletableFuture<?> diagram : diagrams.subList(0, 2)) {
        diagram.handle((answer, error) -> error == null || String.valueOf(error).matches("(?s).*(document changed|cancelled).*")
            ? null : fail("a stale diagram failed otherwise: " + error)).join();
      }
      lsp.await(diagrams.get(2));
      assertTrue(hoverAt < Collections.min(drawn), "the hover waited for a diagram");
    }
  }

  @Test
  void theMethodNameIsTheExtensions() {
    assertEquals("topology/diagram", DiagramFeature.METHOD);
  }

  private static JsonObject params(String json) {
    return JsonParser.parseString(json).getAsJsonObject();
  }

  private static List<String> topIds(JsonObject diagram) {
    List<String> ids = new ArrayList<>();
    diagram.getAsJsonArray("boxes").forEach(b -> ids.add(b.getAsJsonObject().get("id").getAsString()));
    return ids;
  }

  /** The severities of every box's findings. */
  private static List<String> marks(JsonObject diagram) {
    List<String> found = new ArrayList<>();
    walk(diagram.getAsJsonArray("boxes"), b -> b.getAsJsonArray("findings")
        .forEach(m -> found.add(m.getAsJsonObject().get("severity").getAsString())));
    return found;
  }

  private static JsonObject box(JsonObject diagram, String id) {
    List<JsonObject> found = new ArrayList<>();
    walk(diagram.getAsJsonArray("boxes"), b -> {
      if (b.get("id").getAsString().equals(id)) {
        found.add(b);
      }
    });
    assertEquals(1, found.size(), "no box " + id + " in " + diagram);
    return found.get(0);
  }

  private static void walk(JsonArray boxes, java.util.function.Consumer<JsonObject> action) {
    for (JsonElement b : boxes) {
      action.accept(b.getAsJsonObject());
      walk(b.getAsJsonObject().getAsJsonArray("children"), action);
    }
  }
}
