package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;

/** What the server knows of {@code initialize} without LSP4J's reflection is what that reflection says. */
class DeferredRpcTest {
  @Test
  void initializeIsTheMethodLsp4jFindsByReflection() {
    JsonRpcMethod reflected = ServiceEndpoints.getSupportedMethods(LanguageServer.class).get(DeferredRpc.INITIALIZE);
    JsonRpcMethod known = DeferredRpc.INITIALIZE_METHOD;
    assertEquals(reflected.getMethodName(), known.getMethodName());
    assertEquals(List.of(reflected.getParameterTypes()), List.of(known.getParameterTypes()));
    assertEquals(reflected.getReturnType(), known.getReturnType());
    assertEquals(reflected.getReturnTypeAdapterFactory(), known.getReturnTypeAdapterFactory());
    assertEquals(reflected.isNotification(), known.isNotification());
  }

  @Test
  void theMethodsAreReflectedOnceAndOnlyForAMessageOtherThanInitialize() {
    AtomicInteger reflections = new AtomicInteger();
    Map<String, JsonRpcMethod> methods = new DeferredRpc.Methods(() -> {
      reflections.incrementAndGet();
      return ServiceEndpoints.getSupportedMethods(LanguageServer.class);
    });
    assertSame(DeferredRpc.INITIALIZE_METHOD, methods.get("initialize"));
    assertEquals(0, reflections.get());
    assertEquals("textDocument/hover", methods.get("textDocument/hover").getMethodName());
    assertNull(methods.get("no/such"));
    assertEquals("initialize", methods.get("initialize").getMethodName());
    assertEquals(1, reflections.get());
  }

  @Test
  void theServerAnswersInitializeItselfAndHandsTheRestToTheReflectiveEndpoint() throws Exception {
    TopoLanguageServer server = new TopoLanguageServer(code -> { }, Optional.empty());
    List<String> handedOn = new ArrayList<>();
    AtomicInteger made = new AtomicInteger();
    Endpoint endpoint = new DeferredRpc.ServerEndpoint(server, () -> {
      made.incrementAndGet();
      return new Endpoint() {
        @Override
        public CompletableFuture<?> request(String method, Object parameter) {
          handedOn.add(method);
          return CompletableFuture.completedFuture(null);
        }

        @Override
        public void notify(String method, Object parameter) {
          handedOn.add(method);
        }
      };
    });
    Object answer = endpoint.request("initialize", new InitializeParams()).get();
    assertEquals("topo", ((InitializeResult) answer).getServerInfo().getName());
    assertEquals(0, made.get(), "initialize needs no reflection");
    endpoint.notify("initialized", null);
    endpoint.request("shutdown", null).get();
    assertEquals(List.of("initialized", "shutdown"), handedOn);
    assertEquals(1, made.get());
  }
}
