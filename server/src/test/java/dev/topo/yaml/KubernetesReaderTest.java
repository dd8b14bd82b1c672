package dev.topo.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.model.Arch;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.FileModel;
import dev.topo.model.Label;
import dev.topo.model.OsFamily;
import dev.topo.model.Problem;
import dev.topo.model.ProblemCode;
import dev.topo.model.Taint;
import dev.topo.workspace.Program;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubernetesReaderTest {
  private static Reading read(String text) {
    return KubernetesReader.read(URI.create("file:///ws/k8s/all.yaml"), text, new KubernetesReader.Options("prod"));
  }

  private static Entity declared(FileModel model, String name) {
    return model.declarations().stream().filter(e -> e.name().text().equals(name)).findFirst().orElseThrow();
  }

  private static Entity cluster(FileModel model) {
    return declared(model, "prod");
  }

  private static Entity pod(FileModel model, String name) {
    return cluster(model).children(EntityKind.POD).stream().filter(p -> p.name().text().equals(name)).findFirst()
        .orElseThrow();
  }

  private static int line(FileModel model, Problem problem) {
    return model.lines().line(problem.span().start()) + 1;
  }

  private static final String LINUX_NODE = """
      apiVersion: v1
      kind: Node
      metadata:
        name: lin-1
        uid: u-lin-1
        labels:
          kubernetes.io/os: linux
          kubernetes.io/arch: arm64
          pool: general
      spec:
        taints:
        - key: dedicated
          effect: NoSchedule
      status:
        allocatable:
          cpu: 3920m
        capacity:
          cpu: "4"
          memory: 16384Ki
        nodeInfo:
          architecture: arm64
          containerRuntimeVersion: containerd://1.7.2
          kernelVersion: 5.15.0-1057-aws
          operatingSystem: linux
          osImage: Ubuntu 22.04.4 LTS
      """;

  private static final String WINDOWS_NODE = """
      apiVersion: v1
      kind: Node
      metadata:
        name: win-1
      status:
        capacity:
          cpu: "8"
          memory: 1Ei
        nodeInfo:
          architecture: amd64
          containerRuntimeVersion: containerd://1.6.21
          kernelVersion: 10.0.20348.2527
          operatingSystem: windows
          osImage: Windows Server 2022 Datacenter
      """;

  @Test
  void kubernetesMemoryQuantitiesAreKeptWhereTopoSpellsThemAndConvertedToBytesElsewhere() {
    assertEquals("16Gi", KubernetesQuantities.memory("16Gi"));
    assertEquals("16384Ki", KubernetesQuantities.memory("16384Ki"));
    assertEquals("536870912", KubernetesQuantities.memory("536870912"));
    assertEquals("128000", KubernetesQuantities.memory("128k"));
    assertEquals("1000000000", KubernetesQuantities.memory("1e9"));
    assertEquals("1125899906842624", KubernetesQuantities.memory("1Pi"));
    assertEquals("128974849", KubernetesQuantities.memory("128974848500m"));
    assertEquals("lots", KubernetesQuantities.memory("lots"));
  }

  @Test
  void aLinuxNodeIsAHostWithItsSystemItsAllocatableResourcesAndItsOwnLabels() {
    Reading reading = read(LINUX_NODE);
    FileModel model = reading.model();
    assertEquals(List.of(), model.problems());
    var host = declared(model, "lin-1").properties();
    assertEquals(OsFamily.LINUX, host.osFamily().orElseThrow());
    assertEquals("Ubuntu 22.04.4 LTS", host.os().orElseThrow().value().release().orElseThrow());
    assertEquals(List.of(Arch.ARM64), host.arch().orElseThrow().value());
    assertEquals("5.15.0-1057-aws", host.kernel().orElseThrow().value().toString());
    assertEquals("containerd", host.runtime().orElseThrow().value().name());
    assertEquals("1.7.2", host.runtime().orElseThrow().value().version().orElseThrow());
    assertEquals(3.92, host.cpuValue().orElseThrow());
    assertEquals(16384L * 1024, host.memoryValue().orElseThrow().bytes());
    assertEquals(List.of("pool=general"),
        host.labels().stream().map((Label l) -> l.key().text() + "=" + l.value().text()).toList());
    assertEquals(List.of("lin-1"), cluster(model).properties().nodes().orElseThrow().value().stream()
        .map(n -> n.text()).toList());
    assertEquals(List.of("dedicated:NoSchedule"), host.taints().stream().map(Taint::describe).toList());
  }

  @Test
  void aWindowsNodesReleaseIsItsBuildFromTheKernelVersionAndItHasNoLinuxKernel() {
    FileModel model = read(WINDOWS_NODE).model();
    assertEquals(List.of(), model.problems());
    var host = declared(model, "win-1").properties();
    assertEquals(OsFamily.WINDOWS, host.osFamily().orElseThrow());
    assertEquals("10.0.20348.2527", host.os().orElseThrow().value().release().orElseThrow());
    assertTrue(host.kernel().isEmpty());
    assertEquals(1L << 60, host.memoryValue().orElseThrow().bytes());
  }

  @Test
  void theObjectsOfAListAreReadAndThoseOwnedByAnotherOfTheInputAreSkippedAndCounted() {
    String text = """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web, uid: d-1}
          spec:
            replicas: 3
            template:
              spec:
                containers:
                - {name: web, image: "nginx:1.25.3"}
        - apiVersion: apps/v1
          kind: ReplicaSet
          metadata:
            name: web-5d8f
            uid: rs-1
            ownerReferences: [{kind: Deployment, name: web, uid: d-1}]
          spec: {template: {spec: {containers: [{name: web}]}}}
        - apiVersion: v1
          kind: Pod
          metadata:
            name: web-5d8f-x2k9p
            ownerReferences: [{kind: ReplicaSet, name: web-5d8f, uid: rs-1}]
          spec: {containers: [{name: web}]}
        - apiVersion: v1
          kind: Pod
          metadata:
            name: orphan
            ownerReferences: [{kind: ReplicaSet, name: gone, uid: rs-0}]
          spec: {containers: [{name: lone}]}
        - {apiVersion: v1, kind: Service, metadata: {name: web}}
        """;
    Reading reading = read(text);
    assertEquals(List.of(), reading.model().problems());
    assertEquals(List.of("web", "orphan"), cluster(reading.model()).children(EntityKind.POD).stream()
        .map(p -> p.name().text()).toList());
    assertEquals(3, pod(reading.model(), "web").properties().replicaCount());
    assertEquals(List.of("ReplicaSet owned by another object of the input", "Pod owned by another object of the input",
        "Service"), reading.skipped().stream().map(Reading.Skipped::what).toList());
  }

  @Test
  void aPodsContainersFollowItsOsSelectorAndItsSelectorsLimitsAndNamespacesAreRead() {
    String text = WINDOWS_NODE + "---\n" + LINUX_NODE + """
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          template:
            spec:
              hostNetwork: true
              hostIPC: true
              nodeSelector:
                kubernetes.io/os: windows
                kubernetes.io/arch: amd64
              containers:
              - name: agent
                image: registry.example.com/agent:1.0.0
                securityContext: {privileged: true}
                resources:
                  limits: {cpu: 500m, memory: 1G}
                  requests: {cpu: 250m, memory: 512Mi}
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: batch}
        spec:
          parallelism: 4
          template:
            spec:
              affinity:
                nodeAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    nodeSelectorTerms:
                    - matchExpressions:
                      - {key: kubernetes.io/arch, operator: In, values: [arm64]}
              containers:
              - {name: run, image: "busybox:1.36"}
        """;
    FileModel model = read(text).model();
    assertEquals(List.of(), model.problems());
    Entity agentPod = pod(model, "agent");
    assertEquals(List.of("os=windows", "arch=amd64"), agentPod.properties().selectors().stream()
        .map(l -> l.key().text() + "=" + l.value().text()).toList());
    assertEquals(1, agentPod.properties().replicaCount(), "one eligible node of two");
    var agent = agentPod.children(EntityKind.CONTAINER).get(0).properties();
    assertEquals(OsFamily.WINDOWS, agent.osFamily().orElseThrow());
    assertEquals(0.5, agent.cpuValue().orElseThrow());
    assertEquals(1_000_000_000L, agent.memoryValue().orElseThrow().bytes());
    assertEquals(0.25, agent.cpuRequest().orElseThrow().value());
    assertEquals(512L << 20, agent.memoryRequest().orElseThrow().value().bytes());
    assertTrue(agent.privileged().orElseThrow().value());
    assertEquals(List.of("ipc", "network"), agent.share().orElseThrow().value().stream().map(n -> n.text()).toList());
    Entity batch = pod(model, "batch");
    assertEquals(4, batch.properties().replicaCount());
    assertEquals(List.of("arch=arm64"), batch.properties().selectors().stream()
        .map(l -> l.key().text() + "=" + l.value().text()).toList());
    assertEquals(OsFamily.LINUX, batch.children(EntityKind.CONTAINER).get(0).properties().osFamily().orElseThrow());
  }

  @Test
  void aBadValueAndAValueOfTheWrongShapeAreProblemsAtTheirLines() {
    String text = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
              - name: web
                resources:
                  limits:
                    memory: lots
              - name: side
                securityContext: yes-please
        """;
    FileModel model = read(text).model();
    assertEquals(List.of("11 " + ProblemCode.INVALID_VALUE, "13 " + ProblemCode.INVALID_VALUE),
        model.problems().stream().map(p -> line(model, p) + " " + p.code()).sorted().toList());
  }

  @Test
  void aDocumentThatIsNoMapIsAProblemAndTheOthersAreStillRead() {
    String text = """
        - just
        - a list
        ---
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: one}
        spec: {containers: [{name: c, image: "busybox:1.36"}]}
        """;
    FileModel model = read(text).model();
    assertEquals(List.of(1), model.problems().stream().map(p -> line(model, p)).toList());
    assertEquals("one", cluster(model).children(EntityKind.POD).get(0).name().text());
  }

  @Test
  void aDaemonSetIsADaemonPodThatRunsOnEachNodeWhoseTaintsItTolerates() {
    String daemonSets = """
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: plain}
        spec: {template: {spec: {containers: [{name: c, image: "busybox:1.36"}]}}}
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: tolerant}
        spec:
          template:
            spec:
              tolerations: [{key: dedicated, operator: Exists, effect: NoSchedule}]
              containers: [{name: c, image: "busybox:1.36"}]
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: wrong-value}
        spec:
          template:
            spec:
              tolerations: [{key: dedicated, value: gpu}]
              containers: [{name: c, image: "busybox:1.36"}]
        """;
    FileModel model = read(LINUX_NODE + "---\n" + WINDOWS_NODE + daemonSets).model();
    assertEquals(List.of(), model.problems());
    Program program = Program.single(model);
    assertTrue(pod(model, "plain").properties().isDaemon());
    assertEquals(1, program.replicas(pod(model, "plain")), "kept off the tainted node");
    assertEquals(2, program.replicas(pod(model, "tolerant")));
    assertEquals(1, program.replicas(pod(model, "wrong-value")), "an Equal toleration wants the taint's value");
  }

  @Test
  void valuesOfTheWrongShapeAnywhereAreProblemsOnceEachNeverExceptions() {
    String text = """
        apiVersion: v1
        kind: List
        items: 5
        ---
        kind: Node
        metadata: [a, b]
        ---
        kind: Node
        metadata: {name: n}
        status: {nodeInfo: linux, allocatable: [4]}
        ---
        kind: Deployment
        metadata: {name: d, ownerReferences: owner}
        spec: {replicas: two, template: {spec: {containers: {name: c}, nodeSelector: [x]}}}
        ---
        kind: Pod
        metadata: {name: p}
        spec: {hostNetwork: maybe, containers: [{name: [c]}, {name: ok, resources: {limits: 2}}]}
        """;
    FileModel model = read(text).model();
    List<Integer> lines = model.problems().stream().map(p -> line(model, p)).toList();
    assertEquals(List.of(3, 6, 10, 10, 13, 14, 14, 14, 18, 18, 18), lines.stream().sorted().toList(),
        model.problems().toString());
  }

  @Test
  void anOfficialJdkImageWhoseTagNamesAFullVersionIsReadAsItsJvmAndNoOtherImageIs() {
    assertEquals(new JvmImages.Jvm("temurin", "8u292"), JvmImages.of("eclipse-temurin:8u292-b10-jre-focal").orElseThrow());
    assertEquals(new JvmImages.Jvm("openjdk", "11.0.15"), JvmImages.of("docker.io/library/openjdk:11.0.15-jre-slim")
        .orElseThrow());
    assertEquals(new JvmImages.Jvm("corretto", "17.0.9"), JvmImages.of("mirror.example.com:5000/amazoncorretto:17.0.9")
        .orElseThrow());
    assertTrue(JvmImages.of("eclipse-temurin:17-jre").isEmpty(), "a feature release's tag moves");
    assertTrue(JvmImages.of("eclipse-temurin").isEmpty());
    assertTrue(JvmImages.of("registry.example.com/shop/checkout:11.0.15").isEmpty(), "not a JDK image");
  }

  @Test
  void entitiesPointAtTheirObjectsNamesAtMetadataNameAndAContainersOsAtThePodsSelector() {
    String text = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 2
          template:
            spec:
              nodeSelector:
                kubernetes.io/os: windows
              containers:
              - name: iis
                image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: retired}
        spec: {replicas: 0, template: {spec: {containers: [{name: old}]}}}
        """;
    Reading reading = read(text);
    FileModel model = reading.model();
    Entity web = pod(model, "web");
    assertEquals(0, model.lines().line(model.span(web).start()));
    assertEquals(3, model.lines().line(model.span(web.name()).start()));
    Entity iis = web.children(EntityKind.CONTAINER).get(0);
    assertEquals(11, model.lines().line(model.span(iis.name()).start()));
    var os = iis.properties().os().orElseThrow();
    assertEquals("windows", text.substring(model.span(os).start(), model.span(os).end()));
    assertEquals(List.of("web"), cluster(model).children(EntityKind.POD).stream().map(p -> p.name().text()).toList());
    assertEquals(List.of("Deployment scaled to 0 replicas"),
        reading.skipped().stream().map(Reading.Skipped::what).toList());
  }
}
