package dev.topo.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes realistic topology programs of any size, for benchmarks and robustness tests: each
 * host has an OS, capacity, a runtime, a hypervisor and four libraries, one VM with its own
 * libraries, and ten containers with images, libraries, limits and a module; a cluster runs
 * pods of three or four containers on the hosts. Every 25th host carries planted findings
 * (a Linux container on a Windows VM, a container without limits, a privileged one, an
 * image tagged latest). A host and its pod are about 200 lines. The same seed gives the same text.
 */
public final class TopologyGenerator {
  /** Roughly how many lines one host and its pod add. */
  public static final int LINES_PER_HOST = 200;

  private static final String[] LIBRARIES = {"openssl", "glibc", "zlib", "openjdk", "python", "node", "libpq", "curl"};
  private static final String[] LANGUAGES = {"java", "go", "python", "typescript", "rust", "csharp"};

  private final Random random;

  public TopologyGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** One file of about this many lines. */
  public String single(int lines) {
    int hosts = Math.max(1, lines / LINES_PER_HOST);
    StringBuilder out = new StringBuilder("// generated: ").append(hosts).append(" hosts\n\n");
    for (int h = 0; h < hosts; h++) {
      host(out, h);
    }
    cluster(out, 0, hosts);
    return out.toString();
  }

  /**
   * A program of about this many lines split over {@code files} files: {@code main.topo}
   * imports every part, and each part holds hosts and the cluster that runs on them.
   */
  public Map<String, String> split(int lines, int files) {
    int hosts = Math.max(files, lines / LINES_PER_HOST);
    int perFile = (hosts + files - 1) / files;
    Map<String, String> result = new LinkedHashMap<>();
    StringBuilder main = new StringBuilder("// generated: ").append(hosts).append(" hosts in ").append(files).append(" files\n");
    for (int f = 0; f < files; f++) {
      String name = "part-" + f + ".topo";
      main.append("import \"parts/").append(name).append("\"\n");
      StringBuilder part = new StringBuilder();
      int from = f * perFile;
      int to = Math.min(hosts, from + perFile);
      for (int h = from; h < to; h++) {
        host(part, h);
      }
      if (to > from) {
        cluster(part, from, to);
      }
      result.put("parts/" + name, part.toString());
    }
    result.put("main.topo", main.toString());
    return result;
  }

  private boolean planted(int host) {
    return host % 25 == 24;
  }

  private void host(StringBuilder out, int h) {
    boolean windowsVm = planted(h);
    out.append("host host-").append(h).append(" {\n")
        .append("  os linux \"ubuntu 22.04\"\n")
        .append("  cpu 64\n")
        .append("  memory 256GiB\n")
        .append("  hypervisor kvm \"8.2\"\n")
        .append("  runtime containerd \"1.7.").append(random.nextInt(20)).append("\"\n");
    for (String library : pick(4)) {
      out.append("  library ").append(library).append(" \"").append(version()).append("\"\n");
    }
    out.append("\n  vm vm-").append(h).append(" {\n")
        .append("    os ").append(windowsVm ? "windows \"server 2022\"" : "linux \"rhel 9\"").append('\n')
        .append("    cpu 8\n")
        .append("    memory 32GiB\n")
        .append("    runtime docker \"24.0\"\n");
    List<String> vmLibraries = pick(2);
    for (String library : vmLibraries) {
      out.append("    library ").append(library).append(" \"").append(version()).append("\"\n");
    }
    container(out, "    ", "vm-" + h + "-app", h, planted(h) ? "plant-os" : "");
    out.append("  }\n");
    for (int c = 0; c < 10; c++) {
      String plant = planted(h) && c == 0 ? "plant-limits" : planted(h) && c == 1 ? "plant-privileged"
          : planted(h) && c == 2 ? "plant-latest" : "";
      container(out, "  ", "svc-" + h + "-" + c, h, plant);
    }
    out.append("}\n\n");
  }

  private void container(StringBuilder out, String indent, String name, int host, String plant) {
    String library = LIBRARIES[random.nextInt(LIBRARIES.length)];
    String version = library.equals("openjdk") ? javaRelease(version()) : version();
    out.append(indent).append("container ").append(name).append(" {\n")
        .append(indent).append("  os linux\n")
        .append(indent).append("  image \"registry.example.com/").append(name).append(':')
        .append(plant.equals("plant-latest") ? "latest" : "1." + random.nextInt(9) + "." + random.nextInt(9)).append("\"\n");
    if (!plant.equals("plant-limits")) {
      out.append(indent).append("  cpu ").append(1 + random.nextInt(2)).append('\n')
          .append(indent).append("  memory ").append(256 << random.nextInt(3)).append("Mi\n");
    }
    if (plant.equals("plant-privileged")) {
      out.append(indent).append("  privileged true\n");
    }
    out.append(indent).append("  library ").append(library).append(" \"").append(version).append("\"\n")
        .append(indent).append("  module ").append(name).append("-main {\n")
        .append(indent).append("    language ").append(LANGUAGES[random.nextInt(LANGUAGES.length)]).append('\n')
        .append(indent).append("    requires ").append(library).append(" \">=").append(version.substring(0, version.indexOf('.')))
        .append("\"\n")
        .append(indent).append("    load ").append(random.nextInt(4) == 0 ? "high" : "medium").append('\n')
        .append(indent).append("  }\n")
        .append(indent).append("}\n");
  }

  private void cluster(StringBuilder out, int from, int to) {
    out.append("cluster cluster-").append(from).append(" {\n  nodes ");
    List<String> nodes = new ArrayList<>();
    for (int h = from; h < to; h++) {
      nodes.add("host-" + h);
    }
    out.append(String.join(", ", nodes)).append("\n");
    for (int h = from; h < to; h++) {
      // Two replicas or more, as a service with busy modules runs (single-replica reports fewer).
      out.append("\n  pod pod-").append(h).append(" {\n    replicas ").append(2 + random.nextInt(3)).append('\n');
      int containers = 3 + random.nextInt(2);
      for (int c = 0; c < containers; c++) {
        container(out, "    ", "pod-" + h + "-" + c, h, "");
      }
      out.append("  }\n");
    }
    out.append("}\n");
  }

  private List<String> pick(int count) {
    List<String> all = new ArrayList<>(List.of(LIBRARIES));
    java.util.Collections.shuffle(all, random);
    return all.subList(0, count);
  }

  /**
   * A Java release of the same shape: feature 15 to 21, which read cgroup v2 limits, as a
   * design of today runs (the draw is the same, so the rest of the program does not shift).
   */
  private static String javaRelease(String version) {
    int dot = version.indexOf('.');
    return (15 + Integer.parseInt(version.substring(0, dot)) % 7) + version.substring(dot);
  }

  private String version() {
    return (1 + random.nextInt(20)) + "." + random.nextInt(10) + "." + random.nextInt(30);
  }
}
