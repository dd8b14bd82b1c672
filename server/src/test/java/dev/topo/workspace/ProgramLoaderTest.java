package dev.topo.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.FileModel;
import dev.topo.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramLoaderTest {
  static Program load(MemorySources sources, String root) {
    return new ProgramLoader(sources, new ParseCache(), MemorySources.ROOT).load(MemorySources.uri(root)).orElseThrow();
  }

  static List<String> problems(Program program) {
    return program.importProblems().stream().map(Problem::message).toList();
  }

  static List<String> fileNames(Program program) {
    return program.files().stream().map(FileModel::uri).map(u -> u.getPath().substring(4)).toList();
  }

  @Test
  void gathersImportsTransitivelyImportsFirst() {
    MemorySources sources = new MemorySources()
        .with("main.topo", "import \"lib/a.topo\"\nhost main { }")
        .with("lib/a.topo", "import \"b.topo\"\nhost a { }")
        .with("lib/b.topo", "host b { }");
    Program program = load(sources, "main.topo");
    assertEquals(List.of(), problems(program));
    assertEquals(List.of("lib/b.topo", "lib/a.topo", "main.topo"), fileNames(program));
    assertTrue(program.node("b").isPresent());
  }

  @Test
  void aMissingFileIsAProblemOnTheImport() {
    Program program = load(new MemorySources().with("main.topo", "import \"gone.topo\""), "main.topo");
    assertEquals(List.of("cannot find 'gone.topo' (looked for gone.topo)"), problems(program));
    assertEquals(7, program.importProblems().get(0).span().start());
  }

  @Test
  void cyclesAreReportedOnTheRootsImportAndNotFollowedForever() {
    MemorySources sources = new MemorySources()
        .with("a.topo", "import \"b.topo\"")
        .with("b.topo", "import \"c.topo\"")
        .with("c.topo", "import \"a.topo\"")
        .with("self.topo", "import \"self.topo\"");
    assertEquals(List.of("import cycle: a.topo → b.topo → c.topo → a.topo; a file cannot import itself, even through others"),
        problems(load(sources, "a.topo")));
    assertEquals(List.of("import cycle: self.topo → self.topo; a file cannot import itself, even through others"),
        problems(load(sources, "self.topo")));
  }

  @Test
  void aCycleElsewhereIsThatFilesConcernNotTheRoots() {
    MemorySources sources = new MemorySources()
        .with("main.topo", "import \"b.topo\"")
        .with("b.topo", "import \"c.topo\"")
        .with("c.topo", "import \"b.topo\"\nimport \"missing.topo\"");
    Program program = load(sources, "main.topo");
    assertEquals(List.of(), problems(program));
    assertEquals(List.of("c.topo", "b.topo", "main.topo"), fileNames(program));
  }

  @Test
  void pathsThatLeaveTheRootOrAreAbsoluteAreRefused() {
    MemorySources sources = new MemorySources()
        .with("main.topo", String.join("\n",
            "import \"../outside.topo\"",
            "import \"sub/../../outside.topo\"",
            "import \"/etc/passwd\"",
            "import \"file:///etc/passwd\"",
            "import \"C:\\\\Windows\\\\x.topo\"",
            "import \"\""));
    assertEquals(List.of(
        "'../outside.topo' is outside the workspace root: imports may only name files inside it",
        "'sub/../../outside.topo' is outside the workspace root: imports may only name files inside it",
        "'/etc/passwd' is not a relative path: imports name a file relative to the importing file",
        "'file:///etc/passwd' is not a relative path: imports name a file relative to the importing file",
        "'C:\\Windows\\x.topo' is not a relative path: imports name a file relative to the importing file",
        "the import path is empty"), problems(load(sources, "main.topo")));
  }

  @Test
  void aSymbolicLinkOutOfTheRootIsRefusedOnItsRealPath(@TempDir Path temp) throws IOException {
    Path workspace = Files.createDirectory(temp.resolve("ws"));
    Path outside = Files.writeString(temp.resolve("secret.topo"), "host secret { }");
    Files.createSymbolicLink(workspace.resolve("link.topo"), outside);
    Path main = Files.writeString(workspace.resolve("main.topo"), "import \"link.topo\"");
    Program program = new ProgramLoader(new FileSystemSources(), new ParseCache(), workspace.toUri())
        .load(main.toUri()).orElseThrow();
    assertEquals(List.of("'link.topo' is outside the workspace root: imports may only name files inside it"),
        problems(program));
    assertTrue(program.node("secret").isEmpty(), "the file behind the link was not read");
  }

  @Test
  void aWideFanOutIsLoadedInBoundedTime() {
    MemorySources sources = new MemorySources();
    StringBuilder main = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      main.append("import \"f").append(i).append(".topo\"\n");
      sources.with("f" + i + ".topo", "import \"main.topo\"\nhost h" + i + " { }");
    }
    sources.with("main.topo", main.toString());
    Program program = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> load(sources, "main.topo"));
    assertEquals(10_001, program.files().size());
    assertEquals(10_000, program.importProblems().size(), "every import closes a cycle");
  }

  @Test
  void aLongChainDoesNotRecurse() {
    MemorySources sources = new MemorySources();
    int length = 20_000;
    for (int i = 0; i < length; i++) {
      sources.with("f" + i + ".topo", i + 1 < length ? "import \"f" + (i + 1) + ".topo\"" : "host last { }");
    }
    Program program = load(sources, "f0.topo");
    assertEquals(length, program.files().size());
    assertTrue(program.node("last").isPresent());
  }

  private static final String NODES = """
      apiVersion: v1
      kind: Node
      metadata: {name: n1}
      status: {nodeInfo: {operatingSystem: linux, architecture: amd64}}
      """;
  private static final String APPS = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec: {template: {spec: {containers: [{name: web, image: "nginx:1.25.3"}]}}}
      """;

  @Test
  void theManifestsOfAFolderAreOneClusterDeclaredInTheFileWithNodesWhicheverIsTheRoot() {
    MemorySources sources = new MemorySources().with("k8s/apps.yaml", APPS).with("k8s/nodes.yml", NODES)
        .with("k8s/ci.yaml", "on: [push]\n").with("other/more.yaml", APPS.replace("web", "api"));
    for (String root : List.of("k8s/apps.yaml", "k8s/nodes.yml")) {
      Program program = load(sources, root);
      List<Entity> clusters = program.entities(EntityKind.CLUSTER);
      assertEquals(1, clusters.size(), root);
      Entity cluster = clusters.get(0);
      assertEquals("k8s", cluster.name().text());
      assertEquals(MemorySources.uri("k8s/nodes.yml"), cluster.span().source(), "where the nodes are, from " + root);
      assertEquals(List.of("n1"), program.nodesOf(cluster).stream().map(n -> n.name().text()).toList());
      assertEquals(List.of("web"), cluster.children().stream().map(p -> p.name().text()).toList());
      assertEquals(cluster, program.cluster(cluster.children().get(0)).orElseThrow());
      assertEquals(2, program.files().size(), "the other folder and the YAML that is no manifest stay out");
    }
    assertEquals(List.of(MemorySources.uri("k8s/nodes.yml")), load(sources, "k8s/apps.yaml").companions());
  }

  @Test
  void aTopoFileThatImportsAManifestTakesInItsFolderToo() {
    MemorySources sources = new MemorySources().with("k8s/apps.yaml", APPS).with("k8s/nodes.yaml", NODES)
        .with("main.topo", "import \"k8s/apps.yaml\"\n");
    Program program = load(sources, "main.topo");
    assertEquals(List.of("n1"), program.nodesOf(program.entities(EntityKind.CLUSTER).get(0)).stream()
        .map(n -> n.name().text()).toList());
    assertEquals(List.of(), program.companions(), "only a manifest's own folder is checked with it");
  }
}
