// "Topology: Show Diagram" against a stubbed VS Code and a fake server: what the panel asks,
// when it redraws, what it posts to the page and what it does with the page's messages.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { DiagramBox, DiagramAnswer, DIAGRAM_REQUEST } from '../../src/diagramModel';
import { DiagramClient, DiagramPanel, exportDiagram, REDRAW_DELAY_MS, showDiagram } from '../../src/diagramPanel';
import * as vscode from './stubs/vscode';

const SHOP = 'file:///work/shop.topo';
const BASE = 'file:///work/base.topo';
const EXTENSION = vscode.Uri.file('/ext');
const RANGE = { start: { line: 13, character: 2 }, end: { line: 18, character: 3 } };

function box(id: string, range: DiagramBox['source']['range'], children: DiagramBox[] = []): DiagramBox {
  return { id, kind: 'host', name: id, findings: [], children, source: { uri: SHOP, range } };
}

function answer(svg = '<svg class="topo-diagram"/>', partial = false): DiagramAnswer {
  const ingress = box('host:edge-01/container:ingress', RANGE);
  return {
    diagram: {
      version: 1, width: 10, height: 10, partial, unplaced: 0,
      boxes: [box('host:edge-01', { start: { line: 4, character: 0 }, end: { line: 19, character: 1 } }, [ingress])],
    },
    svg,
    files: [SHOP, BASE],
  };
}

