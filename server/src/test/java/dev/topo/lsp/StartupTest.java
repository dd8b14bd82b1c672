package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code topo lsp} answers {@code initialize} without what it does not need for the answer
 * (issue 16: start to {@code initialize} is what an editor waits for). Told by the classes the
 * JVM loads, not by a clock: the command line's parser, the rules and the knowledge base each
 * cost tens of milliseconds to load, and each waits until something asks for it.
 */
class StartupTest {
  @Test
  void initializeIsAnsweredWithoutTheCommandLineParserTheRulesOrTheKnowledgeBase(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("classes.log");
    List<String> loaded;
    // No `initialized`: after it, the server reads the knowledge base in the background.
    try (ServerProcess server = new ServerProcess(List.of("-Xlog:class+load=info:file=\"" + log + "\":none"), Map.of())) {
      server.request(1, "initialize", "{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}");
      assertTrue(server.response(1).has("result"));
      server.request(2, "shutdown", "null");
      server.response(2);
      server.notify("exit", "null");
      assertEquals(0, server.exitCode());
      loaded = Files.readAllLines(log).stream().map(line -> line.split(" ")[0]).toList();
    }
    assertTrue(loaded.contains(TopoLanguageServer.class.getName()), "the log lists the server's classes: " + loaded.size());
    List<String> early = loaded.stream()
        .filter(name -> name.startsWith("picocli.") || name.startsWith("dev.topo.check.rules.")
            || name.startsWith("dev.topo.knowledge.Entry"))
        .toList();
    assertEquals(List.of(), early);
  }

  /**
   * LSP4J's reflection over every method of the protocol (which loads the parameter types of
   * all of them, {@code CompletionParams} among them, and of the client's, {@code
   * ShowDocumentParams} among them) waits for the first message after {@code initialize}, and
   * the client's for the first message to the client.
   */
  @Test
  void initializeIsAnsweredBeforeLsp4jReflectsOverTheProtocol(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("classes.log");
    List<String> reflected = List.of("org.eclipse.lsp4j.CompletionParams", "org.eclipse.lsp4j.ShowDocumentParams");
    try (ServerProcess server = new ServerProcess(List.of("-Xlog:class+load=info:file=\"" + log + "\":none"), Map.of())) {
      server.request(1, "initialize", "{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}");
      assertTrue(server.response(1).get("result").getAsJsonObject().has("capabilities"));
      List<String> loaded = Files.readAllLines(log).stream().map(line -> line.split(" ")[0]).toList();
      assertTrue(loaded.contains(TopoLanguageServer.class.getName()), "the log lists the server's classes: " + loaded.size());
      assertEquals(List.of(), loaded.stream().filter(reflected::contains).toList());
      server.request(2, "shutdown", "null");
      server.response(2);
      loaded = Files.readAllLines(log).stream().map(line -> line.split(" ")[0]).toList();
      assertTrue(loaded.contains("org.eclipse.lsp4j.CompletionParams"), "the next request needed the reflection, and had it");
      server.notify("exit", "null");
      assertEquals(0, server.exitCode());
    }
  }

  @Test
  void afterInitializedTheRulesAndTheKnowledgeBaseAreLoadedBeforeAnyoneAsks(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("classes.log");
    try (ServerProcess server = new ServerProcess(List.of("-Xlog:class+load=info:file=\"" + log + "\":none"), Map.of())) {
      server.initialize(null, null);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      List<String> loaded = List.of();
      while (!(loaded.contains("dev.topo.knowledge.Entry") && loaded.contains("dev.topo.check.rules.UnknownReferenceRule"))
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
        loaded = Files.readAllLines(log).stream().map(line -> line.split(" ")[0]).toList();
      }
      assertTrue(loaded.contains("dev.topo.knowledge.Entry"), "the knowledge base is read");
      assertTrue(loaded.contains("dev.topo.check.rules.UnknownReferenceRule"), "the rules are loaded");
    }
  }
}
