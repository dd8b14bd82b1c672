package dev.topo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The editor side of a benchmark: hands diagnostics to {@code diagnostics}, and answers what
 * servers ask of an editor (settings, registrations, progress) with defaults, saying nothing.
 */
final class QuietClient implements LanguageClient {
  private final Consumer<PublishDiagnosticsParams> diagnostics;

  QuietClient(Consumer<PublishDiagnosticsParams> diagnostics) {
    this.diagnostics = diagnostics;
  }

  @Override
  public void publishDiagnostics(PublishDiagnosticsParams params) {
    diagnostics.accept(params);
  }

  @Override
  public void telemetryEvent(Object object) {}

  @Override
  public void showMessage(MessageParams params) {}

  @Override
  public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void logMessage(MessageParams params) {}

  @Override
  public CompletableFuture<List<Object>> configuration(ConfigurationParams params) {
    // Every section's defaults (the YAML file names its schema in its first line).
    List<Object> values = new ArrayList<>();
    params.getItems().forEach(item -> values.add(null));
    return CompletableFuture.completedFuture(values);
  }

  @Override
  public CompletableFuture<Void> registerCapability(RegistrationParams params) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
    return CompletableFuture.completedFuture(null);
  }
}
