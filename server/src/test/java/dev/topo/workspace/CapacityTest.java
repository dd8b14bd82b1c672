package dev.topo.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.syntax.TopologySyntax;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one spelling of an amount of memory for people, wherever it is shown. */
class CapacityTest {
  @ParameterizedTest
  @CsvSource({
      "536870912, 512 MiB",
      "8589934592, 8 GiB",
      "64000000000, 59.6 GiB",
      "1536, 1.5 KiB",
      "1610612736, 1.5 GiB",
      "1000, 1000 B",
      "0, 0 B",
      "9223372036854775807, 8 EiB",
  })
  void bytesInTheLargestBinaryUnitReachedWithAtMostTwoDecimals(long bytes, String text) {
    assertEquals(text, Capacity.bytes(bytes));
  }

  @ParameterizedTest
  @CsvSource({
      "42949672960, 68719476736, 40/64 GiB",
      "536870912, 2147483648, 0.5/2 GiB",
      "0, 17179869184, 0/16 GiB",
      "3221225472, 1073741824, 3/1 GiB",
  })
  void aPartInTheUnitOfTheWhole(long part, long whole, String text) {
    assertEquals(text, Capacity.bytes(part, whole));
  }

  @ParameterizedTest
  @CsvSource({
      "4, 4",
      "0.5, 0.5",
      "0.125, 0.125",
      "4.001, 4.001",
      "1.2344, 1.234",
      "0.30000000000000004, 0.3",
  })
  void coresToTheMillicore(double cpu, String text) {
    assertEquals(text, Capacity.cores(cpu));
  }

  @ParameterizedTest(name = "{0} beside {1}: {2}")
  @CsvSource(delimiter = ';', value = {
      "4294967297; 4294967296; 4 GiB + 1 byte",
      "4294967296; 4294967297; 4 GiB",
      "4294967306; 4294967296; 4 GiB + 10 bytes",
      "4294969344; 4294967296; 4 GiB + 2 KiB",
      "4294968321; 4294967296; 4 GiB + 1,025 bytes",
      "4831838209; 4831838208; 4.5 GiB + 1 byte",
      "4294967300; 4294967299; 4,294,967,300 bytes",
      "4294967299; 4294967300; 4,294,967,299 bytes",
      "9663676416; 8589934592; 9 GiB",
      "4294967296; 4294967296; 4 GiB",
      "64000000000; 64000000000; 59.6 GiB",
  })
  void memoryBesideWhatItIsComparedWithShowsTheDifferenceThatRoundingWouldHide(long memory, long other, String text) {
    assertEquals(text, Capacity.bytesBeside(memory, other));
  }

  @ParameterizedTest(name = "{0} beside {1}: {2}")
  @CsvSource({
      "4.0001, 4, 4.0001",
      "4, 4.0001, 4",
      "4.001, 4, 4.001",
      "6, 4, 6",
      "0.3, 0.30000000000000004, 0.3",
  })
  void coresBesideWhatTheyAreComparedWithShowTheDifferenceThatRoundingWouldHide(double cpu, double other, String text) {
    assertEquals(text, Capacity.coresBeside(cpu, other));
  }

