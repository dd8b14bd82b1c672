package dev.topo.lsp;

import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * LSP4J's launcher with the server's own message reader ({@link BoundedMessageProducer}).
 * LSP4J builds its reader inside {@code create()}, so this builder keeps the JSON handler
 * and endpoint it makes there and hands the processor a bounded reader instead.
 */
final class ProtocolLauncher extends LSPLauncher.Builder<LanguageClient> {
  private MessageJsonHandler jsonHandler;
  private RemoteEndpoint endpoint;

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

  @Override
  protected ConcurrentMessageProcessor createMessageProcessor(MessageProducer reader, MessageConsumer consumer,
      LanguageClient proxy) {
    return super.createMessageProcessor(new BoundedMessageProducer(input, jsonHandler, endpoint), consumer, proxy);
  }
}