/** A server that answers each request by a function, and records the requests and their tokens. */
function server(reply: (params: { uri: string; standalone?: boolean }) => Promise<unknown> = () => Promise.resolve(answer())) {
  const requests: { method: string; params: { uri: string; standalone?: boolean }; token?: { isCancellationRequested: boolean } }[] = [];
  const client: DiagramClient = {
    sendRequest<R>(method: string, params: unknown, token?: unknown): Promise<R> {
      requests.push({ method, params: params as { uri: string }, token: token as { isCancellationRequested: boolean } });
      return reply(params as { uri: string }) as Promise<R>;
    },
  };
  return { client, requests };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** What the panel posted to its page, but the "busy" marks of its requests. */
const shown = (panel: vscode.FakeWebviewPanel) => panel.posted.filter((m: unknown) => (m as { type: string }).type !== 'busy');

function open(client: DiagramClient | undefined, line = 15, character = 4) {
  vscode.window.activeTextEditor = vscode.fakeEditor(SHOP, 'topology', line, character);
  showDiagram(EXTENSION as never, () => client);
  return vscode.panels.at(-1)!;
}

describe('the diagram panel', () => {
  beforeEach(() => {
    vscode.reset();
    mock.timers.enable({ apis: ['setTimeout'] });
  });
  afterEach(() => {
    vscode.panels.forEach((panel) => panel.dispose());
    mock.timers.reset();
  });

  it('opens beside the editor, loads only the media folder, and draws the document with the cursor\'s box selected', async () => {
    const { client, requests } = server();
    const panel = open(client);
    assert.equal(panel.viewType, 'topology.diagram');
    assert.deepEqual(panel.showOptions, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
    const options = panel.options as { enableScripts: boolean; localResourceRoots: vscode.Uri[] };
    assert.equal(options.enableScripts, true);
    assert.deepEqual(options.localResourceRoots.map(String), ['file:///ext/media']);
    assert.match(panel.webview.html, /script-src 'nonce-[^']+'/);
    assert.match(panel.webview.html, /src="https:\/\/webview\.test\/ext\/media\/diagram\.js"/);
    assert.equal(panel.title, 'Diagram: shop.topo');
    assert.deepEqual(requests.map((r) => [r.method, r.params]), [[DIAGRAM_REQUEST, { uri: SHOP }]]);
    assert.deepEqual(panel.posted, [{ type: 'busy' }], 'the page may say it is drawing until the answer comes');
    await settle();
    assert.deepEqual(shown(panel), [{ type: 'diagram', svg: '<svg class="topo-diagram"/>', notice: undefined, selected: 'host:edge-01/container:ingress', fresh: false }]);
  });

  it('redraws once, a moment after the last edit of any document of the program, and not for others', async () => {
    const { client, requests } = server();
    open(client);
    await settle();
    const edit = (uri: string) => vscode.fire('workspace.onDidChangeTextDocument', { document: { uri: vscode.Uri.parse(uri) }, contentChanges: [{}] });
    edit(SHOP);
    mock.timers.tick(REDRAW_DELAY_MS - 10);
    edit(SHOP);
    mock.timers.tick(REDRAW_DELAY_MS - 1);
    assert.equal(requests.length, 1, 'not while typing');
    mock.timers.tick(1);
    assert.equal(requests.length, 2);
    edit(BASE); // imported by the drawn document
    mock.timers.tick(REDRAW_DELAY_MS);
    assert.equal(requests.length, 3);
    edit('file:///work/unrelated.topo');
    vscode.fire('workspace.onDidChangeTextDocument', { document: { uri: vscode.Uri.parse(SHOP) }, contentChanges: [] });
    mock.timers.tick(REDRAW_DELAY_MS);
    assert.equal(requests.length, 3);
    assert.deepEqual(requests.map((r) => r.params.uri), [SHOP, SHOP, SHOP]);
  });

  it('keeps only the newest answer and cancels the request it replaces', async () => {
    const pending: ((value: DiagramAnswer) => void)[] = [];
    const { client, requests } = server(() => new Promise((resolve) => pending.push(resolve)));
    const panel = open(client);
    void DiagramPanel.shown!.redraw();
    assert.equal(requests[0].token?.isCancellationRequested, true);
    pending[1](answer('<svg>new</svg>'));
    await settle();
    pending[0](answer('<svg>old</svg>'));
    await settle();
    assert.deepEqual(shown(panel).map((m) => (m as { svg: string }).svg), ['<svg>new</svg>']);
  });

  it('sends a redraw only the parts of the picture that changed, nothing when it is the same, and the whole to a page loaded again', async () => {
    const picture = (fact: string) => '<svg xmlns="http://www.w3.org/2000/svg" class="topo-diagram" viewBox="0 0 9 9" width="9" height="9">\n'
      + '  <g class="topo-box kind-host" data-id="host:edge-01">\n    <text class="topo-fact">' + fact + '</text>\n  </g>\n'
      + ['02', '03'].map((n) => `  <g class="topo-box kind-host" data-id="host:edge-${n}">\n    <text class="topo-fact">linux</text>\n  </g>\n`).join('')
      + '</svg>\n';
    const svgs = [picture('cpu 2/8'), picture('cpu 2/8'), picture('cpu 4/8')];
    const { client } = server(() => Promise.resolve(answer(svgs.shift())));
    const panel = open(client);
    await settle();
    await DiagramPanel.shown!.redraw();
    await DiagramPanel.shown!.redraw();
    const about = { notice: undefined, selected: 'host:edge-01/container:ingress' };
    assert.deepEqual(shown(panel), [
      { type: 'diagram', svg: picture('cpu 2/8'), fresh: false, ...about },
      { type: 'patch', parts: [], ...about },
      { type: 'patch', parts: [{ key: '#host:edge-01', text: '  <g class="topo-box kind-host" data-id="host:edge-01">\n    <text class="topo-fact">cpu 4/8</text>\n  </g>\n' }], ...about },
    ]);
    panel.receive({ type: 'ready' }); // loaded again, or a patch the page could not apply
    assert.deepEqual(shown(panel).at(-1), { type: 'diagram', svg: picture('cpu 4/8'), fresh: false, ...about });
  });

  it('sends the whole picture after saying why there was none', async () => {
    const replies = [() => Promise.resolve(answer()), () => Promise.reject(new Error('boom')), () => Promise.resolve(answer())];
    const panel = open(server(() => replies.shift()!()).client);
    await settle();
    await DiagramPanel.shown!.redraw();
    await DiagramPanel.shown!.redraw();
    assert.deepEqual(shown(panel).map((m) => (m as { type: string }).type), ['diagram', 'message', 'diagram']);
  });

  it('highlights the box that holds the cursor as it moves', async () => {
    const panel = open(server().client);
    await settle();
    panel.posted.length = 0; // (the busy marks too)
    vscode.fire('window.onDidChangeTextEditorSelection', { textEditor: vscode.fakeEditor(SHOP, 'topology', 5, 0) });
    vscode.fire('window.onDidChangeTextEditorSelection', { textEditor: vscode.fakeEditor(SHOP, 'topology', 40, 0) });
    vscode.fire('window.onDidChangeTextEditorSelection', { textEditor: vscode.fakeEditor('file:///work/notes.md', 'markdown', 5, 0) });
    assert.deepEqual(shown(panel), [{ type: 'select', id: 'host:edge-01' }, { type: 'select', id: undefined }]);
  });

  it('reveals a clicked box\'s source in the editor\'s column, its block selected with the cursor at its start', async () => {
    const panel = open(server().client);
    await settle();
    panel.receive({ type: 'reveal', uri: SHOP, range: RANGE });
    await settle();
    assert.deepEqual(vscode.callsTo('workspace.openTextDocument'), [[SHOP]]);
    assert.deepEqual(vscode.callsTo('window.showTextDocument'), [[SHOP, { viewColumn: vscode.ViewColumn.One }]]);
    const [editor] = vscode.shownEditors;
    assert.deepEqual(editor.selection.active, new vscode.Position(13, 2));
    assert.deepEqual(editor.selection.anchor, new vscode.Position(18, 3));
    const [[revealed]] = vscode.callsTo('editor.revealRange');
    assert.deepEqual((revealed as vscode.Range).start, new vscode.Position(13, 2));
    panel.receive({ type: 'reveal', uri: SHOP }); // not a message the page sends
    await settle();
    assert.equal(vscode.callsTo('window.showTextDocument').length, 1);
  });

  it('gives a page shown again the picture it lost without asking the server again', async () => {
    const { client, requests } = server();
    const panel = open(client);
    await settle();
    panel.receive({ type: 'ready' });
    assert.equal(requests.length, 1);
    assert.equal(shown(panel).length, 2);
    assert.deepEqual(shown(panel)[1], shown(panel)[0]);
  });

  it('asks nothing while hidden, and draws the edits made meanwhile once shown again', async () => {
    const { client, requests } = server();
    const panel = open(client);
    await settle();
    panel.visible = false;
    vscode.fire('workspace.onDidChangeTextDocument', { document: { uri: vscode.Uri.parse(SHOP) }, contentChanges: [{}] });
    mock.timers.tick(REDRAW_DELAY_MS);
    assert.equal(requests.length, 1);
    panel.visible = true;
    panel.receive({ type: 'ready' }); // the page, loaded again
    assert.equal(requests.length, 2);
  });

  it('says so in the page when nothing can be drawn', async () => {
    assert.deepEqual(shown(open(undefined)), [{ type: 'message', text: 'The Topology language server is not running. See "Topology: Show Server Log".' }]);
    vscode.panels[0].dispose();
    const unread = open(server(() => Promise.resolve(null)).client);
    await settle();
    assert.deepEqual(shown(unread), [{ type: 'message', text: 'The server could not read this document.' }]);
    unread.dispose();
    const failed = open(server(() => Promise.reject(new Error('Request failed'))).client);
    await settle();
    assert.deepEqual(shown(failed), [{ type: 'message', text: 'Could not draw the diagram: Request failed' }]);
  });

  it('passes the partial and empty notices on with the picture', async () => {
    const panel = open(server(() => Promise.resolve(answer('<svg/>', true))).client);
    await settle();
    assert.deepEqual((shown(panel)[0] as { notice: unknown }).notice, { kind: 'partial', text: 'Partial: the document has syntax errors, only what parsed is drawn.' });
  });

  it('follows another topology editor whose document is not of the drawn program', async () => {
    const { client, requests } = server();
    const panel = open(client);
    await settle();
    vscode.fire('window.onDidChangeActiveTextEditor', vscode.fakeEditor(BASE));
    vscode.fire('window.onDidChangeActiveTextEditor', vscode.fakeEditor('file:///work/notes.md', 'markdown'));
    assert.equal(requests.length, 1, 'an imported document is already drawn');
    vscode.fire('window.onDidChangeActiveTextEditor', vscode.fakeEditor('file:///work/lab.topo'));
    assert.deepEqual(requests.map((r) => r.params.uri), [SHOP, 'file:///work/lab.topo']);
    assert.equal(panel.title, 'Diagram: lab.topo');
    await settle();
    assert.deepEqual(shown(panel).map((m) => (m as { fresh?: boolean }).fresh), [false, true], 'another document\'s picture is fitted anew');
    showDiagram(EXTENSION as never, () => client);
    assert.equal(vscode.panels.length, 1, 'one panel, shown again');
  });

  it('asks for a topology editor', () => {
    vscode.window.activeTextEditor = vscode.fakeEditor('file:///work/notes.md', 'markdown');
    showDiagram(EXTENSION as never, () => server().client);
    assert.equal(vscode.panels.length, 0);
    assert.deepEqual(vscode.callsTo('window.showInformationMessage'), [['Open a .topo file to draw its diagram.']]);
  });
});

describe('Export SVG', () => {
  beforeEach(() => vscode.reset());
  afterEach(() => vscode.panels.forEach((panel) => panel.dispose()));

  it('saves the standalone SVG where the user chooses, next to the document by default', async () => {
    const { client, requests } = server((params) => Promise.resolve(answer(params.standalone ? '<svg><style/></svg>' : '<svg/>')));
    vscode.saveDialog.answer = vscode.Uri.file('/work/out/shop.svg');
    vscode.window.activeTextEditor = vscode.fakeEditor(SHOP);
    await exportDiagram(() => client);
    assert.deepEqual(requests.map((r) => r.params), [{ uri: SHOP, standalone: true }]);
    const [[options]] = vscode.callsTo('window.showSaveDialog') as [{ defaultUri: vscode.Uri; filters: unknown }][];
    assert.equal(options.defaultUri.toString(), 'file:///work/shop.svg');
    assert.deepEqual(options.filters, { SVG: ['svg'] });
    assert.deepEqual(vscode.callsTo('workspace.fs.writeFile'), [['file:///work/out/shop.svg', '<svg><style/></svg>']]);
    assert.deepEqual(vscode.callsTo('window.showInformationMessage'), [['Saved the diagram to /work/out/shop.svg.']]);
  });

  it('from the page\'s button, for the drawn document', async () => {
    const { client, requests } = server();
    vscode.window.activeTextEditor = vscode.fakeEditor(SHOP);
    showDiagram(EXTENSION as never, () => client);
    vscode.window.activeTextEditor = undefined; // the webview has the focus
    vscode.panels[0].receive({ type: 'export' });
    await settle();
    assert.deepEqual(requests.map((r) => r.params), [{ uri: SHOP }, { uri: SHOP, standalone: true }]);
    assert.equal(vscode.callsTo('workspace.fs.writeFile').length, 0, 'the user cancelled the dialog');
  });

  it('says why it cannot', async () => {
    vscode.window.activeTextEditor = vscode.fakeEditor(SHOP);
    await exportDiagram(() => undefined);
    assert.match(String(vscode.callsTo('window.showWarningMessage')[0][0]), /not running/);
    await exportDiagram(() => server(() => Promise.reject(new Error('boom'))).client);
    assert.deepEqual(vscode.callsTo('window.showErrorMessage'), [['Could not draw the diagram: boom']]);
  });
});
