package dev.topo.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The properties of a block by keyword: the single-valued ones (only those allowed in that
 * kind of block, the first when given twice) and the repeatable ones other than
 * {@code library} and {@code requires}, which the entity holds as its own lists.
 */
public final class Properties {

  public static final Properties NONE = new Properties(Map.of(), Map.of());

  private final KeywordMap<Property<?>> single;
  private final KeywordMap<List<Property<?>>> repeated;

  public Properties(Map<Keyword, Property<?>> single, Map<Keyword, List<Property<?>>> repeated) {
    this(KeywordMap.copyOf(single), KeywordMap.copyOf(repeated));
  }

  private Properties(KeywordMap<Property<?>> single, KeywordMap<List<Property<?>>> repeated) {
    this.single = single;
    this.repeated = repeated;
  }

  /** The single-valued properties by keyword; unmodifiable. */
  public Map<Keyword, Property<?>> single() {
    return single;
  }

  /** The repeatable properties by keyword, each in source order; unmodifiable. */
  public Map<Keyword, List<Property<?>>> repeated() {
    return repeated;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Properties other && single.equals(other.single) && repeated.equals(other.repeated);
  }

  @Override
  public int hashCode() {
    return 31 * single.hashCode() + repeated.hashCode();
  }

  @Override
  public String toString() {
    return "Properties[single=" + single + ", repeated=" + repeated + "]";
  }

  /** A single-valued property; its type is the one its keyword's reader gives. */
  @SuppressWarnings("unchecked")
  public <T> Optional<Property<T>> get(Keyword keyword) {
    return Optional.ofNullable((Property<T>) single.get(keyword));
  }

  /**
   * A single-valued property's value, or null when it is absent or invalid: for arithmetic
   * that runs for every machine of a cluster a keystroke, without an {@code Optional} a read.
   */
  @SuppressWarnings("unchecked")
  public <T> T valueOf(Keyword keyword) {
    Property<?> property = single.get(keyword);
    return property == null ? null : (T) property.value();
  }

  /** Every statement of a repeatable keyword, in source order. */
  @SuppressWarnings("unchecked")
  public <T> List<Property<T>> all(Keyword keyword) {
    return (List<Property<T>>) (List<?>) repeated.getOrDefault(keyword, List.of());
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

  public Optional<Property<Double>> cpuRequest() {
    return get(Keyword.CPU_REQUEST);
  }

  public Optional<Property<Quantity>> memoryRequest() {
    return get(Keyword.MEMORY_REQUEST);
  }

  /** The architectures declared: a host's or VM's one, or those a container's image is built for. */
  public Optional<Property<List<Arch>>> arch() {
    return get(Keyword.ARCH);
  }

  public Optional<Property<CgroupVersion>> cgroup() {
    return get(Keyword.CGROUP);
  }

  public Optional<Property<Version>> kernel() {
    return get(Keyword.KERNEL);
  }

  public Optional<Property<Isolation>> isolation() {
    return get(Keyword.ISOLATION);
  }

  /** A node's {@code label}s, in source order (only those that could be read). */
  public List<Label> labels() {
    return known(Keyword.LABEL);
  }

  /** A pod's {@code select}s, in source order (only those that could be read). */
  public List<Label> selectors() {
    return known(Keyword.SELECT);
  }

  private <T> List<T> known(Keyword keyword) {
    return this.<T>all(keyword).stream().flatMap(p -> p.known().stream()).toList();
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

  public Optional<Property<Boolean>> init() {
    return get(Keyword.INIT);
  }

  public Optional<Property<Boolean>> daemon() {
    return get(Keyword.DAEMON);
  }

  /** Whether a container runs to completion before the others start ({@code init true}). */
  public boolean isInit() {
    return init().flatMap(Property::known).orElse(false);
  }

  /** Whether a pod runs one replica on each node it may run on ({@code daemon true}). */
  public boolean isDaemon() {
    return daemon().flatMap(Property::known).orElse(false);
  }

  public List<Taint> taints() {
    return known(Keyword.TAINT);
  }

  public List<Toleration> tolerations() {
    return known(Keyword.TOLERATE);
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

  /** One when {@code replicas} is left out; none when it is written but invalid ({@code replicas 0}). */
  public int replicaCount() {
    return replicas().map(p -> p.known().orElse(0)).orElse(1);
  }
}
