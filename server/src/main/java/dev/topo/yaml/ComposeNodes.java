package dev.topo.yaml;

import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** A small typed view over snakeyaml-engine's nodes, as the Compose reader needs them. */
final class ComposeNodes {
  private ComposeNodes() {}

  /** The value under a key of a mapping; empty when the node is no mapping or has no such key. */
  static Optional<Node> get(Node mapping, String key) {
    if (mapping instanceof MappingNode map) {
      for (NodeTuple tuple : map.getValue()) {
        if (key.equals(key(tuple))) {
          return Optional.of(tuple.getValueNode());
        }
      }
    }
    return Optional.empty();
  }

  /** A key as text; the empty string for a key that is not a scalar (YAML allows them, Compose does not). */
  static String key(NodeTuple tuple) {
    return tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
  }

  /** A scalar's text as written (without quotes); empty for a mapping, a list or null. */
  static Optional<String> scalar(Node node) {
    return node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL)
        ? Optional.of(scalar.getValue()) : Optional.empty();
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
  }

  /** How messages name a node's type, for "... is a list, not a mapping". */
  static String type(Node node) {
    return switch (node.getNodeType()) {
      case MAPPING -> "a mapping";
      case SEQUENCE -> "a list";
      case SCALAR -> isNull(node) ? "empty" : "'" + ((ScalarNode) node).getValue() + "'";
      default -> "an anchor";
    };
  }
}
