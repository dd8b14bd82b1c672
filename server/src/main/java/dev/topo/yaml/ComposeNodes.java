package dev.topo.yaml;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** A small typed view over snakeyaml-engine's nodes, as the Compose reader needs them. */
final class ComposeNodes {
  private static final String MERGE = "<<";

  private ComposeNodes() {}

  /** The entry of a key in a mapping; empty when the node is no mapping or has no such key. */
  static Optional<NodeTuple> entry(Node mapping, String key) {
    return mapping instanceof MappingNode map
        ? fields(map).stream().filter(t -> key.equals(key(t))).findFirst() : Optional.empty();
  }

  /** The value under a key of a mapping; empty when the node is no mapping or has no such key. */
  static Optional<Node> get(Node mapping, String key) {
    return entry(mapping, key).map(NodeTuple::getValueNode);
  }

  /**
   * A mapping's entries with its merge keys applied, as Compose reads them ({@code <<: *defaults},
   * common in Compose files, is no longer part of YAML 1.2, so the composer leaves it as a key):
   * its own entries first, then those of the merged mappings whose keys it does not have.
   * A merged entry keeps the span where the anchored mapping writes it.
   */
  static List<NodeTuple> fields(MappingNode mapping) {
    List<NodeTuple> own = mapping.getValue().stream().filter(t -> !key(t).equals(MERGE)).toList();
    List<NodeTuple> fields = new ArrayList<>(own);
    Set<String> keys = new HashSet<>(own.stream().map(ComposeNodes::key).toList());
    for (NodeTuple merge : mapping.getValue()) {
      if (key(merge).equals(MERGE)) {
        List<Node> merged = merge.getValueNode() instanceof SequenceNode list ? list.getValue() : List.of(merge.getValueNode());
        for (Node node : merged) {
          if (node instanceof MappingNode map) {
            fields(map).stream().filter(t -> keys.add(key(t))).forEach(fields::add);
          }
        }
      }
    }
    return fields;
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
