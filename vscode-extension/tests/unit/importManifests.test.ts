import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { RequestSender } from '../../src/explain';
import { IMPORT_REQUEST, importManifests, isYaml } from '../../src/importManifests';
import * as vscode from './stubs/vscode';

/** A server that gives its answers in turn and records the requests. */
function server(...answers: unknown[]): RequestSender & { requests: [string, unknown][] } {
  const requests: [string, unknown][] = [];
  return {
    requests,
    sendRequest<R>(method: string, params: unknown): Promise<R> {
      requests.push([method, params]);
      const answer = answers.shift();
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer as R);
    },
  };
}

const log = { lines: [] as string[], warn(line: string) { this.lines.push(line); } };
const TOPO = 'cluster kubernetes {\n}\n';

describe('topology.importManifests', () => {
  beforeEach(() => {
    vscode.reset();
    log.lines.length = 0;
  });

  it('imports the active YAML editor\'s file and opens the text as a new topology document', async () => {
    vscode.window.activeTextEditor = vscode.fakeEditor('file:///ws/k8s/cluster.yaml', 'yaml');
    const client = server({ text: TOPO, warnings: [], format: 'k8s' });
    await importManifests(client, log);
    assert.deepEqual(client.requests, [[IMPORT_REQUEST, { uris: ['file:///ws/k8s/cluster.yaml'] }]]);
    assert.deepEqual(vscode.callsTo('workspace.openTextDocument'), [[{ language: 'topology', content: TOPO }]]);
    assert.equal(vscode.callsTo('window.showTextDocument').length, 1);
    assert.deepEqual(vscode.callsTo('window.showQuickPick'), [], 'the content told the format');
    assert.deepEqual(vscode.callsTo('window.showOpenDialog'), []);
  });

  it('asks Kubernetes or Compose only when the server cannot tell, then asks again with the answer', async () => {
    vscode.window.activeTextEditor = vscode.fakeEditor('file:///ws/odd.yml', 'yaml');
    vscode.quickPick.answer = 'Compose';
    const client = server({ text: null, warnings: [], format: null }, { text: TOPO, warnings: [], format: 'compose' });
    await importManifests(client, log);
    assert.deepEqual(vscode.callsTo('window.showQuickPick').map((call) => call[0]), [['Kubernetes', 'Compose']]);
    assert.deepEqual(client.requests[1], [IMPORT_REQUEST, { uris: ['file:///ws/odd.yml'], format: 'compose' }]);
    assert.equal(vscode.callsTo('workspace.openTextDocument').length, 1);
  });

  it('opens nothing when the user dismisses the question', async () => {
    vscode.window.activeTextEditor = vscode.fakeEditor('file:///ws/odd.yml', 'yaml');
    const client = server({ text: null, warnings: [], format: null });
    await importManifests(client, log);
    assert.equal(client.requests.length, 1);
    assert.deepEqual(vscode.callsTo('workspace.openTextDocument'), []);
  });

  it('asks for files with an open dialog when the active editor is not YAML', async () => {
    vscode.window.activeTextEditor = vscode.fakeEditor('file:///ws/shop.topo', 'topology');
    vscode.openDialog.answer = [vscode.Uri.file('/ws/a.yaml'), vscode.Uri.file('/ws/b.yaml')];
    const client = server({ text: TOPO, warnings: [], format: 'k8s' });
    await importManifests(client, log);
    const [[options]] = vscode.callsTo('window.showOpenDialog') as [{ filters: unknown; canSelectMany: boolean }][];
    assert.deepEqual(options.filters, { YAML: ['yaml', 'yml'] });
    assert.equal(options.canSelectMany, true);
    assert.deepEqual(client.requests, [[IMPORT_REQUEST, { uris: ['file:///ws/a.yaml', 'file:///ws/b.yaml'] }]]);
  });

  it('does nothing when the open dialog is cancelled', async () => {
    const client = server();
    await importManifests(client, log);
    assert.deepEqual(client.requests, []);
  });

  it('takes what the explorer selected, folders included', async () => {
    const client = server({ text: TOPO, warnings: [], format: 'k8s' });
    const folder = vscode.Uri.file('/ws/k8s');
    await importManifests(client, log, folder as never, [folder, vscode.Uri.file('/ws/nodes.yaml')] as never);
    assert.deepEqual(client.requests, [[IMPORT_REQUEST, { uris: ['file:///ws/k8s', 'file:///ws/nodes.yaml'] }]]);
  });

  it('says what could not be read, and shows a refusal as an error', async () => {
    vscode.window.activeTextEditor = vscode.fakeEditor('file:///ws/compose.yaml', 'dockercompose');
    await importManifests(server({ text: TOPO, warnings: ['compose.yaml:3: cpus: not a number', 'compose.yaml:9: x'], format: 'compose' }), log);
    assert.deepEqual(log.lines, ['import: compose.yaml:3: cpus: not a number', 'import: compose.yaml:9: x']);
    assert.deepEqual(vscode.callsTo('window.showWarningMessage'),
      [['Imported with problems: compose.yaml:3: cpus: not a number (and 1 more in the server log)']]);

    await importManifests(server(new Error('compose.yaml is not a Kubernetes manifest (apiVersion and kind)')), log);
    assert.deepEqual(vscode.callsTo('window.showErrorMessage'),
      [['Could not import: compose.yaml is not a Kubernetes manifest (apiVersion and kind)']]);
  });

  it('points at the server log when the server is not running', async () => {
    await importManifests(undefined, log);
    assert.match(String(vscode.callsTo('window.showWarningMessage')[0][0]), /not running/);
  });

  it('tells YAML files by their name', () => {
    assert.equal(isYaml(vscode.Uri.file('/a/compose.YML') as never), true);
    assert.equal(isYaml(vscode.Uri.file('/a/k8s.yaml') as never), true);
    assert.equal(isYaml(vscode.Uri.file('/a/shop.topo') as never), false);
  });
});
