package dev.topo.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.check.Finding;
import dev.topo.check.rules.Rules;
import dev.topo.model.FileModel;
import dev.topo.model.ProblemCode;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Values of the wrong type in every place the readers read, read as {@code topo check} reads
 * a YAML file ({@link Manifests#read}, then every rule): each is a finding on the line marked
 * {@code # here}, never an exception.
 */
class BadYamlTest {
  private static final URI URI_ = URI.create("file:///ws/prod/bad.yaml");

  /** A case: its name, the problem it gives, and the YAML, whose line ending in {@code # here} the finding is on. */
  private record Case(String name, ProblemCode code, String yaml) {
    int line() {
      List<String> lines = yaml.lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).endsWith("# here")) {
          return i + 1;
        }
      }
      throw new AssertionError("no '# here' in " + name);
    }
  }

  private static Case invalid(String name, String yaml) {
    return new Case(name, ProblemCode.INVALID_VALUE, yaml);
  }

  /** A Compose file whose one service {@code a} has these settings (indented by four). */
  private static Case service(String name, String settings) {
    return invalid(name, "services:\n  a:\n" + settings.indent(4));
  }

  /** A Deployment whose one container has these fields (indented by four, after its name). */
  private static Case container(String name, String fields) {
    return pod(name, "containers:\n  - name: web\n" + fields.indent(4));
  }

  /** A Deployment whose pod spec is this (indented by six). */
  private static Case pod(String name, String spec) {
    return invalid(name, "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n"
        + spec.indent(6));
  }

  /** A Node whose status is this (indented by two). */
  private static Case node(String name, String status) {
    return invalid(name, "apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nstatus:\n" + status.indent(2));
  }

  static List<Case> compose() {
    return List.of(
        invalid("services is a list in a file that looks like Compose", "services:  # here\n  [web, db]\n"),
        invalid("services is text in a file that looks like Compose", "services:  # here\n  \"web\"\n"),
        invalid("a service is a list", "services:\n  a: [image]  # here\n"),
        invalid("a service is a number", "services:\n  a: 5  # here\n"),
        invalid("a service is empty", "services:\n  b: {image: b}\n  a:  # here\n"),
        service("image is a map", "image: {name: nginx}  # here"),
        service("image is a list", "image: [nginx]  # here"),
        service("image is a number", "image: 5  # here"),
        service("image is a boolean", "image: true  # here"),
        service("image is null", "image: null  # here"),
        service("image is empty", "image:  # here"),
        service("platform is a number", "image: a:1\nplatform: 1.5  # here"),
        service("platform is a map", "image: a:1\nplatform: {os: linux}  # here"),
        service("network_mode is a boolean", "image: a:1\nnetwork_mode: true  # here"),
        service("pid is a number", "image: a:1\npid: 1  # here"),
        service("ipc is a list", "image: a:1\nipc: [host]  # here"),
        service("privileged is a number", "image: a:1\nprivileged: 5  # here"),
        service("privileged is a map", "image: a:1\nprivileged: {on: true}  # here"),
        service("cpus is true", "image: a:1\ncpus: true  # here"),
        service("cpus is a list", "image: a:1\ncpus: [1]  # here"),
        service("mem_limit is a map", "image: a:1\nmem_limit: {}  # here"),
        service("mem_reservation is a boolean", "image: a:1\nmem_reservation: false  # here"),
        service("deploy is a list", "image: a:1\ndeploy:\n  - resources  # here"),
        service("deploy is text", "image: a:1\ndeploy: fast  # here"),
        service("replicas is a word", "image: a:1\ndeploy:\n  replicas: \"three\"  # here"),
        service("replicas is a list", "image: a:1\ndeploy:\n  replicas: [3]  # here"),
        service("resources is a list", "image: a:1\ndeploy:\n  resources: [limits]  # here"),
        service("limits is a number", "image: a:1\ndeploy:\n  resources:\n    limits: 2  # here"),
        service("reservations is a list", "image: a:1\ndeploy:\n  resources:\n    reservations: [1]  # here"),
        service("a limit's cpus is true", "image: a:1\ndeploy:\n  resources:\n    limits: {cpus: true}  # here"),
        service("a limit's memory is a map", "image: a:1\ndeploy:\n  resources:\n    limits:\n      memory: {a: 1}  # here"),
        service("image is tagged !!binary", "image: !!binary bmdpbng=  # here"),
        service("cpus is tagged !custom", "image: a:1\ncpus: !custom 1  # here"),
        service("deploy is tagged !custom", "image: a:1\ndeploy: !custom {replicas: 1}  # here"),
        invalid("a service is tagged !custom", "services:\n  a: !custom {image: a:1}  # here\n"),
        invalid("a service's name is a map", "services:\n  ? {a: 1}  # here\n  : {image: a:1}\n"),
        invalid("a setting's name is a list", "services:\n  a:\n    image: a:1\n    [cpus]: 1  # here\n"),
        invalid("services is tagged !custom", "services:\n  !custom  # here\n  a: {image: a:1}\n"));
  }

  static List<Case> kubernetes() {
    return List.of(
        invalid("metadata is a number", "apiVersion: v1\nkind: Pod\nmetadata: 5  # here\nspec: {containers: []}\n"),
        invalid("metadata is a list", "apiVersion: v1\nkind: Pod\nmetadata: [web]  # here\nspec: {containers: []}\n"),
        invalid("metadata.name is a map", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {a: b}  # here\n"),
        invalid("metadata.name is null", "apiVersion: v1  # here\nkind: Pod\nmetadata:\n  name: null\n"),
        invalid("kind is a list", "apiVersion: v1\nkind: [Pod]  # here\nmetadata: {name: p}\n"),
        invalid("kind is missing", "apiVersion: v1  # here\nmetadata: {name: p}\n"),
        invalid("kind is tagged !!binary", "apiVersion: v1\nkind: !!binary UG9k  # here\nmetadata: {name: p}\n"),
        invalid("metadata is tagged !custom", "apiVersion: v1\nkind: Pod\nmetadata: !custom {name: p}  # here\n"),
        invalid("spec is a list", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: [template]  # here\n"),
        invalid("a Deployment has no pod spec", "apiVersion: apps/v1  # here\nkind: Deployment\nmetadata: {name: web}\nspec: {}\n"),
        invalid("replicas is a word", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n"
            + "  replicas: \"three\"  # here\n  template: {spec: {containers: [{name: c, image: \"c:1\"}]}}\n"),
        invalid("replicas is a list", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n"
            + "  replicas: [3]  # here\n  template: {spec: {containers: [{name: c, image: \"c:1\"}]}}\n"),
        pod("containers is a map", "containers: {}  # here"),
        pod("containers is text", "containers: web  # here"),
        pod("a container is a number", "containers:\n  - 5  # here"),
        pod("a container has no name", "containers:\n  - image: nginx:1.25  # here"),
        pod("nodeSelector is a list", "nodeSelector: [linux]  # here\ncontainers: []"),
        pod("a nodeSelector value is a map", "nodeSelector:\n  kubernetes.io/os: {a: b}  # here\ncontainers: []"),
        pod("hostNetwork is a word", "hostNetwork: maybe  # here\ncontainers: []"),
        pod("hostPID is a number", "hostPID: 1  # here\ncontainers: []"),
        pod("os is a list", "os: [linux]  # here\ncontainers: []"),
        invalid("a DaemonSet's tolerations are a number", "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\nspec:\n"
            + "  template: {spec: {tolerations: 5, containers: []}}  # here\n"),
        container("image is a list", "image: [nginx]  # here"),
        container("image is tagged !!binary", "image: !!binary bmdpbng=  # here"),
        container("securityContext is tagged !custom", "image: nginx:1.25\nsecurityContext: !custom {}  # here"),
        container("resources is a list", "resources: [limits]  # here"),
        container("limits is a number", "resources:\n  limits: 2  # here"),
        container("cpu is true", "resources:\n  limits:\n    cpu: true  # here"),
        container("memory is a map", "resources:\n  requests:\n    memory: {a: 1}  # here"),
        container("securityContext is text", "securityContext: yes-please  # here"),
        container("privileged is a word", "securityContext:\n  privileged: maybe  # here"),
        node("nodeInfo is text", "nodeInfo: linux  # here"),
        node("allocatable is a list", "allocatable: [4]  # here"),
        node("the cpu is a word", "allocatable:\n  cpu: lots  # here"),
        node("the os is a map", "nodeInfo:\n  operatingSystem: {a: b}  # here"),
        invalid("a label's key is a list", "apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n  labels:\n    [a]: b  # here\n"),
        invalid("a Node's labels are a list", "apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n  labels: [a]  # here\n"),
        invalid("a List's items are a number", "apiVersion: v1\nkind: List\nitems: 5  # here\n"),
        invalid("an item of a List is text", "apiVersion: v1\nkind: List\nitems:\n  - web  # here\n"),
        invalid("ownerReferences is text", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n"
            + "  ownerReferences: owner  # here\nspec: {containers: []}\n"),
        invalid("a document is a scalar", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: []}\n---\n5  # here\n"),
        invalid("a document is a list", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: []}\n---\n- a  # here\n- b\n"));
  }

  /** Whatever the reader: a text that is no YAML, or no YAML topo reads. */
  static List<Case> files() {
    return List.of(
        new Case("an empty file", ProblemCode.SYNTAX, "# here"),
        new Case("a file of one ---", ProblemCode.SYNTAX, "---  # here\n"),
        new Case("a file of empty documents", ProblemCode.SYNTAX, "---  # here\n---\n...\n"),
        new Case("a scalar", ProblemCode.SYNTAX, "kind  # here\n"),
        new Case("a tab for indentation", ProblemCode.SYNTAX, "services:\n  a:\n\timage: a:1  # here\n"),
        new Case("an unclosed flow map", ProblemCode.SYNTAX, "apiVersion: v1\nkind: Pod\nmetadata: {name: p  # here"),
        new Case("an undefined alias", ProblemCode.SYNTAX, "services:\n  a: *nothing  # here\n"));
  }

  @TestFactory
  Stream<DynamicTest> composeValuesOfTheWrongTypeAreFindingsOnTheirLines() {
    return cases(compose());
  }

  @TestFactory
  Stream<DynamicTest> kubernetesValuesOfTheWrongTypeAreFindingsOnTheirLines() {
    return cases(kubernetes());
  }

  @TestFactory
  Stream<DynamicTest> aFileThatIsNoYamlTopoReadsIsAFindingOnItsLine() {
    return cases(files());
  }

  private static Stream<DynamicTest> cases(List<Case> cases) {
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      FileModel model = Manifests.read(URI_, c.yaml());
      List<Finding> findings = ExpectMarkers.findings(model);
      String rule = Rules.of(c.code()).id();
      assertTrue(findings.stream().anyMatch(f -> f.rule().id().equals(rule) && line(model, f) == c.line()),
          () -> c.name() + ": expected " + rule + " on line " + c.line() + ", got " + findings.stream()
              .map(f -> line(model, f) + " " + f.rule().id() + " " + f.message()).toList());
      assertTrue(findings.stream().allMatch(f -> f.span().start() >= 0 && f.span().end() <= c.yaml().length()),
          findings.toString());
    }));
  }

  private static int line(FileModel model, Finding finding) {
    return model.lines().line(finding.span().start()) + 1;
  }

  @Test
  void anEmptyDocumentAmongManifestsIsNoProblemAsKubectlAndHelmPrintThem() {
    String text = "---\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: \"c:1\"}]}\n---\n";
    assertEquals(List.of(), Manifests.read(URI_, text).problems());
    String compose = "---\n---\nservices:\n  a: {image: \"a:1\"}\n";
    assertEquals(List.of(), ComposeReader.read(URI_, compose, ComposeReader.Options.host("h")).model().problems(),
        "the first document that is not empty is the Compose file");
  }

  @Test
  void kubernetesNumbersAndBooleansWhereTextBelongsAreFindings() {
    String pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: %s}\nspec: {containers: [{name: %s, image: %s}]}\n";
    for (String text : List.of(pod.formatted("5", "c", "c:1"), pod.formatted("p", "true", "c:1"), pod.formatted("p", "c", "5"),
        "apiVersion: v1\nkind: Node\nmetadata: {name: n, labels: {tier: 1}}\n")) {
      assertEquals(List.of(ProblemCode.INVALID_VALUE), Manifests.read(URI_, text).problems().stream().map(p -> p.code()).toList(),
          text);
    }
  }
}
