package dev.topo.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.topo.diagram.Diagram.Box;
import org.junit.jupiter.api.Test;

class DiagramJsonTest {
  @Test
  void everyBoxAndEdgeIsWrittenWithItsPlaceSourceAndFindings() {
    String text = Diagrams.sample("rules/container-os-mismatch.topo");
    Diagram diagram = Diagrams.laidOut(text);
    JsonObject json = JsonParser.parseString(DiagramJson.of(diagram).toString()).getAsJsonObject();
    assertEquals(DiagramJson.VERSION, json.get("version").getAsInt());
    assertEquals(diagram.width(), json.get("width").getAsDouble());
    assertEquals(diagram.allBoxes().size(), count(json.getAsJsonArray("boxes")));
    assertEquals(diagram.edges().size(), json.getAsJsonArray("edges").size());

    JsonObject web = find(json.getAsJsonArray("boxes"), "host:win-01/container:web");
    Box box = DiagramBuilderTest.box(diagram, "host:win-01/container:web");
    assertEquals("error", web.get("worst").getAsString());
    assertEquals(box.findings().size(), web.getAsJsonArray("findings").size());
    assertEquals(box.findings().get(0).message(),
        web.getAsJsonArray("findings").get(0).getAsJsonObject().get("message").getAsString());
    JsonObject start = web.getAsJsonObject("source").getAsJsonObject("range").getAsJsonObject("start");
    assertEquals(text.lines().toList().get(start.get("line").getAsInt()).indexOf("container web"),
        start.get("character").getAsInt(), "the range starts at the container's keyword");
    assertEquals(box.x(), web.get("x").getAsDouble());
    JsonObject edge = json.getAsJsonArray("edges").get(0).getAsJsonObject();
    assertTrue(edge.getAsJsonArray("route").size() >= 2, edge.toString());
  }

  private static int count(JsonArray boxes) {
    int n = 0;
    for (JsonElement b : boxes) {
      n += 1 + count(b.getAsJsonObject().getAsJsonArray("children"));
    }
    return n;
  }

  private static JsonObject find(JsonArray boxes, String id) {
    for (JsonElement b : boxes) {
      JsonObject box = b.getAsJsonObject();
      if (box.get("id").getAsString().equals(id)) {
        return box;
      }
      JsonObject inside = find(box.getAsJsonArray("children"), id);
      if (inside != null) {
        return inside;
      }
    }
    return null;
  }
}
