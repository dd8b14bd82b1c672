package dev.topo.yaml;

import dev.topo.model.Name;
import dev.topo.model.Problem;
import dev.topo.model.ProblemCode;
import dev.topo.model.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A typed view of one YAML node for the readers: a value looked up by its key path, as a map,
 * a list or a scalar with its span. A value of the wrong shape (a scalar where a map belongs)
 * is a problem at its span, and reads as missing, so a reader never meets an exception.
 */
final class YamlNode {
  private final YamlText yaml;
  private final Node node;
  private final Consumer<Problem> problems;

  YamlNode(YamlText yaml, Node node, Consumer<Problem> problems) {
    this.yaml = yaml;
    this.node = node;
    this.problems = problems;
  }

  Node node() {
    return node;
  }

  Span span() {
    return yaml.span(node);
  }

  boolean isMap() {
    return node instanceof MappingNode;
  }

  /** The value at a path of keys, whatever its shape; empty when a key is missing or a step is no map (said). */
  Optional<YamlNode> at(String... path) {
    YamlNode current = this;
    for (String key : path) {
      if (!(current.node instanceof MappingNode map)) {
        current.wrongShape("a map");
        return Optional.empty();
      }
      Optional<YamlNode> next = Optional.empty();
      for (NodeTuple tuple : map.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          next = Optional.of(current.wrap(tuple.getValueNode()));
          break;
        }
      }
      if (next.isEmpty() || next.get().isNull()) {
        return Optional.empty();
      }
      current = next.get();
    }
    return Optional.of(current);
  }

  /** The map at a path, empty when missing or not a map (said). */
  Optional<YamlNode> map(String... path) {
    return at(path).filter(n -> n.expect(n.isMap(), "a map"));
  }

  /** The items of the list at a path; none when missing or not a list (said). */
  List<YamlNode> list(String... path) {
    Optional<YamlNode> list = at(path).filter(n -> n.expect(n.node instanceof SequenceNode, "a list"));
    return list.map(l -> ((SequenceNode) l.node).getValue().stream().map(this::wrap).toList()).orElse(List.of());
  }

  /** The scalar at a path as text with its span; empty when missing or not a scalar (said). */
  Optional<Name> scalar(String... path) {
    return at(path).filter(n -> n.expect(n.node instanceof ScalarNode, "a single value"))
        .map(n -> new Name(((ScalarNode) n.node).getValue(), n.span()));
  }

  /** Whether the scalar at a path is {@code true}; a value other than true or false is said. */
  Optional<Name> isTrue(String... path) {
    Optional<Name> value = scalar(path);
    if (value.isPresent() && !value.get().text().matches("true|false")) {
      problem(value.get().span(), "'" + value.get().text() + "' is not true or false");
      return Optional.empty();
    }
    return value.filter(v -> v.text().equals("true"));
  }

  /** The entries of a map whose values are scalars: key (with its span) to value (with its). */
  Map<Name, Name> scalars() {
    Map<Name, Name> entries = new LinkedHashMap<>();
    if (!expect(isMap(), "a map")) {
      return entries;
    }
    for (NodeTuple tuple : ((MappingNode) node).getValue()) {
      YamlNode key = wrap(tuple.getKeyNode());
      YamlNode value = wrap(tuple.getValueNode());
      if (key.node instanceof ScalarNode k && value.node instanceof ScalarNode v) {
        entries.put(new Name(k.getValue(), key.span()), new Name(v.getValue(), value.span()));
      } else {
        value.wrongShape("a single value");
      }
    }
    return entries;
  }

  /** The keys of a map, with their spans, in order. */
  List<Name> keys() {
    List<Name> keys = new ArrayList<>();
    if (node instanceof MappingNode map) {
      for (NodeTuple tuple : map.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode k) {
          keys.add(new Name(k.getValue(), yaml.span(k)));
        }
      }
    }
    return keys;
  }

  void problem(Span span, String message) {
    problems.accept(new Problem(ProblemCode.INVALID_VALUE, span, message));
  }

  /** Whether it is null or empty, as an empty document or {@code key:} with no value. */
  boolean isNull() {
    return node instanceof ScalarNode s && s.getTag().getValue().endsWith(":null");
  }

  private boolean expect(boolean ok, String what) {
    if (!ok) {
      wrongShape(what);
    }
    return ok;
  }

  private void wrongShape(String what) {
    problem(span(), "expected " + what + " here");
  }

  private YamlNode wrap(Node child) {
    return new YamlNode(yaml, child, problems);
  }
}
