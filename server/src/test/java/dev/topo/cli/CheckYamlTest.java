package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.topo.yaml.ExpectMarkers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code topo check} on Compose files (and Kubernetes manifests): findings at their YAML lines. */
class CheckYamlTest {
  @TempDir
  Path dir;

  private static final String COMPOSE = """
      services:
        web:
          image: nginx:1.25.3
          privileged: true
        db:
          image: postgres:16.1
          mem_limit: 512m
      """;

  private static final Path FOLDER_FIXTURE = Path.of("src/test/resources/yaml/kubernetes-folder");

  private Cli check(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "check";
    all[1] = "--root";
    all[2] = dir.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return Cli.run(all);
  }

  @Test
  void aComposeFileIsCheckedAndEachFindingStandsAtItsYamlLine() throws IOException {
    Path compose = Files.writeString(Files.createDirectories(dir.resolve("shop")).resolve("compose.yaml"), COMPOSE);
    Cli cli = check("--fail-on", "warning", compose.toString());
    assertEquals(Main.FOUND, cli.code(), cli.err());
    List<String> lines = cli.out().lines().filter(l -> l.startsWith("shop/compose.yaml:")).toList();
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("shop/compose.yaml:4:") && l.contains("[weak-isolation]")), cli.out());
    assertTrue(lines.stream().anyMatch(l -> l.contains("[missing-limits]") && l.contains("'web'")), cli.out());
  }

  @Test
  void aDirectoryTakesTheYamlFilesThatAreTopologyAndLeavesOtherYamlAlone() throws IOException {
    Files.writeString(dir.resolve("compose.yml"), COMPOSE);
    Files.writeString(dir.resolve("ci.yaml"), "on: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n");
    Cli cli = check("--format", "json", dir.toString());
    String json = cli.out();
    assertTrue(JsonParser.parseString(json).getAsJsonArray().size() > 0, json);
    assertTrue(json.contains("compose.yml") && !json.contains("ci.yaml"), json);
  }

  @Test
  void aTopoFileMayImportAComposeFileAndNameItsHost() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), COMPOSE);
    Path main = Files.writeString(dir.resolve("main.topo"), "import \"compose.yaml\"\ncluster k { nodes " + dir.getFileName() + " }\n");
    Cli cli = check(main.toString());
    assertTrue(cli.out().contains("compose.yaml:4:"), "the imported file's findings are reported at its lines: " + cli.out());
    assertTrue(!cli.out().contains("[unknown-reference]"), "the cluster finds the Compose host, named after its folder: "
        + cli.out());
  }

  @Test
  void kubernetesManifestsAreCheckedAsOneClusterNamedAfterTheirFolder() throws IOException {
    Path k8s = Files.createDirectories(dir.resolve("prod"));
    Files.writeString(k8s.resolve("cluster.yaml"), """
        apiVersion: v1
        kind: Node
        metadata:
          name: win-01
        status:
          nodeInfo:
            operatingSystem: windows
            osImage: Windows Server 2022 Datacenter
            kernelVersion: 10.0.20348.2527
            architecture: amd64
            containerRuntimeVersion: containerd://1.7.2
          allocatable:
            cpu: "4"
            memory: 16Gi
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 2
          template:
            spec:
              containers:
                - name: web
                  image: nginx:1.25.3
                  resources:
                    limits:
                      cpu: 500m
                      memory: 256Mi
        """);
    Cli cli = check(k8s.toString());
    assertTrue(cli.out().contains("prod/cluster.yaml:") && cli.out().contains("[container-os-mismatch]"),
        "a Linux pod with no selector on a Windows-only cluster: " + cli.out());
  }

  @Test
  void sarifPointsAtTheYamlFile() throws IOException {
    Path compose = Files.writeString(dir.resolve("compose.yaml"), COMPOSE);
    String sarif = check("--format", "sarif", compose.toString()).out();
    assertTrue(sarif.contains("\"uri\": \"compose.yaml\"") || sarif.contains("compose.yaml\""), sarif);
  }

  @Test
  void aFolderOfManifestsIsOneClusterWhoseFindingsAreEachReportedOnceAtTheirLines() throws IOException {
    Path k8s = Files.createDirectories(dir.resolve("k8s"));
    List<String> expected = new ArrayList<>();
    for (String name : List.of("apps.yaml", "nodes.yaml")) {
      String text = Files.readString(FOLDER_FIXTURE.resolve(name));
      Files.writeString(k8s.resolve(name), text);
      ExpectMarkers.expected(text).forEach(marker -> expected.add("k8s/" + name + ":" + marker));
    }
    for (String[] given : List.of(new String[] {k8s.toString()}, new String[] {k8s.resolve("apps.yaml").toString()},
        new String[] {k8s.resolve("nodes.yaml").toString(), k8s.resolve("apps.yaml").toString()})) {
      List<String> all = new ArrayList<>(List.of("--format", "json"));
      all.addAll(List.of(given));
      Cli cli = check(all.toArray(String[]::new));
      List<String> found = new ArrayList<>();
      JsonParser.parseString(cli.out()).getAsJsonArray().forEach(f -> found.add(f.getAsJsonObject().get("file").getAsString()
          + ":" + f.getAsJsonObject().get("line").getAsInt() + " " + f.getAsJsonObject().get("rule").getAsString()));
      assertEquals(expected.stream().sorted().toList(), found.stream().sorted().toList(), String.join(" ", given) + "\n" + cli.out());
    }
  }

  @Test
  void theCommandLineNamesTheClusterAndNamesAndSizesTheComposeHost() throws IOException {
    Path compose = Files.writeString(dir.resolve("compose.yaml"), """
        services:
          web:
            image: nginx:1.25.3
            platform: linux/amd64
            mem_limit: 12g
          db:
            image: postgres:16.1
            mem_limit: 8g
        """);
    Cli sized = check("--host", "box", "--host-cpu", "8", "--host-memory", "16GiB", "--host-arch", "arm64", compose.toString());
    assertTrue(sized.out().contains("compose.yaml:4:5: error [arch-mismatch] container 'web' is built for amd64 but its host 'box'"
        + " runs arm64"), sized.out());
    assertTrue(sized.out().contains("[overcommit] host 'box' has 16 GiB of memory"), sized.out());
    Cli unsized = check(compose.toString());
    assertTrue(!unsized.out().contains("[arch-mismatch]") && !unsized.out().contains("[overcommit]"), unsized.out());
    Cli wrong = check("--host-cpu", "lots", compose.toString());
    assertTrue(wrong.out().contains("compose.yaml:1:1: error [invalid-value] 'lots' is not an amount of cpu"), wrong.out());

    Path k8s = Files.createDirectories(dir.resolve("k8s"));
    Files.writeString(k8s.resolve("nodes.yaml"), Files.readString(FOLDER_FIXTURE.resolve("nodes.yaml")));
    Files.writeString(k8s.resolve("apps.yaml"), Files.readString(FOLDER_FIXTURE.resolve("apps.yaml")));
    assertTrue(check("--cluster", "prod", k8s.toString()).out().contains("cluster 'prod' may schedule it"));
    assertTrue(check(k8s.toString()).out().contains("cluster 'k8s' may schedule it"));
  }
}
