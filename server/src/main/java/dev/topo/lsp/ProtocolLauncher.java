package dev.topo.lsp;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * LSP4J's launcher with the server's own message reader ({@link BoundedMessageProducer}),
 * and with every request after {@code shutdown} answered {@code InvalidRequest}, as the
 * protocol says, before it reaches the server. LSP4J builds its reader inside
 * {@code create()}, so this builder keeps the JSON handler and endpoint it makes there and
 * hands the processor a bounded reader instead. Its Gson writes an outline block already
 * rendered as the JSON stored with it ({@link RenderedSymbol}).
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
    configureGson(gson -> gson.registerTypeAdapterFactory(RenderedSymbol.WRITER));
  }

  @Override
  protected MessageJsonHandler createJsonHandler() {
    jsonHandler = super.createJsonHandler();
    return jsonHandler;
  }

  @Override
  protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler handler) {
    endpoint = super.createRemoteEndpoint(handler);
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
