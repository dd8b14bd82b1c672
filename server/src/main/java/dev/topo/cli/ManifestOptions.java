package dev.topo.cli;

import dev.topo.yaml.Manifests;
import java.util.Optional;
import picocli.CommandLine.Option;

/** What Kubernetes manifests and Compose files leave unsaid, said on the command line. */
final class ManifestOptions {
  @Option(names = "--cluster", paramLabel = "NAME",
      description = "The cluster of Kubernetes manifests (default: each file's folder name).")
  String cluster;

  @Option(names = "--host", paramLabel = "NAME", description = "The host of a Compose file (default: the file's folder name).")
  String host;

  @Option(names = "--host-os", paramLabel = "OS", defaultValue = "linux",
      description = "The Compose host's OS family, as `os` takes it (default: ${DEFAULT-VALUE}).")
  String hostOs;

  @Option(names = "--host-cpu", paramLabel = "CORES", description = "The Compose host's cpu, as `cpu` takes it (default: unknown).")
  String hostCpu;

  @Option(names = "--host-memory", paramLabel = "AMOUNT",
      description = "The Compose host's memory, as `memory` takes it, e.g. 16GiB (default: unknown).")
  String hostMemory;

  @Option(names = "--host-arch", paramLabel = "ARCH",
      description = "The Compose host's architecture, as `arch` takes it, e.g. arm64 (default: unknown).")
  String hostArch;

  /** Whether any option of the Compose host is given (its OS only when not the default). */
  boolean saysHost() {
    return host != null || !hostOs.equals("linux") || hostCpu != null || hostMemory != null || hostArch != null;
  }

  Manifests.Defaults defaults() {
    return new Manifests.Defaults(Optional.ofNullable(cluster), Optional.ofNullable(host), hostOs,
        Optional.ofNullable(hostCpu), Optional.ofNullable(hostMemory), Optional.ofNullable(hostArch));
  }
}
