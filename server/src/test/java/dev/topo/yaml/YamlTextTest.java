package dev.topo.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.model.EntityDraft;
import dev.topo.model.EntityKind;
import dev.topo.model.Entity;
import dev.topo.model.Keyword;
import dev.topo.model.LineMap;
import dev.topo.model.Name;
import dev.topo.model.Problem;
import dev.topo.model.ProblemCode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

class YamlTextTest {
  private static final URI URI_ = URI.create("file:///ws/k8s.yaml");

  private static YamlText yaml(String text) {
    return new YamlText(URI_, text);
  }

  private static Node value(Node document, String key) {
    for (NodeTuple tuple : ((MappingNode) document).getValue()) {
      if (tuple.getKeyNode() instanceof org.snakeyaml.engine.v2.nodes.ScalarNode s && s.getValue().equals(key)) {
        return tuple.getValueNode();
      }
    }
    throw new AssertionError(key);
  }

  @Test
  void aSpanCountsUtf16UnitsAsTheRestOfTopoDoesEvenAfterCharactersOutsideTheBasicPlane() {
    String text = "name: \"\uD83D\uDE80 rocket\"\r\ncpu: 500m\n---\nkind: Node\n";
    YamlText yaml = yaml(text);
    List<Node> documents = yaml.documents().nodes();
    assertEquals(2, documents.size());
    var cpu = yaml.span(value(documents.get(0), "cpu"));
    assertEquals("500m", text.substring(cpu.start(), cpu.end()));
    var kind = yaml.span(value(documents.get(1), "kind"));
    assertEquals("Node", text.substring(kind.start(), kind.end()));
  }

  @Test
  void aByteOrderMarkIsACharacterOfTheTextThatSnakeyamlsColumnLeavesOut() {
    String text = "\uFEFFcpu: 500m\n";
    YamlText yaml = yaml(text);
    var cpu = yaml.span(value(yaml.documents().nodes().get(0), "cpu"));
    assertEquals("500m", text.substring(cpu.start(), cpu.end()));
  }

  @Test
  void aSyntaxErrorIsAProblemAtItsLine() {
    String text = "a: 1\nb: [1, 2\nc: 3\n";
    Problem problem = yaml(text).documents().problem().orElseThrow();
    assertEquals(ProblemCode.SYNTAX, problem.code());
    assertTrue(problem.message().startsWith("YAML: "), problem.message());
    assertTrue(LineMap.of(text).line(problem.span().start()) >= 1, problem.toString());
  }

  @Test
  void aliasesThatWouldExplodeAndNestingTooDeepAreProblemsNotCrashes() {
    StringBuilder laughs = new StringBuilder("a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char previous = (char) (c - 1);
      laughs.append(c).append(": &").append(c).append(" [").append(("*" + previous + ", ").repeat(8)).append('*').append(previous)
          .append("]\n");
    }
    assertTrue(yaml(laughs.toString()).documents().problem().isPresent(), "billion laughs");
    String deep = "a: " + "[".repeat(YamlText.MAX_DEPTH + 1) + "]".repeat(YamlText.MAX_DEPTH + 1) + "\n";
    assertTrue(yaml(deep).documents().problem().orElseThrow().message().contains("nested deeper"));
  }

  @Test
  void aFileLargerThanTopoReadsIsAProblemWithoutBeingParsed() {
    String text = "services:\n" + "  # padding\n".repeat(YamlText.MAX_CHARACTERS / 12 + 1);
    Problem problem = yaml(text).documents().problem().orElseThrow();
    assertTrue(problem.message().startsWith("the file is too large to analyse"), problem.message());
  }

  @Test
  void statementsFromYamlMeanWhatTheyMeanInTopoAndBadValuesAreReportedAtTheirYamlSpan() {
    String text = "cpu: 500m\nmemory: lots\n";
    YamlText yaml = yaml(text);
    Node document = yaml.documents().nodes().get(0);
    List<Problem> problems = new ArrayList<>();
    EntityDraft draft = new EntityDraft(EntityKind.CONTAINER, dev.topo.model.Entity.described(EntityKind.CONTAINER, "web"), problems::add);
    Statements statements = new Statements(problems::add);
    for (String key : List.of("cpu", "memory")) {
      Node value = value(document, key);
      String scalar = ((org.snakeyaml.engine.v2.nodes.ScalarNode) value).getValue();
      statements.add(draft, Keyword.of(key).orElseThrow(), yaml.span(value), new Name(scalar, yaml.span(value)));
    }
    Entity web = draft.toEntity(new Name("web", yaml.span(document)), yaml.span(document));
    assertEquals(0.5, web.properties().cpuValue().orElseThrow());
    assertEquals(1, problems.size(), problems.toString());
    assertEquals(ProblemCode.INVALID_VALUE, problems.get(0).code());
    assertEquals("lots", text.substring(problems.get(0).span().start(), problems.get(0).span().end()));
  }
}
