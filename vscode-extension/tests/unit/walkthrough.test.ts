import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { FIXED_FINDING_CONTEXT, OPENED_CONTEXT, openSample, PULSE_MS, watchFixedFindings, watchOpenedTopology } from '../../src/walkthrough';
import * as vscode from './stubs/vscode';

const SAMPLE = 'media/walkthrough/sample.topo';

describe('Open a Sample', () => {
  beforeEach(() => vscode.reset());

  it('opens the bundled sample unsaved, beside the walkthrough, with the cursor on its finding', async () => {
    await openSample(SAMPLE);
    const content = readFileSync(SAMPLE, 'utf8');
    assert.deepEqual(vscode.callsTo('workspace.openTextDocument'), [[{ language: 'topology', content }]]);
    const [[uri, options]] = vscode.callsTo('window.showTextDocument') as [string, { viewColumn: number; selection: vscode.Range }][];
    assert.equal(uri, 'untitled:Untitled-1', 'nothing is written to the workspace');
    assert.equal(options.viewColumn, vscode.ViewColumn.Beside);
    const line = content.split('\n')[options.selection.start.line];
    assert.equal(line.slice(options.selection.start.character), 'os linux', 'the line of the finding, at its first word');
  });
});

describe('the first step\'s context key', () => {
  const setContexts = () => vscode.callsTo('commands.executeCommand').filter(([id]) => id === 'setContext');
  beforeEach(() => {
    vscode.reset();
    mock.timers.enable({ apis: ['setTimeout'] });
  });
  afterEach(() => mock.timers.reset());

  it('is set when a topology document becomes the active editor\'s, and not by another language', () => {
    const watching = watchOpenedTopology();
    vscode.fire('window.onDidChangeActiveTextEditor', vscode.fakeEditor('file:///ws/notes.md', 'markdown'));
    vscode.fire('window.onDidChangeActiveTextEditor', undefined);
    assert.deepEqual(setContexts(), []);
    vscode.fire('window.onDidChangeActiveTextEditor', vscode.fakeEditor('file:///ws/shop.topo'));
    assert.deepEqual(setContexts(), [['setContext', OPENED_CONTEXT, true]]);
    // A pulse: false again, so that a walkthrough registered later does not take it as already seen.
    mock.timers.tick(PULSE_MS);
    assert.deepEqual(setContexts(), [['setContext', OPENED_CONTEXT, true], ['setContext', OPENED_CONTEXT, false]]);
    watching.dispose();
  });

  it('is set at once when a topology editor is already active', () => {
    vscode.window.activeTextEditor = vscode.fakeEditor('file:///ws/shop.topo');
    watchOpenedTopology().dispose();
    assert.deepEqual(setContexts(), [['setContext', OPENED_CONTEXT, true]]);
    mock.timers.tick(PULSE_MS);
  });
});

describe('the fix step\'s context key', () => {
  const uri = vscode.Uri.file('/ws/sample.topo');
  const setContexts = () => vscode.callsTo('commands.executeCommand').filter(([id]) => id === 'setContext');
  const publish = (count: number) => {
    vscode.diagnostics.set(uri.toString(), Array.from({ length: count }, () => ({ message: 'a finding' })));
    vscode.fire('languages.onDidChangeDiagnostics', { uris: [uri] });
  };

  beforeEach(() => {
    vscode.reset();
    vscode.workspace.textDocuments = [{ uri, languageId: 'topology' }] as never;
    mock.timers.enable({ apis: ['setTimeout'] });
  });
  afterEach(() => mock.timers.reset());

  it('is set when an open topology document loses a finding', () => {
    const watching = watchFixedFindings();
    publish(2);
    publish(2);
    assert.deepEqual(setContexts(), [], 'nothing fixed yet');
    publish(1);
    assert.deepEqual(setContexts(), [['setContext', FIXED_FINDING_CONTEXT, true]]);
    mock.timers.tick(PULSE_MS);
    assert.deepEqual(setContexts(), [['setContext', FIXED_FINDING_CONTEXT, true], ['setContext', FIXED_FINDING_CONTEXT, false]]);
    watching.dispose();
  });

  it('is not set by a document that closes, nor by a first publication', () => {
    const watching = watchFixedFindings();
    publish(0);
    publish(3);
    vscode.workspace.textDocuments = [];
    publish(0); // the server clears a closed document's findings
    assert.deepEqual(setContexts(), []);
    watching.dispose();
  });
});
