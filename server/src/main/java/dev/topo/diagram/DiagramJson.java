package dev.topo.diagram;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.topo.diagram.Diagram.Box;
import dev.topo.diagram.Diagram.Edge;
import dev.topo.diagram.Diagram.Mark;
import dev.topo.diagram.Diagram.Point;
import dev.topo.diagram.Diagram.Source;

/**
 * A laid-out diagram as JSON: what {@code topo diagram --format json} prints and what the
 * editor's {@code topology/diagram} request returns, so that both faces give other tools the
 * same graph. The shape is documented in docs/diagram.md; {@link #VERSION} changes when a
 * field changes meaning or goes.
 */
public final class DiagramJson {
  public static final int VERSION = 1;

  private DiagramJson() {}

  public static JsonObject of(Diagram diagram) {
    JsonObject json = new JsonObject();
    json.addProperty("version", VERSION);
    json.addProperty("width", diagram.width());
    json.addProperty("height", diagram.height());
    json.addProperty("partial", diagram.partial());
    json.addProperty("unplaced", diagram.unplaced());
    json.addProperty("folded", diagram.folded());
    JsonArray boxes = new JsonArray();
    diagram.boxes().forEach(b -> boxes.add(box(b)));
    json.add("boxes", boxes);
    JsonArray edges = new JsonArray();
    diagram.edges().forEach(e -> edges.add(edge(e)));
    json.add("edges", edges);
    return json;
  }

  private static JsonObject box(Box box) {
    JsonObject json = new JsonObject();
    json.addProperty("id", box.id());
    json.addProperty("kind", box.kind().keyword());
    json.addProperty("name", box.name());
    json.add("source", source(box.source()));
    JsonArray facts = new JsonArray();
    box.facts().forEach(facts::add);
    json.add("facts", facts);
    box.worst().ifPresent(s -> json.addProperty("worst", s.word()));
    JsonArray findings = new JsonArray();
    box.findings().forEach(m -> findings.add(mark(m)));
    json.add("findings", findings);
    json.addProperty("x", box.x());
    json.addProperty("y", box.y());
    json.addProperty("width", box.width());
    json.addProperty("height", box.height());
    JsonArray children = new JsonArray();
    box.children().forEach(c -> children.add(box(c)));
    json.add("children", children);
    return json;
  }

  private static JsonObject source(Source source) {
    JsonObject json = new JsonObject();
    json.addProperty("uri", source.uri().toString());
    json.add("range", range(source));
    return json;
  }

  /** An LSP range, so that an editor client can reveal it as it is. */
  private static JsonObject range(Source source) {
    JsonObject range = new JsonObject();
    range.add("start", position(source.line(), source.character()));
    range.add("end", position(source.endLine(), source.endCharacter()));
    return range;
  }

  private static JsonObject position(int line, int character) {
    JsonObject position = new JsonObject();
    position.addProperty("line", line);
    position.addProperty("character", character);
    return position;
  }

  private static JsonObject mark(Mark mark) {
    JsonObject json = new JsonObject();
    json.addProperty("severity", mark.severity().word());
    json.addProperty("rule", mark.rule());
    json.addProperty("message", mark.message());
    return json;
  }

  private static JsonObject edge(Edge edge) {
    JsonObject json = new JsonObject();
    json.addProperty("id", edge.id());
    json.addProperty("from", edge.from());
    json.addProperty("to", edge.to());
    json.addProperty("kind", edge.kind() == Edge.Kind.NODE ? "node" : "may-run-on");
    JsonArray route = new JsonArray();
    for (Point p : edge.route()) {
      JsonArray point = new JsonArray();
      point.add(p.x());
      point.add(p.y());
      route.add(point);
    }
    json.add("route", route);
    return json;
  }
}
