package dev.topo.syntax;

import static dev.topo.syntax.TopologySyntaxTest.parse;
import static dev.topo.syntax.TopologySyntaxTest.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.model.Arch;
import dev.topo.model.CgroupVersion;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Isolation;
import dev.topo.model.Label;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The values language 2 reads: millicores, requests, isolation, labels and selectors, and what it refuses. */
class Language2ValuesTest {

  private static Entity first(String text) {
    return parse(text).declarations().get(0);
  }

  private static Entity container(String body) {
    return first("host h { container c { " + body + " } }").children(EntityKind.CONTAINER).get(0);
  }

  @Test
  void cpuTakesMillicores() {
    assertEquals(Optional.of(0.5), container("cpu 500m").properties().cpuValue());
    assertEquals(Optional.of(0.25), container("cpu-request 250m").properties().cpuRequest().flatMap(p -> p.known()));
    assertEquals(List.of("invalid-value: '2g' is not an amount of cpu: write cores (2, 0.5) or millicores (500m)"),
        problems(parse("host h { cpu 2g }")));
    assertEquals(List.of("invalid-value: cpu must be more than zero cores, not 0m"), problems(parse("host h { cpu 0m }")));
  }

  @Test
  void aBareMemoryBelowOneMebibyteIsMissingItsUnit() {
    assertEquals(List.of("invalid-value: 512 without a unit is 512 bytes: did you forget a unit? Write 512Mi or 512Gi"),
        problems(parse("host h { memory 512 }")));
    Entity c = container("memory-request 64");
    assertTrue(c.properties().memoryRequest().isPresent(), "the value still counts as given");
    assertTrue(c.properties().memoryRequest().get().known().isEmpty());
    assertEquals(List.of(), problems(parse("host h { memory 1048576 }")));
    assertEquals(List.of(), problems(parse("host h { memory 512B }")), "a written unit says bytes were meant");
  }

  @Test
  void aRequestAboveItsLimitIsInvalid() {
    assertEquals(List.of("invalid-value: cpu-request 2 is above the cpu limit 1.5: a request is what the scheduler"
        + " reserves, and can be at most the limit"), problems(parse("host h { container c { cpu 1.5; cpu-request 2 } }")));
    assertEquals(List.of("invalid-value: memory-request 2GiB is above the memory limit 1GiB: a request is what the"
        + " scheduler reserves, and can be at most the limit"),
        problems(parse("host h { container c { memory 1GiB; memory-request 2GiB } }")));
    assertEquals(List.of(), problems(parse("host h { container c { cpu 1; cpu-request 500m; memory 1Gi; memory-request 1GiB } }")));
  }

  @Test
  void hyperVIsolationIsForWindowsContainers() {
    assertEquals(Optional.of(Isolation.HYPERV), container("os windows; isolation hyperv").properties().isolation()
        .flatMap(p -> p.known()));
    assertEquals(List.of("invalid-value: Hyper-V isolation runs Windows containers in a utility VM; a Linux container"
        + " has no such isolation"), problems(parse("host h { container c { os linux; isolation hyperv } }")));
    assertEquals(List.of(), problems(parse("host h { container c { os linux; isolation process } }")));
  }

  @Test
  void labelsTakeNamesOrQuotedKeysAndLeaveTheBuiltInsAlone() {
    Entity host = first("host h { label zone \"eu-1\"; label \"node.kubernetes.io/pool\" \"gpu\"; label os \"linux\" }");
    assertEquals(List.of("zone=eu-1", "node.kubernetes.io/pool=gpu"),
        host.properties().labels().stream().map(l -> l.key().text() + "=" + l.value().text()).toList());
    assertEquals(List.of("invalid-value: 'os' is a built-in label, taken from the node's `os`: declare `os` instead"),
        problems(parse("host h { label os \"linux\" }")));
    assertEquals(List.of("invalid-value: 'kubernetes.io/arch' is a built-in label, taken from the node's `arch`: declare"
        + " `arch` instead"), problems(parse("host h { label \"kubernetes.io/arch\" \"arm64\" }")));
  }

  @Test
  void podsSelectByAnyKeyBuiltInsIncluded() {
    Entity pod = first("cluster k { pod p { select os \"windows\"; select \"kubernetes.io/arch\" \"arm64\" } }")
        .children(EntityKind.POD).get(0);
    assertEquals(List.of(Optional.of(Label.BuiltIn.OS), Optional.of(Label.BuiltIn.ARCH)),
        pod.properties().selectors().stream().map(Label::builtIn).toList());
    assertEquals(List.of("syntax: missing a quoted string before '}'"), problems(parse("cluster k { pod p { select os } }")));
  }

  @Test
  void architecturesByNameOrAliasOneOnAMachine() {
    assertEquals(Optional.of(List.of(Arch.AMD64, Arch.ARM64, Arch.I386)),
        container("arch x86_64, aarch64, 386, amd64").properties().arch().flatMap(p -> p.known()));
    assertEquals(List.of("invalid-value: unknown architecture 'sparc': use amd64, arm64, arm, 386, ppc64le, s390x,"
        + " riscv64 (x86_64 and aarch64 are read as amd64 and arm64)"), problems(parse("host h { arch sparc }")));
    assertEquals(List.of("invalid-value: a host has one architecture; only a container's image may list several"),
        problems(parse("host h { arch amd64, arm64 }")));
    assertEquals(List.of("syntax: unexpected '387': expected a name"), problems(parse("host h { arch 387 }")));
  }

  @Test
  void cgroupVersions() {
    assertEquals(Optional.of(CgroupVersion.V2), first("host h { cgroup v2 }").properties().cgroup().flatMap(p -> p.known()));
    assertEquals(List.of("invalid-value: cgroup is v1 or v2, not 'v3'"), problems(parse("host h { cgroup v3 }")));
  }

  @Test
  void aJvmLibraryMayBeWrittenAsJava8UpdatesAreKnown() {
    Entity host = first("host h { library openjdk \"8u292\"; library zlib \"1.3\" }");
    assertEquals("1.8.0_292", host.library("openjdk").flatMap(l -> l.version()).map(v -> v.parts().get(0) + "."
        + v.parts().get(1) + "." + v.parts().get(2) + "_" + v.update().getAsLong()).orElse(""));
    assertEquals(List.of(), problems(parse("host h { library temurin \"8u372\" }")));
    assertEquals(1, problems(parse("host h { library zlib \"8u292\" }")).size(), "only a JVM's version is read so");
  }

  @Test
  void replicasZeroCountsNoReplica() {
    Entity pod = first("cluster k { pod p { replicas 0 } }").children(EntityKind.POD).get(0);
    assertEquals(0, pod.properties().replicaCount());
    assertEquals(1, first("cluster k { pod p { } }").children(EntityKind.POD).get(0).properties().replicaCount());
  }
}
