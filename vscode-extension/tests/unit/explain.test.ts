import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { EXPLAIN_REQUEST, explainAtCursor, RequestSender } from '../../src/explain';
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
  beforeEach(() => vscode.reset());

  it('sends topology/explain for the cursor and previews the Markdown', async () => {
    vscode.window.activeTextEditor = editor('topology');
    const client = server({ markdown: '# container-os-mismatch\nA container shares its kernel.' });
    await explainAtCursor(client);
    assert.deepEqual(client.requests, [[EXPLAIN_REQUEST, { textDocument: { uri: 'file:///work/shop.topo' }, position: { line: 4, character: 7 } }]]);
    assert.deepEqual(vscode.callsTo('workspace.openTextDocument'), [[{ language: 'markdown', content: '# container-os-mismatch\nA container shares its kernel.' }]]);
    const [[command, uri]] = vscode.callsTo('commands.executeCommand');
    assert.equal(command, 'markdown.showPreviewToSide');
    assert.equal(String(uri), 'untitled:Untitled-1');
  });

  it('says so when the server has nothing to explain', async () => {
    vscode.window.activeTextEditor = editor('topology');
    await explainAtCursor(server(null));
    assert.deepEqual(vscode.callsTo('window.showInformationMessage'), [['There is no finding or keyword to explain at the cursor.']]);
    assert.deepEqual(vscode.callsTo('workspace.openTextDocument'), []);
  });

  it('asks for a topology editor instead of sending a request', async () => {
    vscode.window.activeTextEditor = editor('markdown');
    const client = server(null);
    await explainAtCursor(client);
    assert.deepEqual(client.requests, []);
    assert.equal(vscode.callsTo('window.showInformationMessage').length, 1);
  });

  it('points at the server log when the server is not running', async () => {
    vscode.window.activeTextEditor = editor('topology');
    await explainAtCursor(undefined);
    assert.match(String(vscode.callsTo('window.showWarningMessage')[0][0]), /not running.*Show Server Log/);
  });

  it('shows a failed request as an error', async () => {
    vscode.window.activeTextEditor = editor('topology');
    await explainAtCursor(server(new Error('Unhandled method topology/explain')));
    assert.deepEqual(vscode.callsTo('window.showErrorMessage'), [['Could not get an explanation: Unhandled method topology/explain']]);
  });
});