  @Test
  void taintsKeepPodsOffDaemonsRunOnEachEligibleNodeAndInitContainersAreNotAddedToTheOthers() {
    Program program = Program.single(TopologySyntax.parse(URI.create("file:///c.topo"), """
        host lin-01 { os linux; cpu 8; memory 32GiB }
        host gpu-01 { os linux; cpu 8; memory 32GiB; taint "nvidia.com/gpu" "present"; taint dedicated "ml" no-execute }
        cluster c {
          nodes lin-01, gpu-01
          pod web { container web { os linux; cpu 1; memory 1GiB } }
          pod gpu { tolerate "nvidia.com/gpu"; tolerate dedicated "ml"; container t { os linux; cpu 1; memory 1GiB } }
          pod half { tolerate "nvidia.com/gpu"; container t { os linux; cpu 1; memory 1GiB } }
          pod agent {
            daemon true
            replicas 5
            tolerate "*"
            container init { init true; os linux; cpu 3; memory 1GiB }
            container a { os linux; cpu 1; memory 2GiB }
            container b { os linux; cpu 1; memory 512MiB }
          }
        }
        """));
    Entity cluster = program.entities(EntityKind.CLUSTER).get(0);
    java.util.function.Function<String, Entity> pod = name -> cluster.children().stream()
        .filter(p -> p.name().text().equals(name)).findFirst().orElseThrow();
    java.util.function.Function<String, List<String>> eligible = name -> program.eligibleNodes(pod.apply(name)).stream()
        .map(n -> n.name().text()).toList();
    assertEquals(List.of("lin-01"), eligible.apply("web"));
    assertEquals(List.of("lin-01", "gpu-01"), eligible.apply("gpu"));
    assertEquals(List.of("lin-01"), eligible.apply("half"), "every taint must be tolerated");
    assertEquals(2, program.replicas(pod.apply("agent")), "one on each eligible node, replicas ignored");
    // cpu: the init container's 3 is more than 1 + 1; memory: 2.5 GiB of the others is more than its 1.
    assertEquals(new Capacity(3, (long) (2.5 * 1024 * 1024 * 1024)), Capacity.perReplica(pod.apply("agent")));
    assertEquals(new Capacity(6, 5L * 1024 * 1024 * 1024), Capacity.allReplicas(program, pod.apply("agent")));
  }

  @Test
  void podsOfAClusterWithoutTaintsShareTheListOfTheNodesTheySelect() {
    Program program = Program.single(TopologySyntax.parse(URI.create("file:///n.topo"), """
        host a { os linux; cpu 8; memory 32GiB }
        host b { os windows; cpu 8; memory 32GiB }
        cluster c {
          nodes a, b
          pod any { container x { os linux; cpu 1; memory 1GiB } }
          pod other { tolerate "*"; container y { os linux; cpu 1; memory 1GiB } }
          pod picky { select os "linux"; container z { os linux; cpu 1; memory 1GiB } }
        }
        """));
    Entity cluster = program.entities(EntityKind.CLUSTER).get(0);
    List<Entity> pods = cluster.children();
    // The very list: container-os-mismatch works out the nodes of another family once per list.
    assertSame(program.nodesOf(cluster), program.eligibleNodes(pods.get(0)));
    assertSame(program.nodesOf(cluster), program.eligibleNodes(pods.get(1)));
    assertEquals(List.of("a"), program.eligibleNodes(pods.get(2)).stream().map(n -> n.name().text()).toList());
  }

  @Test
  void aMachinesUseIsItsVmsThenItsContainersAddedInThatOrderAndInvalidAmountsCountAsNone() {
    // 0.1 + 0.2 + 0.7 differs from 0.7 + 0.1 + 0.2 in the last bit: the order is the guests' order.
    Program program = Program.single(TopologySyntax.parse(URI.create("file:///u.topo"), """
        host h {
          os linux; cpu 8; memory 32GiB
          container c1 { os linux; cpu 0.7; memory 1GiB }
          vm v1 { cpu 0.1; memory 2GiB; os linux; container inner { os linux; cpu 5; memory 9GiB } }
          container c2 { os linux; cpu lots; memory 3GiB }
          vm v2 { cpu 0.2; memory much; os linux }
          container r { os linux; cpu 2; memory 4GiB; cpu-request 0.5; memory-request bad }
        }
        """));
    Entity host = program.entities(EntityKind.HOST).get(0);
    Capacity summed = Capacity.ZERO;
    for (Entity guest : Capacity.guests(host)) {
      summed = summed.plus(new Capacity(guest.properties().cpuValue().orElse(0.0),
          guest.properties().memoryValue().map(q -> q.bytes()).orElse(0L)));
    }
    assertEquals(summed, Capacity.used(host));
    assertEquals(new Capacity(0.1 + 0.2 + 0.7 + 2, (2L + 1 + 3 + 4) * 1024 * 1024 * 1024), Capacity.used(host));
    Entity vm = host.children(EntityKind.VM).get(0);
    assertEquals(new Capacity(5, 9L * 1024 * 1024 * 1024), Capacity.used(vm));
    Entity requested = host.children(EntityKind.CONTAINER).get(2);
    assertEquals(new Capacity(0.5, 4L * 1024 * 1024 * 1024), Capacity.requested(requested),
        "an invalid request falls back to the limit, as a missing one does");
  }
}
