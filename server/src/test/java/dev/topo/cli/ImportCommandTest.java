package dev.topo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.topo.syntax.Formatter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code topo import}: the .topo file written finds what checking the YAML finds. */
class ImportCommandTest {
  private static final Path FIXTURES = Path.of("src/test/resources/yaml");

  @TempDir
  Path dir;

  static Stream<Path> fixtures() throws IOException {
    List<Path> all = new java.util.ArrayList<>();
    for (String format : List.of("kubernetes", "compose")) {
      try (Stream<Path> files = Files.list(FIXTURES.resolve(format))) {
        files.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(all::add);
      }
    }
    return all.stream();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void theImportedFileFindsWhatTheYamlFinds(Path fixture) throws IOException {
    String folder = fixture.getParent().getFileName().toString();
    // In a folder of the fixture's folder's name, so that the cluster or host is named alike both ways.
    Path yaml = Files.copy(fixture, Files.createDirectories(dir.resolve(folder)).resolve(fixture.getFileName()));
    Path topo = dir.resolve("imported.topo");
    Cli imported = Cli.runIn(dir, "import", folder.equals("kubernetes") ? "k8s" : "compose", yaml.toString(),
        "-o", topo.toString());
    assertEquals(Main.CLEAN, imported.code(), imported.err());
    String text = Files.readString(topo);
    assertTrue(text.contains("// from " + yaml + ":"), text);

    Set<String> fromYaml = findings(yaml);
    assertFalse(fromYaml.isEmpty(), "the fixture has findings to compare");
    assertEquals(fromYaml, findings(topo), text);
  }

  /** Each finding's rule and message (which names the entity), as checking the file gives them. */
  private Set<String> findings(Path file) {
    Cli cli = Cli.run("check", "--root", dir.toString(), "--format", "json", file.toString());
    assertTrue(cli.code() != Main.USAGE_OR_IO, cli.err());
    Set<String> findings = new TreeSet<>();
    for (JsonElement e : JsonParser.parseString(cli.out()).getAsJsonArray()) {
      JsonObject finding = e.getAsJsonObject();
      findings.add(finding.get("rule").getAsString() + ": " + finding.get("message").getAsString());
    }
    return findings;
  }

  @Test
  void anExistingFileIsOverwrittenOnlyWithForce() throws IOException {
    Path yaml = Files.copy(FIXTURES.resolve("compose/web-app.yaml"), dir.resolve("compose.yaml"));
    Path topo = Files.writeString(dir.resolve("out.topo"), "// mine\n");
    Cli refused = Cli.runIn(dir, "import", "compose", yaml.toString(), "-o", "out.topo");
    assertEquals(Main.USAGE_OR_IO, refused.code());
    assertEquals(1, refused.err().lines().count(), refused.err());
    assertTrue(refused.err().contains("--force"), refused.err());
    assertEquals("// mine\n", Files.readString(topo));

    Cli forced = Cli.runIn(dir, "import", "compose", yaml.toString(), "-o", "out.topo", "--force");
    assertEquals(Main.CLEAN, forced.code(), forced.err());
    assertTrue(Files.readString(topo).startsWith("host "), Files.readString(topo));
  }

  @Test
  void withoutAnOutputFileTheTextGoesToStandardOutputFormattedWithItsOriginsAndWhatWasSkipped() throws IOException {
    Path yaml = Files.writeString(Files.createDirectories(dir.resolve("shop")).resolve("compose.yaml"), """
        services:
          web:
            image: "nginx:1.25.3"
            privileged: true
            ports: ["80:80"]
        volumes:
          data: {}
        """);
    Cli cli = Cli.runIn(dir, "import", "compose", "shop/compose.yaml", "--host", "box");
    assertEquals(Main.CLEAN, cli.code(), cli.err());
    assertTrue(cli.out().startsWith("host box {\n  // from shop/compose.yaml:1\n  os linux\n"), cli.out());
    assertTrue(cli.out().contains("  container web {\n    // from shop/compose.yaml:2\n"), cli.out());
    assertTrue(cli.out().contains("    os linux // assumed: no platform, and Docker runs Linux containers\n"), cli.out());
    assertTrue(cli.out().contains("    image \"nginx:1.25.3\"\n"), cli.out());
    assertTrue(cli.out().contains("    privileged true\n"), cli.out());
    assertTrue(cli.out().contains("// skipped: 1 volumes, 1 web.ports"), cli.out());
    assertTrue(Files.exists(yaml));
  }

  @Test
  void dottedNamesAreWrittenQuotedAndTheTextIsFormatted() throws IOException {
    Path k8s = Files.createDirectories(dir.resolve("k8s"));
    Files.writeString(k8s.resolve("eks.yaml"), Files.readString(FIXTURES.resolve("kubernetes/dotted-node-names.yaml")));
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  web.v2:\n    image: nginx:1.25.3\n");
    Cli k8sImport = Cli.runIn(dir, "import", "k8s", "k8s", "--cluster", "eks.prod");
    assertEquals(Main.CLEAN, k8sImport.code(), k8sImport.err());
    assertEquals("", k8sImport.err(), "no warning: the text formats");
    assertEquals(Formatter.format(k8sImport.out(), Formatter.Options.DEFAULT), Optional.of(k8sImport.out()));
    for (String line : List.of("host \"ip-10-0-1-23.eu-west-1.compute.internal\" {\n", "host \"10.0.3.7\" {\n",
        "cluster \"eks.prod\" {\n", "  nodes \"ip-10-0-1-23.eu-west-1.compute.internal\", \"10.0.3.7\"\n",
        "  pod \"web.v2\" {\n", "    container web {\n")) {
      assertTrue(k8sImport.out().contains(line), line + " in\n" + k8sImport.out());
    }
    Cli composeImport = Cli.runIn(dir, "import", "compose", "compose.yaml", "--host", "10.0.0.5");
    assertEquals("", composeImport.err());
    assertTrue(composeImport.out().startsWith("host \"10.0.0.5\" {\n"), composeImport.out());
    assertTrue(composeImport.out().contains("  container \"web.v2\" {\n"), composeImport.out());
  }

  @Test
  void severalKubernetesFilesBecomeOneCluster() throws IOException {
    Path k8s = Files.createDirectories(dir.resolve("k8s"));
    String mixed = Files.readString(FIXTURES.resolve("kubernetes/mixed-cluster.yaml"));
    Files.writeString(k8s.resolve("a.yaml"), mixed);
    Files.writeString(k8s.resolve("b.yml"), Files.readString(FIXTURES.resolve("kubernetes/daemonsets-and-jobs.yaml")));
    Files.writeString(k8s.resolve("compose.yaml"), "services:\n  web:\n    image: nginx\n");
    Cli cli = Cli.runIn(dir, "import", "k8s", "k8s", "--cluster", "prod");
    assertEquals(Main.CLEAN, cli.code(), cli.err());
    assertEquals(1, cli.out().lines().filter(l -> l.startsWith("cluster ")).count(), cli.out());
    assertTrue(cli.out().contains("cluster prod {"), cli.out());
    assertTrue(cli.out().contains("// from k8s/a.yaml:"), cli.out());
    assertTrue(cli.out().contains("// from k8s/b.yml:"), cli.out());
  }

  @Test
  void anUnknownFormatWordIsAUsageError() throws IOException {
    Path yaml = Files.copy(FIXTURES.resolve("compose/web-app.yaml"), dir.resolve("compose.yaml"));
    Cli cli = Cli.runIn(dir, "import", "helm", yaml.toString());
    assertEquals(Main.USAGE_OR_IO, cli.code());
    assertTrue(cli.err().contains("unknown format 'helm'"), cli.err());
    assertEquals("", cli.out());
  }

  @Test
  void aHostNameIsForComposeAndAClusterNameForKubernetes() throws IOException {
    Path yaml = Files.copy(FIXTURES.resolve("compose/web-app.yaml"), dir.resolve("compose.yaml"));
    Cli cli = Cli.runIn(dir, "import", "compose", yaml.toString(), "--cluster", "prod");
    assertEquals(Main.USAGE_OR_IO, cli.code());
    assertTrue(cli.err().contains("--cluster is for k8s"), cli.err());
  }

  @Test
  void aFileOfAnotherFormatIsAUsageError() throws IOException {
    Path yaml = Files.copy(FIXTURES.resolve("compose/web-app.yaml"), dir.resolve("compose.yaml"));
    Cli cli = Cli.runIn(dir, "import", "k8s", yaml.toString(), "-o", "out.topo");
    assertEquals(Main.USAGE_OR_IO, cli.code());
    assertTrue(cli.err().contains("is not a Kubernetes manifest"), cli.err());
    assertFalse(Files.exists(dir.resolve("out.topo")));
  }
}
