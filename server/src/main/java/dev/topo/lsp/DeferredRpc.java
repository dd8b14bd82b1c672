package dev.topo.lsp;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * LSP4J's reflection over the protocol's interfaces, put off until a message other than
 * {@code initialize} needs it. To know every method's parameter and result types LSP4J reads
 * all of {@code LanguageServer}'s and {@code LanguageClient}'s methods and loads some 300
 * classes: half the CPU of a start before the first answer, spent on methods a client may
 * never call. {@code initialize} is known here; the rest is worked out, once, when the next
 * message arrives (the client's proxy when the server first speaks to the client).
 */
final class DeferredRpc {
  private DeferredRpc() {}

  static final String INITIALIZE = "initialize";
  /** What LSP4J's reflection says of {@link LanguageServer#initialize} (a test holds the two together). */
  static final JsonRpcMethod INITIALIZE_METHOD = JsonRpcMethod.request(INITIALIZE, InitializeResult.class,
      InitializeParams.class);

  /** The methods of the protocol by name, for reading messages: all of them once anything but initialize is asked. */
  static final class Methods extends AbstractMap<String, JsonRpcMethod> {
    private final Once<Map<String, JsonRpcMethod>> all;

    Methods(Supplier<Map<String, JsonRpcMethod>> reflected) {
      this.all = new Once<>(reflected);
    }

    @Override
    public JsonRpcMethod get(Object name) {
      return INITIALIZE.equals(name) && !all.done() ? INITIALIZE_METHOD : all.get().get(name);
    }

    @Override
    public Set<Entry<String, JsonRpcMethod>> entrySet() {
      return all.get().entrySet();
    }
  }

  /** The server as LSP4J calls it: {@code initialize} directly, the rest through LSP4J's reflective endpoint, made when first needed. */
  static final class ServerEndpoint implements Endpoint {
    private final LanguageServer server;
    private final Once<Endpoint> reflected;

    ServerEndpoint(LanguageServer server, Supplier<Endpoint> reflected) {
      this.server = server;
      this.reflected = new Once<>(reflected);
    }

    @Override
    public CompletableFuture<?> request(String method, Object parameter) {
      if (INITIALIZE.equals(method) && parameter instanceof InitializeParams params) {
        return server.initialize(params);
      }
      return reflected.get().request(method, parameter);
    }

    @Override
    public void notify(String method, Object parameter) {
      reflected.get().notify(method, parameter);
    }
  }

  /** A value made on first use, by whichever thread asks first; the others wait for it. */
  static final class Once<T> {
    private final Supplier<T> make;
    private volatile T value;

    Once(Supplier<T> make) {
      this.make = make;
    }

    boolean done() {
      return value != null;
    }

    T get() {
      T v = value;
      if (v == null) {
        synchronized (this) {
          if (value == null) {
            value = make.get();
          }
          v = value;
        }
      }
      return v;
    }
  }
}
