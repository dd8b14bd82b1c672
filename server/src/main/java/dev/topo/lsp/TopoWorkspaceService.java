package dev.topo.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.topo.check.Config;
import dev.topo.check.rules.Rules;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The {@code workspace/*} methods: settings, files changed on disk, and the background index
 * of the workspace's .topo files.
 */
public final class TopoWorkspaceService implements WorkspaceService {
  static final String SECTION = "topology";

  private final TopoLanguageServer server;
  private final Session session;
  private final DiagnosticsScheduler scheduler;
  private final Requests requests;
  private final YamlRegistration yaml = new YamlRegistration();

  TopoWorkspaceService(TopoLanguageServer server, Session session, DiagnosticsScheduler scheduler, Requests requests) {
    this.server = server;
    this.session = session;
    this.scheduler = scheduler;
    this.requests = requests;
  }

  /** After {@code initialized}: configuration files, client settings, file watching, the index. */
  void start() {
    for (URI root : session.roots()) {
      loadConfig(root);
    }
    registerYaml(); // as the initialization options say, until the client's settings come
    fetchSettings();
    watchFiles();
    CompletableFuture.runAsync(() -> session.working(this::indexWorkspace)); // the keystroke warm-up waits for it
  }

  private boolean clientSupportsConfiguration() {
    return server.capabilities().isTrue("workspace", "configuration");
  }

  /** Asks the client for the {@code topology} section, then re-checks the open documents. */
  private void fetchSettings() {
    if (!clientSupportsConfiguration()) {
      return;
    }
    ConfigurationItem item = new ConfigurationItem();
    item.setSection(SECTION);
    server.client().configuration(new ConfigurationParams(List.of(item))).thenAccept(values -> {
      Object value = values == null || values.isEmpty() ? null : values.get(0);
      // A client with no such section answers null (eglot without eglot-workspace-configuration):
      // that configures nothing, so the initialization options stay.
      if (!(value instanceof JsonObject section)) {
        return;
      }
      apply(Settings.from(section, session.settings().locale()).withDocs(session.settings().docs()));
    }).exceptionally(e -> {
      server.log(MessageType.Warning, "could not read the topology settings: " + e.getMessage());
      return null;
    });
  }

  /** New settings: every open document is checked again (YAML files fall silent or speak). */
  private void apply(Settings settings) {
    session.setSettings(settings);
    registerYaml();
    scheduler.all();
  }

  private void registerYaml() {
    yaml.update(server.client(), server.capabilities(), session.settings().yaml(), server.pullsDiagnostics());
  }

  private void watchFiles() {
    if (!server.capabilities().isTrue("workspace", "didChangeWatchedFiles", "dynamicRegistration")) {
      return;
    }
    var options = new DidChangeWatchedFilesRegistrationOptions(List.of(
        new FileSystemWatcher(Either.forLeft("**/*.topo")), new FileSystemWatcher(Either.forLeft("**/.topo.json"))));
    server.client().registerCapability(new RegistrationParams(List.of(
        new Registration(UUID.randomUUID().toString(), "workspace/didChangeWatchedFiles", options))));
  }

  private void indexWorkspace() {
    List<URI> files = WorkspaceIndexer.find(session.roots());
    LanguageClient client = server.client();
    boolean progress = server.capabilities().isTrue("window", "workDoneProgress") && !files.isEmpty();
    Either<String, Integer> token = Either.forLeft("topo-index-" + UUID.randomUUID());
    if (progress) {
      client.createProgress(new WorkDoneProgressCreateParams(token)).join();
      WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
      begin.setTitle("Indexing topology files");
      begin.setPercentage(0);
      client.notifyProgress(new ProgressParams(token, Either.forLeft(begin)));
    }
    WorkspaceIndexer.index(session, files, done -> {
      if (progress && (done % 50 == 0 || done == files.size())) {
        WorkDoneProgressReport report = new WorkDoneProgressReport();
        report.setMessage(done + "/" + files.size() + " files");
        report.setPercentage(done * 100 / files.size());
        client.notifyProgress(new ProgressParams(token, Either.forLeft(report)));
      }
    });
    if (progress) {
      WorkDoneProgressEnd end = new WorkDoneProgressEnd();
      end.setMessage(files.size() + " topology files indexed");
      client.notifyProgress(new ProgressParams(token, Either.forLeft(end)));
    }
    server.log(MessageType.Info, "indexed " + files.size() + " topology files");
  }

  /** Reads a root's .topo.json; a broken one is reported and ignored, never fatal. */
  private void loadConfig(URI root) {
    if (!"file".equals(root.getScheme())) {
      return;
    }
    Path file = Path.of(root).resolve(Config.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      session.setRootConfig(root, null);
      return;
    }
    try {
      Config.Loaded loaded = Config.parse(file.toUri(), Files.readString(file, StandardCharsets.UTF_8), Rules.ids(),
          Rules.options());
      session.setRootConfig(root, loaded.config());
      loaded.problems().forEach(p -> server.log(MessageType.Warning, file + ": " + p.message()));
    } catch (Config.ConfigException | java.io.IOException e) {
      session.setRootConfig(root, null);
      server.log(MessageType.Error, file + ": " + e.getMessage() + "; the defaults apply");
    }
  }

  @Override
  public CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> symbol(
      WorkspaceSymbolParams params) {
    return requests.compute(cancel -> Either.forRight(WorkspaceSymbolFeature.symbols(session, params.getQuery(), cancel)));
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    if (clientSupportsConfiguration()) {
      fetchSettings();
    } else {
      apply(Settings.from(params.getSettings() instanceof JsonElement e ? e : null, session.settings().locale())
          .withDocs(session.settings().docs()));
    }
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    boolean configChanged = false;
    for (FileEvent event : params.getChanges()) {
      URI uri = Uris.parse(event.getUri());
      if (uri.getPath() != null && uri.getPath().endsWith("/" + Config.FILE_NAME)) {
        configChanged = true;
        continue;
      }
      if (event.getType() == FileChangeType.Deleted) {
        session.workspaceFiles().remove(uri);
      } else if (session.rootOf(uri) != null) { // the index holds no file outside the workspace folders
        session.workspaceFiles().add(uri);
      }
      if (session.documents().get(uri).isEmpty()) {
        session.cache().forget(uri);
      }
      session.changed();
      scheduler.changed(uri);
    }
    if (configChanged) {
      session.roots().forEach(this::loadConfig);
      scheduler.all();
    }
  }
}
