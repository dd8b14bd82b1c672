import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { EXPLAIN_REQUEST, explain, Explanations, RequestSender } from '../../src/explain';
import * as vscode from './stubs/vscode';

function editor(languageId: string, line = 4, character = 7) {
  return {
    document: { languageId, uri: { toString: () => 'file:///work/shop.topo' } },
    selection: { active: { line, character } },
  };
}

function server(answer: unknown): RequestSender & { requests: [string, unknown][] } {
  const requests: [string, unknown][] = [];
  return {
    requests,
    sendRequest<R>(method: string, params: unknown): Promise<R> {
      requests.push([method, params]);
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer as R);
    },
  };
}

describe('topology.explain', () => {
  let explanations: Explanations;
  beforeEach(() => {
    vscode.reset();
    explanations = new Explanations();
  });

  it('sends topology/explain for the cursor and previews the Markdown as a read-only document', async () => {
    vscode.window.activeTextEditor = editor('topology');
    const client = server({ markdown: '# container-os-mismatch\nA container shares its kernel.' });
    const changed: string[] = [];
    explanations.onDidChange((uri) => changed.push(`${uri.scheme}:${uri.path}`));
    await explain(client, explanations);
    assert.deepEqual(client.requests, [[EXPLAIN_REQUEST, { textDocument: { uri: 'file:///work/shop.topo' }, position: { line: 4, character: 7 } }]]);
    // Loaded through the provider, so the preview has its text; never an untitled document.
    assert.deepEqual(vscode.callsTo('workspace.openTextDocument'), [[String(explanations.uri)]]);
    assert.equal(explanations.provideTextDocumentContent(), '# container-os-mismatch\nA container shares its kernel.');
    assert.deepEqual(changed, ['topology-explain:/Explanation.md'], 'an open preview follows');
    const [[command, uri]] = vscode.callsTo('commands.executeCommand');
    assert.equal(command, 'markdown.showPreviewToSide');
    assert.equal(uri, explanations.uri);
  });

  it('explains the entry a hover link names, with no editor needed, in the same preview', async () => {
    vscode.window.activeTextEditor = undefined;
    const client = server({ markdown: '# Host' });
    await explain(client, explanations, { entry: 'host' });
    await explain(client, explanations, { entry: 'cpu' });
    assert.deepEqual(client.requests, [[EXPLAIN_REQUEST, { entry: 'host' }], [EXPLAIN_REQUEST, { entry: 'cpu' }]]);
    assert.deepEqual(vscode.callsTo('commands.executeCommand').map((call) => call[1]), [explanations.uri, explanations.uri]);
  });

  it('says so when the server has nothing to explain', async () => {
    vscode.window.activeTextEditor = editor('topology');
    await explain(server(null), explanations);
    assert.deepEqual(vscode.callsTo('window.showInformationMessage'), [['There is no finding or keyword to explain at the cursor.']]);
    assert.deepEqual(vscode.callsTo('commands.executeCommand'), []);
  });

  it('asks for a topology editor instead of sending a request', async () => {
    vscode.window.activeTextEditor = editor('markdown');
    const client = server(null);
    await explain(client, explanations);
    await explain(client, explanations, { entry: 42 });
    assert.deepEqual(client.requests, []);
    assert.equal(vscode.callsTo('window.showInformationMessage').length, 2);
  });

  it('points at the server log when the server is not running', async () => {
    vscode.window.activeTextEditor = editor('topology');
    await explain(undefined, explanations);
    assert.match(String(vscode.callsTo('window.showWarningMessage')[0][0]), /not running.*Show Server Log/);
  });

  it('shows a failed request as an error', async () => {
    vscode.window.activeTextEditor = editor('topology');
    await explain(server(new Error('Unhandled method topology/explain')), explanations);
    assert.deepEqual(vscode.callsTo('window.showErrorMessage'), [['Could not get an explanation: Unhandled method topology/explain']]);
  });
});
