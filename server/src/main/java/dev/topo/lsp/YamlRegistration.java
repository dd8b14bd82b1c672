package dev.topo.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DiagnosticRegistrationOptions;
import org.eclipse.lsp4j.DocumentFilter;
import org.eclipse.lsp4j.DynamicRegistrationCapabilities;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.TextDocumentChangeRegistrationOptions;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentRegistrationOptions;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.Unregistration;
import org.eclipse.lsp4j.UnregistrationParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * While {@code topology.yaml.enable} is on, asks the client to send YAML files and to ask about
 * them: their text, their hovers and, when the client pulls them, their diagnostics; nothing
 * else, so that no completion, outline, folding or formatter of topo's stands beside a YAML
 * extension's. Turned off, the registrations are withdrawn, and the client closes the files
 * (VS Code's client sends {@code didClose} for them and drops what it pulled).
 *
 * <p>Dynamic registration rather than a selector fixed in the client: the setting then takes
 * effect both ways without restarting the server, in any client that registers dynamically.
 */
final class YamlRegistration {
  /**
   * YAML files on disk by language and by name: the server tells YAML from {@code .topo} by the
   * extension, and a file a client colours as YAML ({@code .clang-format}) is no manifest.
   * {@code dockercompose} is VS Code's language for Compose files; Helm templates ({@code helm})
   * are not YAML until rendered, so they are left out.
   */
  static final List<DocumentFilter> YAML_FILES = List.of(
      new DocumentFilter("yaml", "file", Either.forLeft("**/*.{yaml,yml}")),
      new DocumentFilter("dockercompose", "file", Either.forLeft("**/*.{yaml,yml}")));

  private List<Registration> registered = List.of();

  /** Registers or withdraws, as the setting now says; nothing when nothing changes. */
  synchronized void update(LanguageClient client, ClientCapabilities capabilities, boolean enabled, boolean pull) {
    if (enabled == !registered.isEmpty() || client == null) {
      return;
    }
    if (enabled) {
      List<Registration> registrations = registrations(capabilities.getTextDocument(), pull);
      if (!registrations.isEmpty()) {
        registered = registrations;
        client.registerCapability(new RegistrationParams(registrations));
      }
    } else {
      List<Unregistration> unregistrations = registered.stream()
          .map(r -> new Unregistration(r.getId(), r.getMethod())).toList();
      registered = List.of();
      client.unregisterCapability(new UnregistrationParams(unregistrations));
    }
  }

  /** What the client lets the server register: text sync first, without which nothing else would answer. */
  static List<Registration> registrations(TextDocumentClientCapabilities text, boolean pull) {
    List<Registration> registrations = new ArrayList<>();
    if (text == null || !dynamic(text.getSynchronization())) {
      return registrations;
    }
    registrations.add(registration("textDocument/didOpen", new TextDocumentRegistrationOptions(YAML_FILES)));
    TextDocumentChangeRegistrationOptions change = new TextDocumentChangeRegistrationOptions(TextDocumentSyncKind.Incremental);
    change.setDocumentSelector(YAML_FILES);
    registrations.add(registration("textDocument/didChange", change));
    registrations.add(registration("textDocument/didClose", new TextDocumentRegistrationOptions(YAML_FILES)));
    if (dynamic(text.getHover())) {
      registrations.add(registration("textDocument/hover", new TextDocumentRegistrationOptions(YAML_FILES)));
    }
    if (pull && dynamic(text.getDiagnostic())) {
      DiagnosticRegistrationOptions diagnostics = new DiagnosticRegistrationOptions(true, false);
      diagnostics.setDocumentSelector(YAML_FILES);
      diagnostics.setIdentifier("topo-yaml");
      registrations.add(registration("textDocument/diagnostic", diagnostics));
    }
    return registrations;
  }

  private static boolean dynamic(DynamicRegistrationCapabilities capabilities) {
    return capabilities != null && Boolean.TRUE.equals(capabilities.getDynamicRegistration());
  }

  private static Registration registration(String method, Object options) {
    return new Registration(UUID.randomUUID().toString(), method, options);
  }
}
