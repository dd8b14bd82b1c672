package dev.topo.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.topo.check.Cancellation;
import dev.topo.check.Checker;
import dev.topo.check.Config;
import dev.topo.check.rules.Rules;
import dev.topo.model.FileModel;
import dev.topo.workspace.Program;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each Kubernetes fixture gives exactly the findings marked in it with {@code # expect: RULE-ID}
 * on the line where each must point.
 */
class KubernetesFixturesTest {
  private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*([a-z-]+(?:\\s*,\\s*[a-z-]+)*)");

  static String fixture(String name) throws IOException {
    try (InputStream in = KubernetesFixturesTest.class.getResourceAsStream("/yaml/kubernetes/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** "LINE rule-id" for each marker, lines counted from 1, sorted. */
  static List<String> expected(String text) {
    List<String> expected = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = EXPECT.matcher(lines[i]);
      if (m.find()) {
        for (String rule : m.group(1).split(",")) {
          expected.add((i + 1) + " " + rule.trim());
        }
      }
    }
    return expected.stream().sorted().toList();
  }

  static List<String> actual(FileModel model) {
    return new Checker(Rules.all(), Config.DEFAULT).check(Program.single(model), Cancellation.NONE).stream()
        .map(f -> (model.lines().line(f.span().start()) + 1) + " " + f.rule().id() + " ")
        .map(String::strip).sorted().toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"mixed-cluster.yaml", "daemonsets-and-jobs.yaml"})
  void eachFixtureGivesExactlyTheFindingsMarkedInIt(String name) throws IOException {
    String text = fixture(name);
    FileModel model = KubernetesReader.read(URI.create("file:///ws/k8s/" + name), text,
        new KubernetesReader.Options("prod")).model();
    assertFalse(expected(text).isEmpty(), "a fixture marks what it is for");
    assertEquals(expected(text), actual(model), () -> "findings of " + name + ": "
        + new Checker(Rules.all(), Config.DEFAULT).check(Program.single(model), Cancellation.NONE).stream()
            .map(f -> (model.lines().line(f.span().start()) + 1) + " " + f.rule().id() + " " + f.message()).toList()
        + "\nproblems: " + model.problems());
  }
}
