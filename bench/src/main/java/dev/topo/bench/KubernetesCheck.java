package dev.topo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code topo check} of 1,000 Kubernetes objects, JVM start included, as CI runs it: a
 * quarter Nodes (Linux, amd64 and arm64), the rest Deployments of two containers each with
 * limits and requests and a node selector on every other one: in one multi-document file, and
 * split as teams keep them (the Nodes in one file, the Deployments in ten), which is one cluster.
 */
public final class KubernetesCheck {
  static final int OBJECTS = 1_000;

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "server/target/topo.jar").toAbsolutePath();
    Path base = WorkDirectory.create("topo-k8s-bench");
    Path dir = Files.createDirectories(base.resolve("prod"));
    String all = objects(OBJECTS);
    Path file = Files.writeString(dir.resolve("cluster.yaml"), all);
    // The same objects as teams keep them: the Nodes in one file, the Deployments in ten others.
    Path split = Files.createDirectories(base.resolve("split").resolve("prod"));
    StringBuilder nodes = new StringBuilder();
    List<StringBuilder> teams = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      teams.add(new StringBuilder());
    }
    int d = 0;
    for (String document : all.split("(?m)^---$")) {
      if (!document.isBlank()) {
        (document.contains("kind: Node") ? nodes : teams.get(d++ % teams.size())).append("---").append(document);
      }
    }
    Files.writeString(split.resolve("nodes.yaml"), nodes);
    for (int i = 0; i < teams.size(); i++) {
      Files.writeString(split.resolve("team-" + i + ".yaml"), teams.get(i));
    }
    System.out.println("| measure | size | median | p95 |");
    System.out.println("| --- | --- | --- | --- |");
    System.out.println(EndToEnd.row("topo.jar check, JVM start included", OBJECTS + " Kubernetes objects in one file ("
        + Files.size(file) / 1024 + " KiB)", times(jar, file)));
    System.out.println(EndToEnd.row("topo.jar check, JVM start included", OBJECTS
        + " Kubernetes objects in a folder of 11 files, one cluster", times(jar, split)));
  }

  private static List<Long> times(Path jar, Path target) throws Exception {
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      long t0 = System.nanoTime();
      Process check = new ProcessBuilder("java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
          "check", target.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      check.waitFor(120, TimeUnit.SECONDS);
      times.add((System.nanoTime() - t0) / 1_000_000);
    }
    return times;
  }

  static String objects(int count) {
    StringBuilder out = new StringBuilder();
    int nodes = count / 4;
    for (int n = 0; n < nodes; n++) {
      String arch = n % 5 == 0 ? "arm64" : "amd64";
      out.append("""
          ---
          apiVersion: v1
          kind: Node
          metadata:
            name: node-%d
            labels:
              topology.kubernetes.io/zone: zone-%d
          status:
            nodeInfo:
              operatingSystem: linux
              osImage: Ubuntu 22.04.4 LTS
              kernelVersion: 5.15.0-105-generic
              architecture: %s
              containerRuntimeVersion: containerd://1.7.12
            allocatable:
              cpu: 7910m
              memory: 31Gi
          """.formatted(n, n % 3, arch));
    }
    for (int d = 0; d < count - nodes; d++) {
      String selector = d % 2 == 0 ? "      nodeSelector:\n        kubernetes.io/arch: amd64\n" : "";
      out.append("""
          ---
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: service-%d
          spec:
            replicas: %d
            template:
              spec:
          %s      containers:
                  - name: app
                    image: registry.example.com/team/service-%d:1.%d.0
                    resources:
                      requests: {cpu: 250m, memory: 256Mi}
                      limits: {cpu: 500m, memory: 512Mi}
                  - name: sidecar
                    image: envoyproxy/envoy:v1.29.1
                    resources:
                      requests: {cpu: 50m, memory: 64Mi}
                      limits: {cpu: 100m, memory: 128Mi}
          """.formatted(d, 2 + d % 3, selector, d, d % 10));
    }
    return out.toString();
  }

  private KubernetesCheck() {}
}
