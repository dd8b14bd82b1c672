package dev.topo.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The properties of a block by keyword: the single-valued ones (only those allowed in that
 * kind of block, the first when given twice) and the repeatable ones other than
 * {@code library} and {@code requires}, which the entity holds as its own lists.
 */
public record Properties(Map<Keyword, Property<?>> single, Map<Keyword, List<Property<?>>> repeated) {

  public static final Properties NONE = new Properties(Map.of(), Map.of());

  public Properties {
    single = Map.copyOf(single);
    repeated = Map.copyOf(repeated);
  }

  /** A single-valued property; its type is the one its keyword's reader gives. */
  @SuppressWarnings("unchecked")
  public <T> Optional<Property<T>> get(Keyword keyword) {
    return Optional.ofNullable((Property<T>) single.get(keyword));
  }

  /** Every statement of a repeatable keyword, in source order. */
  @SuppressWarnings("unchecked")
  public <T> List<Property<T>> all(Keyword keyword) {
    return (List<Property<T>>) (List<?>) repeated.getOrDefault(keyword, List.of());
  }

  /** The same properties, each replaced by what the function makes of it. */
  public Properties map(UnaryOperator<Property<?>> f) {
    if (this == NONE) {
      return this;
    }
    return new Properties(
        single.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> f.apply(e.getValue()))),
        repeated.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
            e -> e.getValue().stream().<Property<?>>map(f).toList())));
  }

  public Optional<Property<OsSpec>> os() {
    return get(Keyword.OS);
  }

  public Optional<Property<Double>> cpu() {
    return get(Keyword.CPU);
  }

  public Optional<Property<Quantity>> memory() {
    return get(Keyword.MEMORY);
  }

  public Optional<Property<Tool>> hypervisor() {
    return get(Keyword.HYPERVISOR);
  }

  public Optional<Property<Tool>> runtime() {
    return get(Keyword.RUNTIME);
  }

  public Optional<Property<Image>> image() {
    return get(Keyword.IMAGE);
  }

  public Optional<Property<Boolean>> privileged() {
    return get(Keyword.PRIVILEGED);
  }

  public Optional<Property<List<Name>>> share() {
    return get(Keyword.SHARE);
  }

  public Optional<Property<List<Name>>> nodes() {
    return get(Keyword.NODES);
  }

  public Optional<Property<Integer>> replicas() {
    return get(Keyword.REPLICAS);
  }

  public Optional<Property<String>> language() {
    return get(Keyword.LANGUAGE);
  }

  public Optional<Property<Load>> load() {
    return get(Keyword.LOAD);
  }

  public Optional<OsFamily> osFamily() {
    return os().flatMap(Property::known).flatMap(OsSpec::family);
  }

  public Optional<Double> cpuValue() {
    return cpu().flatMap(Property::known);
  }

  public Optional<Quantity> memoryValue() {
    return memory().flatMap(Property::known);
  }

  public int replicaCount() {
    return replicas().flatMap(Property::known).orElse(1);
  }
}
