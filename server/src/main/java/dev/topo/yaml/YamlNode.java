package dev.topo.yaml;

import dev.topo.model.Name;
import dev.topo.model.Problem;
import dev.topo.model.ProblemCode;
import dev.topo.model.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A typed view of one YAML node for the readers: a value looked up by its key path, as a map,
 * a list or a scalar with its span. A value of the wrong shape (a scalar where a map belongs)
 * is a problem at its span, and reads as missing, so a reader never meets an exception. So is
 * a value with a tag of its own ({@code !!binary}, {@code !custom}): neither Kubernetes nor
 * Compose gives those a meaning. A map's merge keys ({@code <<: *defaults}, which YAML 1.2
 * no longer defines but Compose files and kubectl still read) are applied wherever its
 * entries are read.
 */
final class YamlNode {
  private static final String MERGE = "<<";
  /** The tags YAML's JSON schema gives plain values, and the one snakeyaml gives {@code ${VAR}}: not written by the user. */
  private static final Set<Tag> PLAIN = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ, Tag.ENV_TAG);

  private final YamlText yaml;
  private final Node node;
  private final Consumer<Problem> problems;

  YamlNode(YamlText yaml, Node node, Consumer<Problem> problems) {
    this.yaml = yaml;
    this.node = node;
    this.problems = problems;
  }

  /** An entry of a map: its key (as text, with its span) and its value. */
  record Entry(Name key, YamlNode value) {}

  Span span() {
    return yaml.span(node);
  }

  boolean isMap() {
    return node instanceof MappingNode;
  }

  /** The value at a path of keys, whatever its shape; empty when a key is missing or a step is no map or tagged (said). */
  Optional<YamlNode> at(String... path) {
    YamlNode current = this;
    for (String key : path) {
      if (!current.expect(current.isMap(), "a map")) {
        return Optional.empty();
      }
      Optional<YamlNode> next = current.entry(key).map(Entry::value);
      if (next.isEmpty() || next.get().isNull() || !next.get().plain()) {
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

  /**
   * The text at a path where Kubernetes wants text (a name, an image, a label's value): a number
   * or a boolean there is said and read as nothing, as kubectl refuses it ("cannot unmarshal
   * number into ... of type string"); a quoted {@code "5"} is text.
   */
  Optional<Name> string(String... path) {
    return scalar(path).filter(value -> at(path).orElseThrow().wantsText());
  }

  /** Whether it is no number or boolean, saying so when it is one. */
  private boolean wantsText() {
    if (node instanceof ScalarNode && !isNull() && !isString()) {
      problem(span(), "'" + ((ScalarNode) node).getValue() + "' is read as a number or true/false here, where text belongs:"
          + " quote it");
      return false;
    }
    return true;
  }

  /** Whether the scalar at a path is {@code true}; a value other than true or false is said. */
  Optional<Name> isTrue(String... path) {
    Optional<Name> value = scalar(path);
    if (value.isPresent() && !value.get().text().matches("true|false")) {
      problem(Absolute.at(value.get()), "'" + value.get().text() + "' is not true or false");
      return Optional.empty();
    }
    return value.filter(v -> v.text().equals("true"));
  }

  /** As {@link #scalars()}, for a map of text (labels, a node selector): a number or boolean value is said and left out. */
  Map<Name, Name> strings() {
    Map<Name, Name> entries = scalars();
    entries().stream().filter(e -> e.value().node instanceof ScalarNode && !e.value().wantsText())
        .forEach(e -> entries.remove(e.key()));
    return entries;
  }

  /** The entries of a map whose values are scalars: key (with its span) to value (with its). */
  Map<Name, Name> scalars() {
    Map<Name, Name> entries = new LinkedHashMap<>();
    if (!expect(isMap(), "a map")) {
      return entries;
    }
    for (Entry entry : entries()) {
      YamlNode value = entry.value();
      if (value.node instanceof ScalarNode v && value.plain()) {
        entries.put(entry.key(), new Name(v.getValue(), value.span()));
      } else if (value.plain()) {
        value.wrongShape("a single value");
      }
    }
    return entries;
  }

  /**
   * The entries of a map, its merge keys applied as YAML 1.1 defined them: all its own entries
   * (a key written twice too: the rules say so), then those of the merged maps whose keys it
   * does not have, each where the merged map writes it. None when it is no map (not said: the
   * caller knows what it wanted).
   */
  List<Entry> entries() {
    List<Entry> entries = new ArrayList<>();
    if (node instanceof MappingNode map) {
      merge(map, true, new HashSet<>(), Collections.newSetFromMap(new IdentityHashMap<>()), entries);
    }
    return entries;
  }

  /**
   * Adds a map's entries whose keys are not taken (all when they are its own), then its merged
   * maps'. A map merged twice has nothing left to give, so each is merged once: that keeps a
   * merge of itself from looping, and a tree of merges of merges (bounded by the alias limit,
   * but exponential) linear.
   */
  private void merge(MappingNode map, boolean own, Set<String> keys, Set<MappingNode> merged, List<Entry> entries) {
    if (!merged.add(map)) {
      return;
    }
    List<MappingNode> sources = new ArrayList<>();
    for (NodeTuple tuple : map.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        // The composer lets them through to be said here, at their line: no key Kubernetes or Compose reads is one.
        problem(yaml.span(tuple.getKeyNode()), "a key that is " + wrap(tuple.getKeyNode()).shape() + ": keys here are text");
      } else if (key.getValue().equals(MERGE)) {
        Node value = tuple.getValueNode();
        for (Node source : value instanceof SequenceNode list ? list.getValue() : List.of(value)) {
          if (source instanceof MappingNode sourceMap) {
            sources.add(sourceMap);
          }
        }
      } else if (keys.add(key.getValue()) || own) {
        entries.add(new Entry(new Name(key.getValue(), yaml.span(key)), wrap(tuple.getValueNode())));
      }
    }
    for (MappingNode source : sources) {
      merge(source, false, keys, merged, entries);
    }
  }

  /** The entry of a key, merges applied; empty when it is no map or has no such key (not said). */
  Optional<Entry> entry(String key) {
    if (node instanceof MappingNode map && plainKeys(map)) {
      // The usual map, of text keys and no merge: found without gathering every entry, which each lookup did.
      for (NodeTuple tuple : map.getValue()) {
        if (((ScalarNode) tuple.getKeyNode()).getValue().equals(key)) {
          return Optional.of(new Entry(new Name(key, yaml.span(tuple.getKeyNode())), wrap(tuple.getValueNode())));
        }
      }
      return Optional.empty();
    }
    return entries().stream().filter(e -> e.key().text().equals(key)).findFirst();
  }

  private static boolean plainKeys(MappingNode map) {
    for (NodeTuple tuple : map.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key) || key.getValue().equals(MERGE)) {
        return false;
      }
    }
    return true;
  }

  /** A scalar's text as written (without quotes); empty for a map, a list or null (not said). */
  Optional<String> text() {
    return node instanceof ScalarNode scalar && !isNull() ? Optional.of(scalar.getValue()) : Optional.empty();
  }

  /** Whether it is a string: a scalar YAML reads as no number, boolean or null (a quoted {@code "5"} is one). */
  boolean isString() {
    return node instanceof ScalarNode && (node.getTag().equals(Tag.STR) || node.getTag().equals(Tag.ENV_TAG));
  }

  /** How messages name what it is: "a mapping", "a list", "empty", or the value quoted. */
  String shape() {
    return node instanceof MappingNode ? "a mapping"
        : node instanceof SequenceNode ? "a list"
        : isNull() ? "empty" : "'" + ((ScalarNode) node).getValue() + "'";
  }

  /** Whether it bears no tag of its own; one that does ({@code !!binary}, {@code !custom}) is said. */
  boolean plain() {
    if (PLAIN.contains(node.getTag())) {
      return true;
    }
    String tag = node.getTag().getValue();
    problem(span(), "a value tagged " + (tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag)
        + ": topo reads plain YAML values (text, numbers, true or false, maps and lists)");
    return false;
  }

  void problem(Span span, String message) {
    problems.accept(new Problem(ProblemCode.INVALID_VALUE, span, message));
  }

  /** Whether it is null or empty, as an empty document or {@code key:} with no value. */
  boolean isNull() {
    return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
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
