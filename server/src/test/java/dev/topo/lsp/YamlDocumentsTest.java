package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.topo.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DiagnosticCapabilities;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.HoverCapabilities;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.SynchronizationCapabilities;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.Unregistration;
import org.eclipse.lsp4j.UnregistrationParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kubernetes manifests and Compose files in the editor: checked only while
 * {@code topology.yaml.enable} is on, findings at their YAML lines, nothing on other YAML,
 * and {@code topology/import} writing what {@code topo import} writes.
 */
class YamlDocumentsTest {
  private static final Path FIXTURE = Path.of("src/test/resources/yaml/kubernetes/mixed-cluster.yaml");
  private static final String WORKFLOW = """
      name: build
      on: [push]
      jobs:
        test:
          runs-on: ubuntu-latest
          steps:
            - uses: actions/checkout@v4
      """;

  @TempDir
  Path dir;

  private static JsonObject yamlSetting(boolean enable) {
    return JsonParser.parseString("{\"topology\": {\"yaml\": {\"enable\": " + enable + "}}}").getAsJsonObject();
  }

  private static void openYaml(TestClient lsp, URI uri, int version, String text) {
    lsp.documents().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri.toString(), "yaml", version, text)));
  }

  /** The 0-based lines that carry an {@code # expect:} marker: where the fixture says findings are. */
  private static Set<Integer> expectedLines(String text) {
    List<String> lines = text.lines().toList();
    return IntStream.range(0, lines.size()).filter(i -> lines.get(i).contains("# expect:")).boxed()
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<Integer> lines(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(d -> d.getRange().getStart().getLine()).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void aManifestIsCheckedOnlyWhileTheSettingIsOnAndClearedWhenItGoesOff() throws Exception {
    String text = Files.readString(FIXTURE);
    URI manifest = Files.writeString(dir.resolve("cluster.yaml"), text).toUri();
    URI workflow = Files.writeString(dir.resolve("build.yml"), WORKFLOW).toUri();
    try (TestClient lsp = new TestClient()) {
      lsp.initialize(dir.toUri(), new ClientCapabilities(), null, "en");
      openYaml(lsp, manifest, 1, text);
      openYaml(lsp, workflow, 1, WORKFLOW);
      assertEquals(List.of(), lsp.awaitDiagnostics(manifest, 1).getDiagnostics(), "off by default");
      assertNull(lsp.await(lsp.documents().hover(hover(manifest, 170, 16))), "no hover while off");

      lsp.workspace().didChangeConfiguration(new DidChangeConfigurationParams(yamlSetting(true)));
      PublishDiagnosticsParams on = lsp.awaitDiagnostics(manifest, p -> !p.getDiagnostics().isEmpty());
      assertEquals(expectedLines(text), lines(on.getDiagnostics()), "each finding at its marked YAML line");
      assertTrue(on.getDiagnostics().stream().allMatch(d -> DiagnosticsFeature.SOURCE.equals(d.getSource())));

      Diagnostic first = on.getDiagnostics().get(0);
      Hover hover = lsp.await(lsp.documents().hover(new HoverParams(new TextDocumentIdentifier(manifest.toString()),
          first.getRange().getStart())));
      assertNotNull(hover, "a finding in YAML has the usual hover");
      String told = hover.getContents().getRight().getValue();
      assertTrue(on.getDiagnostics().stream().anyMatch(d -> told.startsWith(d.getMessage().getLeft() + "\n\n")),
          "the hover leads with a finding's message: " + told);

      // Only what speaks of findings answers in YAML: no topo completion beside the YAML extension's.
      var completion = lsp.await(lsp.documents().completion(new CompletionParams(
          new TextDocumentIdentifier(manifest.toString()), new Position(2, 0))));
      assertTrue(completion.getRight().getItems().isEmpty(), String.valueOf(completion));

      // A YAML file that is neither format gets nothing, even with the setting on.
      assertTrue(lsp.published(workflow).stream().allMatch(p -> p.getDiagnostics().isEmpty()), String.valueOf(lsp.published(workflow)));
      assertNull(lsp.await(lsp.documents().hover(hover(workflow, 0, 2))));

      int before = lsp.published(manifest).size();
      lsp.workspace().didChangeConfiguration(new DidChangeConfigurationParams(yamlSetting(false)));
      awaitCleared(lsp, manifest, before);
      assertTrue(lsp.published(workflow).stream().allMatch(p -> p.getDiagnostics().isEmpty()));
    }
  }

  /** Waits until a publication after the first {@code before} ones clears the document. */
  private static void awaitCleared(TestClient lsp, URI uri, int before) throws InterruptedException {
    long deadline = System.nanoTime() + TestClient.TIMEOUT.toNanos();
    while (lsp.published(uri).stream().skip(before).noneMatch(p -> p.getDiagnostics().isEmpty())) {
      assertTrue(System.nanoTime() < deadline, "not cleared: " + lsp.published(uri));
      Thread.sleep(20);
    }
  }

  private static HoverParams hover(URI uri, int line, int character) {
    return new HoverParams(new TextDocumentIdentifier(uri.toString()), new Position(line, character));
  }

  @Test
  void theImportRequestWritesWhatTopoImportPrints() throws Exception {
    // Both run from the server module's folder, so that the file is named alike in the comments.
    Path here = Path.of("").toAbsolutePath();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(Main.CLEAN, Main.run(new String[] {"import", "k8s", FIXTURE.toString()},
        new PrintWriter(out, true), new PrintWriter(err, true)), err.toString());
    try (TestClient lsp = new TestClient()) {
      lsp.initialize(here.toUri(), new ClientCapabilities(), null, "en");
      JsonObject params = new JsonObject();
      params.add("uris", JsonParser.parseString("[\"" + here.resolve(FIXTURE).toUri() + "\"]"));
      JsonObject answer = (JsonObject) lsp.request(ImportFeature.METHOD, params);
      assertEquals("k8s", answer.get("format").getAsString(), "told from the content");
      assertEquals(out.toString(), answer.get("text").getAsString());
      assertTrue(answer.get("text").getAsString().contains("// from src/test/resources/yaml/kubernetes/mixed-cluster.yaml:"));
    }
  }

  @Test
  void theImportRequestSaysWhenItCannotTellTheFormatAndRefusesAFileOfTheOther() throws Exception {
    URI workflow = Files.writeString(dir.resolve("build.yml"), WORKFLOW).toUri();
    URI compose = Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: nginx:1.27\n").toUri();
    try (TestClient lsp = new TestClient()) {
      lsp.initialize(dir.toUri(), new ClientCapabilities(), null, "en");
      JsonObject undetermined = (JsonObject) lsp.request(ImportFeature.METHOD, params(List.of(workflow), null));
      assertTrue(undetermined.get("text") == null || undetermined.get("text").isJsonNull(), String.valueOf(undetermined));

      ExecutionException refused = assertThrows(ExecutionException.class,
          () -> lsp.request(ImportFeature.METHOD, params(List.of(compose), "k8s")));
      assertTrue(refused.getCause().getMessage().contains("compose.yaml is not a Kubernetes manifest"),
          refused.getCause().getMessage());

      // A folder gives its files of the format, which its other YAML files do not blur.
      JsonObject folder = (JsonObject) lsp.request(ImportFeature.METHOD, params(List.of(dir.toUri()), null));
      assertEquals("compose", folder.get("format").getAsString());
      String text = folder.get("text").getAsString();
      assertTrue(text.contains("container web {") && text.contains("// from compose.yaml:2"), text);
      assertFalse(text.contains("build.yml"), text);
    }
  }

  private static JsonObject params(List<URI> uris, String format) {
    JsonObject params = new JsonObject();
    params.add("uris", JsonParser.parseString(uris.stream().map(u -> "\"" + u + "\"").collect(Collectors.joining(",", "[", "]"))));
    if (format != null) {
      params.addProperty("format", format);
    }
    return params;
  }

  /** A client like VS Code's: pulls diagnostics, registers text sync, hovers and diagnostics dynamically. */
  private static ClientCapabilities pullingDynamicClient() {
    TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
    text.setSynchronization(new SynchronizationCapabilities(false, false, false, true));
    text.setHover(new HoverCapabilities(true));
    DiagnosticCapabilities diagnostic = new DiagnosticCapabilities();
    diagnostic.setDynamicRegistration(true);
    text.setDiagnostic(diagnostic);
    ClientCapabilities capabilities = new ClientCapabilities();
    capabilities.setTextDocument(text);
    return capabilities;
  }

  @Test
  void whileOnTheServerRegistersForYamlFilesAndWithdrawsWhenTurnedOff() throws Exception {
    String text = Files.readString(FIXTURE);
    URI manifest = Files.writeString(dir.resolve("cluster.yaml"), text).toUri();
    try (TestClient lsp = new TestClient()) {
      lsp.initialize(dir.toUri(), pullingDynamicClient(), yamlSetting(true), "en");
      RegistrationParams registered = lsp.awaitReceived(RegistrationParams.class, p -> true);
      assertEquals(List.of("textDocument/didOpen", "textDocument/didChange", "textDocument/didClose", "textDocument/hover",
          "textDocument/diagnostic"), registered.getRegistrations().stream().map(Registration::getMethod).toList());
      String options = registered.getRegistrations().get(0).getRegisterOptions().toString();
      assertTrue(options.contains("yaml") && options.contains("dockercompose") && options.contains("**/*.{yaml,yml}"), options);

      // Pulled, as VS Code's client does for the files it now sends.
      openYaml(lsp, manifest, 1, text);
      var pulled = lsp.await(lsp.documents().diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(manifest.toString()))));
      assertEquals(expectedLines(text), lines(pulled.getLeft().getItems()));

      lsp.workspace().didChangeConfiguration(new DidChangeConfigurationParams(yamlSetting(false)));
      UnregistrationParams withdrawn = lsp.awaitReceived(UnregistrationParams.class, p -> true);
      assertEquals(registered.getRegistrations().stream().map(Registration::getId).toList(),
          withdrawn.getUnregisterations().stream().map(Unregistration::getId).toList());
      var silent = lsp.await(lsp.documents().diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(manifest.toString()))));
      assertEquals(List.of(), silent.getLeft().getItems());
    }
  }

  @Test
  void aClientThatCannotRegisterDynamicallyIsAskedNothing() {
    assertEquals(List.of(), YamlRegistration.registrations(new TextDocumentClientCapabilities(), true));
    assertEquals(List.of(), YamlRegistration.registrations(null, true));
    TextDocumentClientCapabilities text = pullingDynamicClient().getTextDocument();
    assertEquals(4, YamlRegistration.registrations(text, false).size(), "no diagnostic registration for a client that is pushed to");
  }

  @Test
  void theSettingIsReadNestedAsVsCodeSendsItAndFlat() {
    assertTrue(Settings.from(yamlSetting(true), null).yaml());
    assertFalse(Settings.from(yamlSetting(false), null).yaml());
    assertTrue(Settings.from(JsonParser.parseString("{\"yaml.enable\": true}"), null).yaml());
    assertFalse(Settings.from(JsonParser.parseString("{\"yaml\": {\"enable\": \"yes\"}}"), null).yaml(), "not a boolean");
    assertFalse(Settings.DEFAULT.yaml());
    JsonElement none = null;
    assertFalse(Settings.from(none, null).yaml());
  }
}
