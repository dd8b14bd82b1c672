package dev.topo.model;

import java.util.List;
import java.util.Optional;

/**
 * The single-valued properties of a block. The builder only fills those that are allowed
 * in that kind of block; each is empty when not given.
 */
public record Properties(
    Optional<Property<OsSpec>> os,
    Optional<Property<Double>> cpu,
    Optional<Property<Quantity>> memory,
    Optional<Property<Tool>> hypervisor,
    Optional<Property<Tool>> runtime,
    Optional<Property<Image>> image,
    Optional<Property<Boolean>> privileged,
    Optional<Property<List<Name>>> share,
    Optional<Property<List<Name>>> nodes,
    Optional<Property<Integer>> replicas,
    Optional<Property<String>> language,
    Optional<Property<Load>> load) {

  public static final Properties NONE = new Properties(
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty());

  public Optional<OsFamily> osFamily() {
    return os.flatMap(Property::known).flatMap(OsSpec::family);
  }

  public Optional<Double> cpuValue() {
    return cpu.flatMap(Property::known);
  }

  public Optional<Quantity> memoryValue() {
    return memory.flatMap(Property::known);
  }

  public int replicaCount() {
    return replicas.flatMap(Property::known).orElse(1);
  }
}
