package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole session over the protocol: initialize, open, edit, diagnostics, shutdown, exit. */
class SessionLifecycleTest {
  @TempDir
  Path dir;

  static final String WINDOWS_HOST = """
      host win-01 {
        os windows
        runtime docker
        container web { os linux; image "web:1.0"; cpu 1; memory 1Gi }
      }
      """;

  @Test
  void diagnosticsArriveForEachVersionWithTheirRuleAndRelatedPlace() throws Exception {
    URI uri = dir.resolve("main.topo").toUri();
    try (TestClient lsp = new TestClient()) {
      lsp.initialize(dir.toUri());
      lsp.open(uri, WINDOWS_HOST);
      PublishDiagnosticsParams first = lsp.awaitDiagnostics(uri, 1);
      assertEquals(1, first.getDiagnostics().size(), first.toString());
      Diagnostic d = first.getDiagnostics().get(0);
      assertEquals("container-os-mismatch", d.getCode().getLeft());
      assertEquals("topo", d.getSource());
      assertEquals(DiagnosticSeverity.Error, d.getSeverity());
      assertEquals(3, d.getRange().getStart().getLine());
      assertNull(d.getCodeDescription(), "no docs address is configured, so no link");
      assertEquals(1, d.getRelatedInformation().get(0).getLocation().getRange().getStart().getLine());

      // Fix the host's OS: "windows" on line 1 becomes "linux".
      lsp.edit(uri, 2, 1, 5, 1, 12, "linux");
      PublishDiagnosticsParams second = lsp.awaitDiagnostics(uri, 2);
      assertEquals(List.of(), second.getDiagnostics());

      lsp.await(lsp.server().shutdown());
      lsp.server().exit();
      assertEquals(0, lsp.await(lsp.exitCode()));
    }
  }

  @Test
  void exitWithoutShutdownExitsOne() throws Exception {
    try (TestClient lsp = new TestClient()) {
      lsp.initialize(dir.toUri());
      lsp.server().exit();
      assertEquals(1, lsp.await(lsp.exitCode()));
    }
  }

  @Test
  void anImportedOpenDocumentsEditReChecksItsImporter() throws Exception {
    URI main = dir.resolve("main.topo").toUri();
    URI lib = dir.resolve("lib.topo").toUri();
    Files.writeString(dir.resolve("lib.topo"), "host n1 { os linux; runtime docker }");
    try (TestClient lsp = new TestClient()) {
      lsp.initialize(dir.toUri());
      lsp.open(main, "import \"lib.topo\"\ncluster k { nodes n1 }");
      assertEquals(List.of(), lsp.awaitDiagnostics(main, 1).getDiagnostics());
      lsp.open(lib, "host n1 { os linux; runtime docker }");
      lsp.awaitDiagnostics(lib, 1);
      lsp.edit(lib, 2, 0, 5, 0, 7, "n2"); // rename the host in the open buffer, not on disk
      PublishDiagnosticsParams again = lsp.awaitDiagnostics(main, p -> !p.getDiagnostics().isEmpty());
      assertEquals("unknown-reference", again.getDiagnostics().get(0).getCode().getLeft());
    }
  }

  @Test
  void settingsFromInitializationOptionsChangeSeverities() throws Exception {
    URI uri = dir.resolve("main.topo").toUri();
    com.google.gson.JsonObject options = com.google.gson.JsonParser.parseString(
        "{\"rules\": {\"container-os-mismatch\": \"warning\"}}").getAsJsonObject();
    try (TestClient lsp = new TestClient()) {
      lsp.initialize(dir.toUri(), new ClientCapabilities(), options, null);
      lsp.open(uri, WINDOWS_HOST);
      Diagnostic d = lsp.awaitDiagnostics(uri, 1).getDiagnostics().get(0);
      assertEquals(DiagnosticSeverity.Warning, d.getSeverity());
    }
  }
}
