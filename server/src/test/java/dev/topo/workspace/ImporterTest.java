package dev.topo.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The import's core: texts in, formatted .topo text and warnings out, refusals worded for any face. */
class ImporterTest {
  private static final String COMPOSE = "services:\n  web:\n    image: nginx:1.27\n    mem_limit: lots\n";
  private static final String NODE = "apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n";
  private static final String POD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n"
      + "spec:\n  containers:\n  - name: web\n    image: nginx:1.27\n";

  private static Importer.Source source(String shown, String text) {
    return new Importer.Source(URI.create("file:///ws/shop/" + shown), shown, text);
  }

  @Test
  void kubernetesFilesBecomeOneClusterNamedAfterTheFirstFilesFolderEachEntityTracedToItsFile() {
    Importer.Imported imported = Importer.run(List.of(source("nodes.yaml", NODE), source("pods.yaml", POD)),
        new Importer.Options(Importer.Format.KUBERNETES, Optional.empty()));
    String text = imported.text();
    assertTrue(text.startsWith("host n1 {\n  // from nodes.yaml:1\n}"), "formatted: " + text);
    assertTrue(text.contains("cluster shop {\n  // from nodes.yaml:1\n  nodes n1\n"), text);
    assertTrue(text.contains("    // from pods.yaml:1\n    container web {\n      // from pods.yaml:7"), text);
    assertEquals(List.of(), imported.warnings());
  }

  @Test
  void whatCannotBeReadIsAWarningAtItsFileAndLineAndANameGivenNamesTheHost() {
    Importer.Imported imported = Importer.run(List.of(source("compose.yaml", COMPOSE)),
        new Importer.Options(Importer.Format.COMPOSE, Optional.of("edge")));
    assertTrue(imported.text().startsWith("host edge {"), imported.text());
    assertEquals(1, imported.warnings().size(), String.valueOf(imported.warnings()));
    assertTrue(imported.warnings().get(0).startsWith("compose.yaml:4: "), imported.warnings().get(0));
  }

  @Test
  void refusesNothingSeveralComposeFilesAndAFileOfTheOtherFormat() {
    Importer.Options compose = new Importer.Options(Importer.Format.COMPOSE, Optional.empty());
    assertEquals("nothing to import", assertThrows(Importer.Refused.class, () -> Importer.run(List.of(), compose)).getMessage());
    assertEquals("compose imports one file at a time; 2 were given", assertThrows(Importer.Refused.class,
        () -> Importer.run(List.of(source("a.yaml", COMPOSE), source("b.yaml", COMPOSE)), compose)).getMessage());
    assertEquals("pods.yaml is not a Compose file (a services map)", assertThrows(Importer.Refused.class,
        () -> Importer.run(List.of(source("pods.yaml", POD)), compose)).getMessage());
  }

  @Test
  void formatsAreNamedAsTheFacesSayThemAndToldFromTheContent() {
    assertEquals(Optional.of(Importer.Format.KUBERNETES), Importer.Format.named("K8s"));
    assertEquals(Optional.of(Importer.Format.KUBERNETES), Importer.Format.named("kubernetes"));
    assertEquals(Optional.of(Importer.Format.COMPOSE), Importer.Format.named("compose"));
    assertEquals(Optional.empty(), Importer.Format.named("helm"));
    assertEquals("k8s", Importer.Format.KUBERNETES.word());
    assertEquals(Optional.of(Importer.Format.COMPOSE), Importer.Format.named(Importer.Format.COMPOSE.word()));
    assertEquals(Optional.of(Importer.Format.KUBERNETES), Importer.Format.of(POD));
    assertEquals(Optional.of(Importer.Format.COMPOSE), Importer.Format.of(COMPOSE));
    assertEquals(Optional.empty(), Importer.Format.of("name: build\non: [push]\n"));
  }
}
