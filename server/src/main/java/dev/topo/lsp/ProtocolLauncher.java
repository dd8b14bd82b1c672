package dev.topo.lsp;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * LSP4J's launcher with the server's own message reader ({@link BoundedMessageProducer}),
 * and with every request after {@code shutdown} answered {@code InvalidRequest}, as the
 * protocol says, before it reaches the server. LSP4J builds its reader inside
 * {@code create()}, so this builder keeps the JSON handler and endpoint it makes there and
 * hands the processor a bounded reader instead. Its Gson writes an outline block already
 * rendered as the JSON stored with it ({@link RenderedSymbol}), and reads the client's
 * capabilities as sent, reading them whole only when asked ({@link SentCapabilities}), and writes
 * the answer without reading an annotation ({@link InitializeJson}). It answers {@code initialize}
 * before LSP4J reflects over the protocol's interfaces, and makes the client's proxy when it
 * is first used ({@link DeferredRpc}).
 */
final class ProtocolLauncher extends LSPLauncher.Builder<LanguageClient> {
  private final BooleanSupplier shutDown;
  private MessageJsonHandler jsonHandler;
  private RemoteEndpoint endpoint;

  private final Consumer<RefusedDocument> refused;

  /**
   * @param shutDown whether the server has been asked to shut down
   * @param refused told of each document whose message was too large to read
   */
  ProtocolLauncher(BooleanSupplier shutDown, Consumer<RefusedDocument> refused) {
    this.shutDown = shutDown;
    this.refused = refused;
    configureGson(gson -> {
      gson.registerTypeAdapterFactory(RenderedSymbol.WRITER).registerTypeAdapterFactory(FoldingRanges.WRITER)
          .registerTypeAdapterFactory(SentCapabilities.READER).registerTypeAdapterFactory(EncodedTokens.WRITER)
          .registerTypeAdapterFactory(RenderedLenses.WRITER);
      InitializeJson.FACTORIES.forEach(gson::registerTypeAdapterFactory);
    });
  }

  @Override
  protected MessageJsonHandler createJsonHandler() {
    jsonHandler = super.createJsonHandler();
    return jsonHandler;
  }

  /** None here: the client's proxy is made when first used ({@link #deferredClient}). */
  @Override
  protected LanguageClient createProxy(RemoteEndpoint remoteEndpoint) {
    return null;
  }

  /** LSP4J's proxy of the client, made on first use: it reflects over every method of {@link LanguageClient}. */
  Supplier<LanguageClient> deferredClient() {
    DeferredRpc.Once<LanguageClient> client = new DeferredRpc.Once<>(() -> super.createProxy(endpoint));
    return client::get;
  }

  /** The protocol's methods, known without reflection for {@code initialize} ({@link DeferredRpc}). */
  @Override
  protected Map<String, JsonRpcMethod> getSupportedMethods() {
    return new DeferredRpc.Methods(super::getSupportedMethods);
  }

  /** LSP4J's own, with the server's endpoint answering {@code initialize} before LSP4J reflects over the server. */
  @Override
  protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler handler) {
    if (localServices.size() != 1 || !(localServices.iterator().next() instanceof LanguageServer languageServer)) {
      endpoint = super.createRemoteEndpoint(handler);
      return endpoint;
    }
    MessageConsumer outgoing = wrapMessageConsumer(new BufferedMessageConsumer(output, handler));
    Endpoint server = new DeferredRpc.ServerEndpoint(languageServer, () -> ServiceEndpoints.toEndpoint(localServices));
    endpoint = exceptionHandler == null ? new RemoteEndpoint(outgoing, server)
        : new RemoteEndpoint(outgoing, server, exceptionHandler);
    handler.setMethodProvider(endpoint);
    endpoint.setJsonHandler(handler);
    return endpoint;
  }

  /** The consumer of incoming messages (the endpoint) refuses requests once shut down; outgoing ones pass. */
  @Override
  protected MessageConsumer wrapMessageConsumer(MessageConsumer consumer) {
    MessageConsumer wrapped = super.wrapMessageConsumer(consumer);
    if (!(consumer instanceof RemoteEndpoint remote)) {
      return wrapped;
    }
    return message -> {
      if (message instanceof RequestMessage && shutDown.getAsBoolean()) {
        remote.handle(message, List.of(new MessageIssue("the server is shut down: only exit is accepted",
            ResponseErrorCode.InvalidRequest.getValue())));
      } else {
        wrapped.consume(message);
      }
    };
  }

  @Override
  protected ConcurrentMessageProcessor createMessageProcessor(MessageProducer reader, MessageConsumer consumer,
      LanguageClient proxy) {
    return super.createMessageProcessor(new BoundedMessageProducer(input, jsonHandler, endpoint, refused), consumer, proxy);
  }
}
