package dev.topo.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.topo.model.FileModel;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each Kubernetes fixture gives exactly the findings marked in it with {@code # expect: RULE-ID}
 * on the line where each must point.
 */
class KubernetesFixturesTest {

  static String fixture(String name) throws IOException {
    try (InputStream in = KubernetesFixturesTest.class.getResourceAsStream("/yaml/kubernetes/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mixed-cluster.yaml", "daemonsets-and-jobs.yaml", "taints-and-init.yaml", "dotted-node-names.yaml"})
  void eachFixtureGivesExactlyTheFindingsMarkedInIt(String name) throws IOException {
    String text = fixture(name);
    FileModel model = KubernetesReader.read(URI.create("file:///ws/k8s/" + name), text,
        new KubernetesReader.Options("prod")).model();
    assertFalse(ExpectMarkers.expected(text).isEmpty(), "a fixture marks what it is for");
    assertEquals(ExpectMarkers.expected(text), ExpectMarkers.actual(model), () -> "findings of " + name + ": "
        + ExpectMarkers.findings(model).stream()
            .map(f -> (model.lines().line(f.span().start()) + 1) + " " + f.rule().id() + " " + f.message()).toList()
        + "\nproblems: " + model.problems());
  }
}
