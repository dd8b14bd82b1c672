package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.FileModel;
import dev.topo.model.LineMap;
import dev.topo.syntax.TopologySyntax;
import dev.topo.workspace.MemorySources;
import dev.topo.workspace.Program;
import dev.topo.workspace.TextDocument;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.services.LanguageClient;
import org.junit.jupiter.api.Test;

/** The start's warm-up: it types into its own design on its own server, and only while the real one is idle. */
class KeystrokeWarmUpTest {
  @Test
  void everyKeystrokeIsAnsweredByThePrivateServerAndTheRealSessionIsLeftAlone() {
    Session real = new Session();
    long generation = real.generation();
    assertTrue(KeystrokeWarmUp.design().isPresent(), "the sample is shipped beside the class");
    assertTrue(KeystrokeWarmUp.beside(real, 5), "each keystroke's answers and diagnostics came");
    assertTrue(real.documents().all().isEmpty());
    assertEquals(generation, real.generation());
  }

  /** It types where a keystroke costs the most: inside a block that is one of a cluster's nodes, which is checked again. */
  @Test
  void itTypesIntoANodeOfTheSamplesCluster() {
    String design = KeystrokeWarmUp.design().orElseThrow();
    FileModel file = TopologySyntax.parse(MemorySources.uri("shop.topo"), design);
    int typedAt = LineMap.of(design).lineStart(KeystrokeWarmUp.typingLine(design));
    Entity block = file.declarations().stream().filter(d -> file.span(d).start() < typedAt && typedAt < file.span(d).end())
        .findFirst().orElseThrow();
    Program program = Program.single(file);
    Entity cluster = program.entities(EntityKind.CLUSTER).get(0);
    assertTrue(program.nodesOf(cluster).contains(block), block.name().text() + " is no node of " + cluster.name().text());
  }

  @Test
  void aServerMadeToWarmUpDoesSoAfterInitializedAndItsClientHearsNothingOfIt() throws Exception {
    LanguageClient client = mock(LanguageClient.class);
    TopoLanguageServer server = new TopoLanguageServer(code -> { }, Optional.empty(), 3);
    server.connect(client);
    server.initialize(new InitializeParams()).get(10, TimeUnit.SECONDS);
    server.initialized(new InitializedParams());
    assertTrue(server.warmedUp().get(30, TimeUnit.SECONDS));
    verify(client, never()).publishDiagnostics(any());
    verify(client, never()).logMessage(argThat(m -> !m.getMessage().startsWith("indexed "))); // its own index's line only
    assertTrue(server.session().documents().all().isEmpty());

    TopoLanguageServer plain = new TopoLanguageServer(code -> { }, Optional.empty());
    plain.connect(client);
    plain.initialize(new InitializeParams()).get(10, TimeUnit.SECONDS);
    plain.initialized(new InitializedParams());
    assertFalse(plain.warmedUp().get(30, TimeUnit.SECONDS), "a server made for tests or embedding does not warm up");
  }

  @Test
  void itTypesNothingWhileTheRealServerIsBusy() throws Exception {
    AtomicBoolean idle = new AtomicBoolean(false);
    AtomicInteger asked = new AtomicInteger();
    KeystrokeWarmUp warmUp = new KeystrokeWarmUp(() -> {
      asked.incrementAndGet();
      return idle.get();
    }, KeystrokeWarmUp.design().orElseThrow());
    CompletableFuture<Boolean> typed = CompletableFuture.supplyAsync(() -> warmUp.type(3));
    Thread.sleep(300);
    assertFalse(typed.isDone(), "it waits before even starting its server's session");
    assertTrue(asked.get() > 10, "and keeps asking");
    idle.set(true);
    assertTrue(typed.get(30, TimeUnit.SECONDS));
  }

  @Test
  void theSessionIsIdleOnlyWithNothingUnderWayAndNothingRecent() throws InterruptedException {
    Session session = new Session();
    long quiet = TimeUnit.MILLISECONDS.toNanos(200);
    Thread.sleep(300);
    assertTrue(session.idleFor(quiet));
    assertFalse(session.working(() -> session.idleFor(0)), "a request or an analysis under way");
    assertTrue(session.idleFor(0), "and none after it");
    assertFalse(session.idleFor(quiet), "but one ended just now: the next may be on its way");
    Thread.sleep(300);
    assertTrue(session.idleFor(quiet));
    session.change(() -> session.documents().open(new TextDocument(URI.create("file:///a.topo"), 1, "")));
    assertFalse(session.idleFor(quiet), "a change just now");
    assertTrue(session.idleFor(0));
  }
}
