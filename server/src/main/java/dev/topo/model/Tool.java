package dev.topo.model;

import java.util.Optional;

/** A hypervisor or a container runtime, with the version if one was given. */
public record Tool(String name, Optional<String> version) {
  @Override
  public String toString() {
    return name + version.map(v -> " " + v).orElse("");
  }
}
