package dev.topo.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.topo.check.rules.Rules;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.workspace.MemorySources;
import dev.topo.workspace.ParseCache;
import dev.topo.workspace.Program;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two copies of the same block, character for character, are two blocks: each with its own
 * children, facts and findings, before and after an edit that re-parses one and moves the
 * other. Whatever a model element's identity comes to rest on (its place in the file today),
 * equal text must not make two copies one.
 */
class IdenticalBlocksTest {
  private static final String COPY = """
      host twin {
        os linux "Ubuntu 22.04"
        runtime docker
        container app { image "registry.example.com/app:1.0.0" }
      }
      """;
  private static final URI MAIN = MemorySources.uri("main.topo");

  @Test
  void twoCopiesOfABlockKeepTheirOwnChildrenFactsAndFindingsThroughAnEdit() {
    String text = COPY + COPY;
    ParseCache cache = new ParseCache();
    Analyzer analyzer = new Analyzer(new MemorySources().with("main.topo", text), cache, MemorySources.ROOT,
        new Checker(Rules.all(), Config.DEFAULT));
    assertCopiesApart(analyzer.analyze(MAIN, text, Cancellation.NONE), text);

    // A statement typed into the first copy: it is parsed again, the second only moved.
    int at = text.indexOf("runtime docker\n") + "runtime docker\n".length();
    String edited = text.substring(0, at) + "  cpu 4\n" + text.substring(at);
    assertCopiesApart(analyzer.analyze(MAIN, edited, Cancellation.NONE), edited);
    assertEquals(1, cache.parses().incremental(), "the edit was parsed incrementally");
  }

  private static void assertCopiesApart(Analyzer.Analysis analysis, String text) {
    Program program = analysis.program();
    List<Entity> hosts = program.entities(EntityKind.HOST);
    assertEquals(2, hosts.size());
    assertNotEquals(hosts.get(0), hosts.get(1));
    for (Entity host : hosts) {
      Entity app = host.children().get(0);
      assertSame(host, program.parent(app).orElseThrow(), "each container's parent is its own copy");
      assertEquals("5.15", program.platform(host).kernel().orElseThrow().value().toString());
    }
    int second = text.indexOf("host twin", 1);
    List<Integer> unlimited = analysis.findings().stream().filter(f -> f.rule().id().equals("missing-limits"))
        .map(f -> f.span().start()).toList();
    assertEquals(List.of(text.indexOf("app"), text.indexOf("app", second)), unlimited, "a finding at each copy's container");
  }
}
