package dev.topo.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Import;
import dev.topo.model.Name;
import dev.topo.model.Span;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The core of navigation and rename, without any editor types. */
class ReferencesTest {
  static Program load(MemorySources sources, String root) {
    return new ProgramLoader(sources, new ParseCache(), MemorySources.ROOT).load(MemorySources.uri(root)).orElseThrow();
  }

  static List<Integer> starts(Program program, List<Name> names) {
    return names.stream().map(n -> program.span(n).start()).toList();
  }

  @Test
  void samePlaceComparesNormalisedDocumentsAndOffsets() {
    URI a = URI.create("file:///ws/a.topo");
    assertTrue(References.samePlace(new Span(a, 1, 3), new Span(URI.create("file:///ws/./x/../a.topo"), 1, 3)));
    assertFalse(References.samePlace(new Span(a, 1, 3), new Span(a, 1, 4)));
    assertFalse(References.samePlace(new Span(a, 1, 3), new Span(URI.create("file:///ws/b.topo"), 1, 3)));
  }

  @Test
  void nodeReferencesAreThoseOfTheRootFileThatResolveToTheDeclaration() {
    MemorySources sources = new MemorySources()
        .with("lib.topo", "host n1 { }\ncluster inLib { nodes n1 }")
        .with("main.topo", "import \"lib.topo\"\ncluster k { nodes n1, n2, n1 }");
    Program program = load(sources, "main.topo");
    Entity n1 = program.node("n1").orElseThrow();
    assertEquals(List.of(36, 44), starts(program, References.nodeReferences(program, n1)), "the library's own cluster is not the root's");
    Entity cluster = program.root().declarations().get(0);
    assertEquals(List.of(), References.nodeReferences(program, cluster), "clusters are never referenced");
  }

  @Test
  void aSecondHostOfTheSameNameIsNotWhatReferencesResolveTo() {
    Program program = load(new MemorySources().with("main.topo", "host a { }\nhost a { }\ncluster k { nodes a }"), "main.topo");
    Entity second = program.root().declarations().get(1);
    assertEquals(List.of(), References.nodeReferences(program, second));
  }

  @Test
  void onlyTheFirstLibraryOfANameSatisfiesTheModulesOfItsBlock() {
    Program program = load(new MemorySources().with("main.topo",
        "host h { library jq \"1\"; library jq \"2\"; module m { requires jq \"1\" } }"), "main.topo");
    Entity host = program.root().declarations().get(0);
    assertEquals(1, References.requirements(new References.Provided(host, host.libraries().get(0))).size());
    assertEquals(0, References.requirements(new References.Provided(host, host.libraries().get(1))).size());
    Entity module = host.children(EntityKind.MODULE).get(0);
    assertEquals(Optional.of(host.libraries().get(0)),
        References.provider(program, module, module.requirements().get(0)).map(References.Provided::library));
  }

  @Test
  void importTargetsAreThoseTheLoaderFollows() {
    MemorySources sources = new MemorySources().with("main.topo", "").with("lib/a.topo", "");
    ProgramLoader loader = new ProgramLoader(sources, new ParseCache(), MemorySources.ROOT);
    URI main = MemorySources.uri("main.topo");
    Span nowhere = new Span(main, 0, 0);
    assertEquals(Optional.of(MemorySources.uri("lib/a.topo")), loader.target(main, new Import(nowhere, "lib/a.topo", nowhere)));
    assertEquals(Optional.empty(), loader.target(main, new Import(nowhere, "lib/b.topo", nowhere)));
    assertEquals(Optional.empty(), loader.target(main, new Import(nowhere, "../out.topo", nowhere)));
  }
}
