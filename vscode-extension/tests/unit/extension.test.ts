// Activation end to end inside Node: the real extension.ts, discovery and launcher, with
// `vscode` and the language client replaced by recording stubs and Java by a shell script.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { activate, deactivate } from '../../src/extension';
import { clients, LanguageClient } from './stubs/languageClient';
import * as vscode from './stubs/vscode';

function fakeJdk(versionLine: string): string {
  const home = mkdtempSync(path.join(tmpdir(), 'topo-jdk-'));
  mkdirSync(path.join(home, 'bin'));
  const java = path.join(home, 'bin', 'java');
  writeFileSync(java, `#!/bin/sh\necho '${versionLine}' >&2\n`);
  chmodSync(java, 0o755);
  return home;
}

function fakeExtension(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'topo-ext-'));
  mkdirSync(path.join(root, 'server'));
  writeFileSync(path.join(root, 'server', 'topo.jar'), '');
  return root;
}

function context(extensionPath: string) {
  return { subscriptions: [] as { dispose(): void }[], extensionPath } as never;
}

describe('activate', { skip: process.platform === 'win32' && 'uses a POSIX shell script as a fake java' }, () => {
  beforeEach(() => {
    vscode.reset();
    clients.length = 0;
    LanguageClient.failStart = undefined;
  });
  afterEach(() => deactivate());

  it('registers every command that package.json contributes', async () => {
    vscode.settings.set('topology.java.home', '/no/such/jdk');
    await activate(context(fakeExtension()));
    const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
    const contributed = manifest.contributes.commands.map((command: { command: string }) => command.command).sort();
    assert.deepEqual([...vscode.commandHandlers.keys()].sort(), contributed);
  });

  it('starts the bundled server with the Java from the setting', async () => {
    const jdk = fakeJdk('openjdk version "21" 2023-09-19');
    const extension = fakeExtension();
    vscode.settings.set('topology.java.home', jdk);
    vscode.settings.set('topology.server.vmargs', '-Xmx256m');
    await activate(context(extension));
    assert.equal(clients.length, 1);
    const [client] = clients;
    assert.equal(client.id, 'topology'); // also the prefix of the topology.trace.server setting
    assert.equal(client.state, 'started');
    assert.deepEqual(client.serverOptions, {
      command: path.join(jdk, 'bin', 'java'),
      args: ['-Xmx256m', '-Xlog:disable', '-Xlog:all=warning:stderr', '-jar', path.join(extension, 'server', 'topo.jar'), 'lsp'],
    });
    assert.deepEqual(client.clientOptions.initializationOptions, { locale: 'en', rules: {}, yaml: { enable: false }, commandLinks: ['topology.explain'] });
    assert.deepEqual(vscode.callsTo('window.showErrorMessage'), []);
  });

  it('shows the server\'s state in the status bar, with its Java, and a click that shows the log', async () => {
    vscode.settings.set('topology.java.home', fakeJdk('openjdk version "21" 2023-09-19'));
    await activate(context(fakeExtension()));
    const [item] = vscode.statusBarItems;
    assert.equal(item.text, '$(check) topo');
    assert.match(String(item.tooltip), /^Topology language server: ready\nJava 21 from the "topology\.java\.home" setting\n/);
    assert.equal(item.command, 'topology.showServerLog');
    assert.ok(item.visible);
    await vscode.commands.executeCommand('topology.restartServer');
    assert.equal(item.text, '$(check) topo', 'ready again after a restart');
    await deactivate();
    assert.equal(item.text, '$(circle-slash) topo');
  });

  it('shows an error in the status bar when Java is missing', async () => {
    vscode.settings.set('topology.java.home', '/no/such/jdk');
    await activate(context(fakeExtension()));
    const [item] = vscode.statusBarItems;
    assert.equal(item.text, '$(error) topo');
    assert.match(String(item.tooltip), /error \(Java not found\)/);
    assert.equal(item.backgroundColor?.id, 'statusBarItem.errorBackground');
  });

  it('shows one notification whose button opens the setting when Java is missing', async () => {
    vscode.settings.set('topology.java.home', '/no/such/jdk');
    vscode.replies.error = 'Open Settings';
    await activate(context(fakeExtension()));
    await new Promise((resolve) => setImmediate(resolve)); // the button's answer arrives after activation
    const errors = vscode.callsTo('window.showErrorMessage');
    assert.equal(errors.length, 1);
    assert.match(String(errors[0][0]), /"topology\.java\.home" setting points to "\/no\/such\/jdk", which does not exist/);
    assert.deepEqual(errors[0].slice(1), ['Open Settings']);
    assert.deepEqual(vscode.callsTo('commands.executeCommand'), [['workbench.action.openSettings', 'topology.java.home']]);
    assert.equal(clients.length, 0);
  });

  it('opens the workspace settings when the bad value is the workspace\'s, which would win over the user\'s', async () => {
    vscode.settings.set('topology.java.home', '/no/such/jdk');
    vscode.settingScopes.set('topology.java.home', 'workspace');
    vscode.replies.error = 'Open Settings';
    await activate(context(fakeExtension()));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(vscode.callsTo('commands.executeCommand'), [['workbench.action.openWorkspaceSettings', 'topology.java.home']]);
  });

  it('does not wait for the Java notification, so the commands work while it is open', async () => {
    vscode.settings.set('topology.java.home', '/no/such/jdk');
    vscode.replies.error = new Promise<string | undefined>(() => undefined); // never answered
    await activate(context(fakeExtension())); // would never resolve if activation awaited the notification
    await vscode.commands.executeCommand('topology.showServerLog');
    assert.equal(vscode.callsTo('window.showErrorMessage').length, 1);
  });

  it('refuses Java 11 with a message that names both versions', async () => {
    vscode.settings.set('topology.java.home', fakeJdk('openjdk version "11.0.22" 2024-01-16'));
    await activate(context(fakeExtension()));
    const [[message, button]] = vscode.callsTo('window.showErrorMessage');
    assert.match(String(message), /Java 11\.0\.22 .* is too old; the language server needs Java 17 or newer/);
    assert.equal(button, 'Open Settings');
    assert.equal(clients.length, 0);
  });

  it('restarts with a fresh Java lookup, so fixing the setting needs no reload', async () => {
    vscode.settings.set('topology.java.home', '/no/such/jdk');
    await activate(context(fakeExtension()));
    assert.equal(clients.length, 0);
    vscode.settings.set('topology.java.home', fakeJdk('openjdk version "17.0.15" 2025-04-15'));
    await vscode.commands.executeCommand('topology.restartServer');
    assert.equal(clients.length, 1);
    await vscode.commands.executeCommand('topology.restartServer');
    assert.deepEqual(clients.map((client) => client.state), ['disposed', 'started']);
  });

  it('logs a server that fails to start without a second notification', async () => {
    vscode.settings.set('topology.java.home', fakeJdk('openjdk version "17.0.15" 2025-04-15'));
    LanguageClient.failStart = new Error('Connection to server got closed.');
    await activate(context(fakeExtension()));
    assert.deepEqual(vscode.callsTo('window.showErrorMessage'), []);
  });

  it('activated with no topology in sight and YAML checking off, starts no server until a topology file opens', async () => {
    vscode.settings.set('topology.java.home', fakeJdk('openjdk version "21" 2023-09-19'));
    vscode.workspaceFiles.length = 0;
    await activate(context(fakeExtension()));
    assert.equal(clients.length, 0, 'no JVM for a YAML file of a workspace without topology');
    vscode.fire('workspace.onDidOpenTextDocument', { languageId: 'yaml' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(clients.length, 0);
    vscode.fire('workspace.onDidOpenTextDocument', { languageId: 'topology' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(clients.length, 1);
  });

  it('starts the server in a workspace of YAML alone when topology.yaml.enable is on', async () => {
    vscode.settings.set('topology.java.home', fakeJdk('openjdk version "21" 2023-09-19'));
    vscode.settings.set('topology.yaml.enable', true);
    vscode.workspaceFiles.length = 0;
    await activate(context(fakeExtension()));
    assert.equal(clients.length, 1);
    assert.deepEqual(clients[0].clientOptions.initializationOptions, { locale: 'en', rules: {}, yaml: { enable: true }, commandLinks: ['topology.explain'] });
  });

  it('shows the server log on request', async () => {
    vscode.settings.set('topology.java.home', '/no/such/jdk');
    await activate(context(fakeExtension()));
    await vscode.commands.executeCommand('topology.showServerLog');
    assert.deepEqual(vscode.callsTo('outputChannel.show'), [['Topology Language Server']]);
  });
});
