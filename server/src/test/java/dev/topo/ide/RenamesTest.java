package dev.topo.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.workspace.MemorySources;
import dev.topo.workspace.ParseCache;
import dev.topo.workspace.Program;
import dev.topo.workspace.ProgramLoader;
import org.junit.jupiter.api.Test;

/** Which names a block may take, without a workspace around it. */
class RenamesTest {
  @Test
  void renamesRefuseNonIdentifiersAndTakenNames() {
    assertTrue(Renames.invalidName("a-b_9").isEmpty());
    assertTrue(Renames.invalidName("-a.b").isEmpty(), "written quoted");
    assertTrue(Renames.invalidName("").isPresent());
    assertTrue(Renames.invalidName("a\nb").isPresent());
    assertTrue(Renames.invalidName(null).isPresent());
    assertEquals("a.b", Renames.typed("\"a.b\""));
    assertEquals("\"a\\\"b\"", Renames.typed("\"a\\\"b\""), "quotes with escapes inside are taken as typed");
    MemorySources sources = new MemorySources().with("main.topo",
        "host h { container a { } container b { } module a { } }\ncluster k { pod p { } }");
    Program program = new ProgramLoader(sources, new ParseCache(), MemorySources.ROOT)
        .load(MemorySources.uri("main.topo")).orElseThrow();
    Entity host = program.root().declarations().get(0);
    Entity containerB = host.children(EntityKind.CONTAINER).get(1);
    assertTrue(Renames.collision(program, containerB, "a").isPresent());
    assertTrue(Renames.collision(program, containerB, "b").isEmpty(), "its own name is no collision");
    assertTrue(Renames.collision(program, host.children(EntityKind.MODULE).get(0), "b").isEmpty(),
        "modules and containers have separate scopes, as duplicate-name counts them");
    assertTrue(Renames.collision(program, host, "p").isPresent(), "pods share the global scope");
  }
}
