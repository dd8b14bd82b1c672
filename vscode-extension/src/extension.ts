// Entry point: find Java, start the bundled language server, register the commands.
// Discovery, launch arguments and client options each live in their own file.
import { existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { clientOptions, EXPLAIN_COMMAND, LANGUAGE_ID } from './clientOptions';
import { exportDiagram, showDiagram } from './diagramPanel';
import { explain, EXPLAIN_SCHEME, ExplainTarget, Explanations } from './explain';
import { importManifests } from './importManifests';
import { describeSource, findJava, JAVA_HOME_SETTING, JavaError } from './javaDiscovery';
import { ClassDataArchive, SERVER_JAR, serverExecutable } from './serverLauncher';
import { ServerStatus } from './status';
import { OPEN_SAMPLE_COMMAND, openSample, watchFixedFindings, watchOpenedTopology } from './walkthrough';

let client: LanguageClient | undefined;
/** The start under way or done; undefined until the server is wanted (see {@link wanted}). */
let starting: Promise<void> | undefined;
let log: vscode.LogOutputChannel;
let status: ServerStatus;

/** The setting that lets the server check opened Kubernetes manifests and Compose files. */
const YAML_SETTING = 'topology.yaml.enable';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // The client and the server's stderr write here too; `topology.trace.server` adds the messages.
  log = vscode.window.createOutputChannel('Topology Language Server', { log: true });
  const explanations = new Explanations();
  status = new ServerStatus();
  context.subscriptions.push(
    log,
    status,
    explanations,
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, explanations),
    vscode.commands.registerCommand('topology.restartServer', () => restart(context)),
    vscode.commands.registerCommand('topology.showServerLog', () => log.show(true)),
    vscode.commands.registerCommand(EXPLAIN_COMMAND, (target?: ExplainTarget) => explain(client, explanations, target)),
    vscode.commands.registerCommand('topology.showDiagram', () => showDiagram(context.extensionUri, () => client)),
    vscode.commands.registerCommand('topology.exportDiagram', () => exportDiagram(() => client)),
    vscode.commands.registerCommand(OPEN_SAMPLE_COMMAND, () => openSample(context.asAbsolutePath('media/walkthrough/sample.topo'))),
    watchOpenedTopology(),
    watchFixedFindings(),
    vscode.commands.registerCommand('topology.importManifests', async (clicked?: vscode.Uri, selected?: vscode.Uri[]) => {
      await ensureStarted(context);
      await importManifests(client, log, clicked, selected);
    }),
    // Activated by a YAML file with no topology in sight, the server waits until it is wanted.
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (document.languageId === LANGUAGE_ID) {
        void ensureStarted(context);
      }
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration(YAML_SETTING) && yamlEnabled()) {
        void ensureStarted(context); // a running server registers for YAML files by itself
      }
      // Locale and rules reach the running server by themselves; the JVM's do not.
      if (event.affectsConfiguration(JAVA_HOME_SETTING) || event.affectsConfiguration('topology.server.vmargs')) {
        const choice = await vscode.window.showInformationMessage('Restart the Topology language server to use the new Java settings?', 'Restart');
        if (choice === 'Restart') {
          await restart(context);
        }
      }
    }),
  );
  if (await wanted()) {
    await ensureStarted(context);
  }
}

function yamlEnabled(): boolean {
  return vscode.workspace.getConfiguration('topology').get<boolean>('yaml.enable') === true;
}

/**
 * Whether to start the server now: YAML checking is on, a topology document is open, or the
 * workspace has topology files. The extension is also activated by any YAML file, so that the
 * setting works in a repository of manifests alone, and once VS Code has started up, because
 * its workspaceContains search gives up after 7 s in a large workspace; without this check,
 * every YAML user and every workspace would pay for a JVM.
 */
async function wanted(): Promise<boolean> {
  if (yamlEnabled() || vscode.workspace.textDocuments.some((document) => document.languageId === LANGUAGE_ID)) {
    return true;
  }
  return (await vscode.workspace.findFiles('**/*.topo', '**/node_modules/**', 1)).length > 0;
}

function ensureStarted(context: vscode.ExtensionContext): Promise<void> {
  starting ??= start(context);
  return starting;
}

export async function deactivate(): Promise<void> {
  await stop();
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const settings = vscode.workspace.getConfiguration('topology');
  status.show('starting');
  let java;
  try {
    java = await findJava(settings.get<string | null>('java.home'));
  } catch (error) {
    if (!(error instanceof JavaError)) {
      throw error;
    }
    log.error(error.message);
    status.show('error', 'Java not found');
    // Not awaited: activation, and with it every command of the extension, would wait until
    // the notification is closed (Escape only hides it).
    void vscode.window.showErrorMessage(error.message, 'Open Settings').then((choice) =>
      choice === 'Open Settings' ? openJavaHomeSetting() : undefined);
    return;
  }
  log.info(`Using Java ${java.version} from ${java.source}: ${java.executable}`);
  status.usingJava(`${java.version} from ${describeSource(java.source)}`);
  if (!existsSync(path.join(context.extensionPath, SERVER_JAR))) {
    // Only a development checkout gets here: the packaged extension always has the jar.
    void vscode.window.showErrorMessage(`The language server is missing from the extension (${SERVER_JAR}). Reinstall the extension.`);
    status.show('error', 'server missing');
    return;
  }
  const executable = serverExecutable(java.executable, context.extensionPath, settings.get<string>('server.vmargs'),
    classDataArchive(context, java.version));
  client = new LanguageClient('topology', 'Topology Language Server', executable, clientOptions(log));
  try {
    await client.start();
    status.show('ready');
  } catch (error) {
    // The client has already shown its own notification; keep the details in the log.
    log.error(`The language server failed to start: ${error instanceof Error ? error.message : String(error)}`);
    status.show('error', 'failed to start');
  }
}

/**
 * Opens the settings where `topology.java.home` has its value: a workspace folder's or the
 * workspace's wins over the user's, so that is the one to fix.
 */
function openJavaHomeSetting(): Thenable<unknown> {
  const where = vscode.workspace.getConfiguration().inspect(JAVA_HOME_SETTING);
  const command = where?.workspaceFolderValue !== undefined ? 'workbench.action.openFolderSettings'
    : where?.workspaceValue !== undefined ? 'workbench.action.openWorkspaceSettings' : 'workbench.action.openSettings';
  return vscode.commands.executeCommand(command, JAVA_HOME_SETTING);
}

/** Where this extension version keeps the class-data archive for one Java version, if it can. */
function classDataArchive(context: vscode.ExtensionContext, javaVersion: string): ClassDataArchive | undefined {
  const storage = context.globalStorageUri?.fsPath;
  if (!storage) {
    return undefined;
  }
  try {
    mkdirSync(storage, { recursive: true });
  } catch {
    return undefined;
  }
  const version = (context.extension?.packageJSON as { version?: string } | undefined)?.version ?? 'dev';
  const file = path.join(storage, `topo-${version}-java-${javaVersion.replace(/[^\w.-]/g, '_')}.jsa`);
  return { path: file, exists: existsSync(file) };
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  starting = undefined;
  await running?.dispose();
  if (running) {
    status.show('stopped');
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  // A full stop and start, not client.restart(): Java is looked up again, so fixing the
  // setting after an error needs no window reload.
  await stop();
  await ensureStarted(context);
}
