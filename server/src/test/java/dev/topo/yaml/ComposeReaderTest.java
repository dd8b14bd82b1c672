package dev.topo.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.TestFiles;
import dev.topo.check.Cancellation;
import dev.topo.check.Checker;
import dev.topo.check.Config;
import dev.topo.check.Finding;
import dev.topo.check.rules.Rules;
import dev.topo.model.Arch;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.LineMap;
import dev.topo.model.OsFamily;
import dev.topo.model.Problem;
import dev.topo.model.ProblemCode;
import dev.topo.workspace.Program;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ComposeReaderTest {
  private static final URI URI_ = URI.create("file:///ws/compose.yaml");
  private static final ComposeReader.Options LINUX = ComposeReader.Options.host("docker-01");
  /** The host a fixture's services are given, when not {@link #LINUX}. */
  private static final Map<String, ComposeReader.Options> HOSTS = Map.of("platforms.yaml",
      new ComposeReader.Options("docker-01", "linux", Optional.empty(), Optional.empty(), Optional.of("amd64")));

  private static Path fixtures() {
    return TestFiles.repo().resolve("server/src/test/resources/yaml/compose");
  }

  private static Reading read(String text) {
    return ComposeReader.read(URI_, text, LINUX);
  }

  private static Entity host(Reading reading) {
    assertEquals(1, reading.model().declarations().size(), reading.model().problems().toString());
    return reading.model().declarations().get(0);
  }

  private static Entity container(Reading reading, String name) {
    return host(reading).children().stream().filter(c -> c.name().text().equals(name)).findFirst().orElseThrow();
  }

  private static List<Finding> check(Reading reading) {
    return new Checker(Rules.all(), Config.DEFAULT).check(Program.single(reading.model()), Cancellation.NONE);
  }

  @TestFactory
  Stream<DynamicTest> eachFixtureHasExactlyItsMarkedFindingsAtTheirLines() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(fixtures())) {
      files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(files.size() >= 4, files.toString());
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      String text = Files.readString(file);
      Reading reading = ComposeReader.read(file.toUri(), text,
          HOSTS.getOrDefault(file.getFileName().toString(), LINUX));
      assertEquals(ExpectMarkers.expected(text), ExpectMarkers.actual(reading.model()),
          () -> String.join("\n", check(reading).stream().map(Finding::toString).toList()));
    }));
  }

  @Test
  void theWebAppIsOneLinuxDockerHostWithAContainerPerServiceAndCountsWhatItSkips() throws IOException {
    Reading reading = ComposeReader.read(URI_, Files.readString(fixtures().resolve("web-app.yaml")), LINUX);
    Entity host = host(reading);
    assertEquals("docker-01", host.name().text());
    assertEquals(OsFamily.LINUX, host.properties().osFamily().orElseThrow());
    assertEquals("docker", host.properties().runtime().orElseThrow().value().name());
    assertTrue(host.properties().cpu().isEmpty() && host.properties().memory().isEmpty()
        && host.properties().arch().isEmpty(), "the host's size and arch come only from options");
    assertEquals(List.of("proxy", "app", "db", "cache"), host.children().stream().map(c -> c.name().text()).toList());
    assertTrue(host.children().stream().allMatch(c -> c.kind() == EntityKind.CONTAINER
        && c.properties().osFamily().orElseThrow() == OsFamily.LINUX));
    Entity proxy = container(reading, "proxy");
    assertEquals(0.5, proxy.properties().cpuValue().orElseThrow());
    assertEquals(128L << 20, proxy.properties().memory().orElseThrow().value().bytes());
    Entity db = container(reading, "db");
    assertEquals(2L << 30, db.properties().memory().orElseThrow().value().bytes());
    assertEquals(1L << 30, db.properties().memoryRequest().orElseThrow().value().bytes());
    Entity cache = container(reading, "cache");
    assertEquals(0.5, cache.properties().cpuValue().orElseThrow());
    assertEquals(256L << 20, cache.properties().memory().orElseThrow().value().bytes());
    assertEquals(128L << 20, cache.properties().memoryRequest().orElseThrow().value().bytes());
    List<String> skipped = reading.skipped().stream().map(Reading.Skipped::what).toList();
    assertTrue(skipped.containsAll(List.of("proxy.ports", "proxy.volumes", "app.healthcheck", "app.environment",
        "app.depends_on", "db.secrets", "cache.command", "volumes", "secrets")), skipped.toString());
    assertEquals(List.of(), reading.model().problems());
  }

  @Test
  void composeByteUnitsArePowersOf1024AsDockerReadsThem() {
    assertEquals(Optional.of("512Mi"), ComposeUnits.memory("512m"));
    assertEquals(Optional.of("1Gi"), ComposeUnits.memory("1g"));
    assertEquals(Optional.of("1Gi"), ComposeUnits.memory("1gb"));
    assertEquals(Optional.of("1Gi"), ComposeUnits.memory("1GB"));
    assertEquals(Optional.of("2048Ki"), ComposeUnits.memory("2048k"));
    assertEquals(Optional.of("1.5Gi"), ComposeUnits.memory("1.5g"));
    assertEquals(Optional.of("1073741824"), ComposeUnits.memory("1073741824"));
    assertEquals(Optional.of("2048Ti"), ComposeUnits.memory("2p"));
    assertEquals(Optional.empty(), ComposeUnits.memory("lots"));
    assertEquals(Optional.empty(), ComposeUnits.memory("1x"));
    String text = "services:\n  a:\n    image: a:1\n    mem_limit: 2048k\n    mem_reservation: 1073741824\n";
    Entity a = container(read(text), "a");
    assertEquals(2L << 20, a.properties().memory().orElseThrow().value().bytes());
    assertEquals(1L << 30, a.properties().memoryRequest().orElseThrow().value().bytes());
  }

  @Test
  void theMemoryOfMemLimitAndOfDeployLimitsIsTheSameStatement() {
    String text = "services:\n  a:\n    image: a:1\n    mem_limit: 512m\n    deploy: {resources: {limits: {memory: 1g}}}\n";
    Reading reading = read(text);
    assertEquals(512L << 20, container(reading, "a").properties().memory().orElseThrow().value().bytes());
    Problem twice = reading.model().problems().get(0);
    assertEquals(ProblemCode.MISPLACED_PROPERTY, twice.code());
    assertEquals(4, reading.model().lines().line(twice.span().start()));
  }

  @Test
  void aPlatformGivesTheContainersOsAndArchAndNoPlatformMeansLinux() {
    String text = "services:\n  w:\n    image: w:1\n    platform: windows/amd64\n  a:\n    image: a:1\n"
        + "    platform: linux/arm64/v8\n  l:\n    image: l:1\n";
    Reading reading = read(text);
    Entity w = container(reading, "w");
    assertEquals(OsFamily.WINDOWS, w.properties().osFamily().orElseThrow());
    assertEquals(List.of(Arch.AMD64), w.properties().arch().orElseThrow().value());
    Entity a = container(reading, "a");
    assertEquals(OsFamily.LINUX, a.properties().osFamily().orElseThrow());
    assertEquals(List.of(Arch.ARM64), a.properties().arch().orElseThrow().value());
    Entity l = container(reading, "l");
    assertEquals(OsFamily.LINUX, l.properties().osFamily().orElseThrow());
    assertTrue(l.properties().arch().isEmpty());
  }

  @Test
  void aServiceWithoutPlatformOnAWindowsHostIsAMismatchAtItsName() {
    String text = "services:\n  l:\n    image: l:1\n    cpus: 1\n    mem_limit: 1g\n";
    ComposeReader.Options windows = new ComposeReader.Options("win-01", "windows 10.0.20348", Optional.of("8"),
        Optional.of("32GiB"), Optional.of("amd64"));
    Reading reading = ComposeReader.read(URI_, text, windows);
    Entity host = host(reading);
    assertEquals(OsFamily.WINDOWS, host.properties().osFamily().orElseThrow());
    assertEquals(8.0, host.properties().cpuValue().orElseThrow());
    List<String> findings = check(reading).stream()
        .map(f -> (reading.model().lines().line(f.span().start()) + 1) + " " + f.rule().id()).toList();
    assertTrue(findings.contains("2 container-os-mismatch"), findings.toString());
  }

  @Test
  void privilegeAndHostNamespacesMakeOneShareStatement() {
    String text = "services:\n  m:\n    image: m:1\n    privileged: true\n    network_mode: host\n    ipc: host\n"
        + "    pid: \"service:other\"\n";
    Reading reading = read(text);
    Entity m = container(reading, "m");
    assertEquals(Boolean.TRUE, m.properties().privileged().orElseThrow().value());
    assertEquals(List.of("network", "ipc"),
        m.properties().share().orElseThrow().value().stream().map(n -> n.text()).toList());
    assertEquals(List.of("m.pid"), reading.skipped().stream().map(Reading.Skipped::what).toList());
  }

  @Test
  void moreThanOneReplicaIsSkippedAndCounted() {
    Reading reading = read("services:\n  a:\n    image: a:1\n    deploy:\n      replicas: 3\n"
        + "  b:\n    image: b:1\n    deploy:\n      replicas: 1\n");
    assertEquals(List.of("a.deploy.replicas"), reading.skipped().stream().map(Reading.Skipped::what).toList());
    assertEquals(4, reading.model().lines().line(reading.skipped().get(0).span().start()));
  }

  @Test
  void anUnreadableValueIsAProblemAtItsLine() {
    String text = "services:\n  a:\n    image: a:1\n    mem_limit: lots\n    cpus: many\n    privileged: yes\n";
    List<Problem> problems = read(text).model().problems();
    assertEquals(List.of("3 lots", "4 many", "5 yes"), problems.stream()
        .map(p -> LineMap.of(text).line(p.span().start()) + " " + text.substring(p.span().start(), p.span().end()))
        .toList(), problems.toString());
    assertTrue(problems.stream().allMatch(p -> p.code() == ProblemCode.INVALID_VALUE));
  }

  @Test
  void wrongTypesAreProblemsNotExceptions() {
    String text = "services:\n  a:\n    image: [a, b]\n    deploy:\n      - resources\n  b: nginx\n"
        + "  c:\n    deploy: {resources: {limits: 2}}\n";
    Reading reading = read(text);
    assertEquals(List.of(2, 4, 5, 7), reading.model().problems().stream()
        .map(p -> reading.model().lines().line(p.span().start())).toList(), reading.model().problems().toString());
    assertEquals(List.of("a", "c"), host(reading).children().stream().map(c -> c.name().text()).toList());
  }

  @Test
  void aDocumentThatIsNotComposeIsAProblem() {
    for (String text : List.of("apiVersion: v1\nkind: Pod\n", "services: [web, db]\n", "", "- a\n- b\n")) {
      Reading reading = read(text);
      assertEquals(List.of(), reading.model().declarations(), text);
      Problem problem = reading.model().problems().get(0);
      assertTrue(problem.message().startsWith("not a Compose file"), problem.message());
    }
  }

  @Test
  void aYamlSyntaxErrorIsAProblemAtItsLine() {
    String text = "services:\n  a:\n    image: [a\n    cpus: 1\n";
    Problem problem = read(text).model().problems().get(0);
    assertEquals(ProblemCode.SYNTAX, problem.code());
  }

  @Test
  void mergeKeysBringAnAnchoredMappingsSettingsAndTheServicesOwnOnesWin() {
    String text = "x-d: &d\n  image: base:1\n  cpus: 1\n  mem_limit: 1g\nservices:\n  a:\n    <<: *d\n    cpus: 2\n";
    Reading reading = read(text);
    Entity a = container(reading, "a");
    assertEquals(2.0, a.properties().cpuValue().orElseThrow());
    assertEquals(1L << 30, a.properties().memory().orElseThrow().value().bytes());
    assertEquals(3, reading.model().lines().line(reading.model().span(a.properties().memory().orElseThrow()).start()),
        "a merged setting is where the anchored mapping writes it");
    assertEquals(List.of(), reading.model().problems());
    assertEquals(List.of("x-d"), reading.skipped().stream().map(Reading.Skipped::what).toList());
  }

  @Test
  void theHostsSizeFromOptionsIsCheckedAndItsFindingsStandAtTheServicesKey() {
    String text = "# a small machine\nservices:\n  a:\n    image: a:1\n    cpus: 2\n    mem_limit: 1g\n"
        + "  b:\n    image: b:1\n    cpus: 2\n    mem_limit: 1g\n";
    ComposeReader.Options small = new ComposeReader.Options("small", "linux", Optional.of("2"), Optional.of("1GiB"),
        Optional.empty());
    Reading reading = ComposeReader.read(URI_, text, small);
    List<String> findings = check(reading).stream()
        .map(f -> (reading.model().lines().line(f.span().start()) + 1) + " " + f.rule().id()).distinct().toList();
    assertTrue(findings.contains("2 overcommit"), findings.toString());
  }
}
