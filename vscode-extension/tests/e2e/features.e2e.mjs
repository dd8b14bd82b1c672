// End-to-end test of every editor feature of the language server, from a client written by
// others: Microsoft's vscode-languageserver-protocol client spawns the real `topo.jar lsp`
// over stdio, opens the repository's samples/ (the workspace folder) and checks each
// answer's content against the samples' text.
//
// server.e2e.mjs covers the session's life, push diagnostics, hover on a keyword and
// completion; this file covers the rest of issue 4: navigation, rename, symbols, semantic
// tokens, folding, selection, formatting, code actions, code lens, inlay hints, document
// links, `topology/explain`, `topology/diagram`, `workspace/configuration`, and in a second
// session pull diagnostics. Run it with `npm run test:e2e` (after building the jar, see session.mjs).
//
// The tests of one session run in order and some build on the ones before (a document the
// configuration test re-checks is the one the code-action test repairs), as an editing
// session does. Each waits for what it needs (a publication, the index); none sleeps.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  CodeActionKind,
  CodeActionRequest,
  CodeLensRequest,
  DefinitionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentFormattingRequest,
  DocumentHighlightKind,
  DocumentHighlightRequest,
  DocumentLinkRequest,
  DocumentRangeFormattingRequest,
  DocumentSymbolRequest,
  ErrorCodes,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  MessageType,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  SelectionRangeRequest,
  SemanticTokensRangeRequest,
  SemanticTokensRequest,
  SymbolKind,
  WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol/node';
import {
  JAR,
  KNOWLEDGE,
  TIMEOUT,
  applyEdits,
  find,
  inside,
  java,
  offsetAt,
  positionAt,
  rangeOf,
  repo,
  sameFile,
  sample,
  startServer,
  untitled,
  waitFor,
} from './session.mjs';

const ALL_SYMBOL_KINDS = Array.from({ length: 26 }, (_, i) => i + 1);

/** What a full-featured editor announces: links, hierarchical symbols, prepareRename, document changes. */
const CAPABILITIES = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: false },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
    symbol: { symbolKind: { valueSet: ALL_SYMBOL_KINDS } },
  },
  window: { workDoneProgress: true },
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    definition: { linkSupport: true },
    references: {},
    documentHighlight: {},
    rename: { prepareSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true, symbolKind: { valueSet: ALL_SYMBOL_KINDS } },
    semanticTokens: {
      requests: { full: true, range: true },
      tokenTypes: [],
      tokenModifiers: [],
      formats: ['relative'],
    },
    foldingRange: { lineFoldingOnly: true },
    selectionRange: {},
    formatting: {},
    rangeFormatting: {},
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } },
      isPreferredSupport: true,
    },
    codeLens: {},
    inlayHint: {},
    documentLink: { tooltipSupport: true },
  },
};

// ---- helpers on the samples' text ----

/** The text a range covers. */
function textAt(file, range) {
  return file.text.slice(offsetAt(file.text, range.start), offsetAt(file.text, range.end));
}

/** Every pair of matching braces of a text (the samples have none in strings or comments). */
function braces(file) {
  const pairs = [];
  const open = [];
  for (let i = 0; i < file.text.length; i++) {
    if (file.text[i] === '{') open.push(i);
    if (file.text[i] === '}') pairs.push({ open: open.pop(), close: i });
  }
  return pairs;
}

/** The range of the block whose header is `header` (`host edge-01 {`): from its keyword through its `}`. */
function blockRange(file, header, fromLine = 0) {
  const start = find(file, header, fromLine);
  const brace = offsetAt(file.text, start) + header.lastIndexOf('{');
  const pair = braces(file).find((p) => p.open === brace);
  return { start, end: positionAt(file.text, pair.close + 1) };
}

/** The range of the whole text. */
function wholeFile(file) {
  return { start: { line: 0, character: 0 }, end: positionAt(file.text, file.text.length) };
}

/** The text with one piece replaced; fails when the piece is not there (the sample changed). */
function replaceOnce(text, piece, replacement) {
  assert.ok(text.includes(piece), `the sample contains '${piece}'`);
  return text.replace(piece, replacement);
}

/** The tokens of `semanticTokens` data, with absolute positions and the legend's names. */
function decodeTokens(data, legend) {
  const tokens = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    line += data[i];
    tokens.push({
      line,
      character,
      length: data[i + 2],
      type: legend.tokenTypes[data[i + 3]],
      modifiers: legend.tokenModifiers.filter((_, bit) => data[i + 4] & (1 << bit)),
    });
  }
  return tokens;
}

/** The token that starts at a position. */
function tokenAt(tokens, { line, character }) {
  return tokens.find((t) => t.line === line && t.character === character);
}

/** The ranges of a selection range, innermost first. */
function selectionChain(selection) {
  const chain = [];
  for (let s = selection; s; s = s.parent) chain.push(s.range);
  return chain;
}

/** An outline as `kind name` lines, children indented: easy to read in an assertion. */
function outline(symbols, depth = 0) {
  const kinds = Object.fromEntries(Object.entries(SymbolKind).map(([name, value]) => [value, name]));
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${kinds[s.kind]} ${s.name}`, ...outline(s.children ?? [], depth + 1)]);
}

/** The edits of a WorkspaceEdit for one document, whether given as `changes` or `documentChanges`. */
function editsFor(edit, file) {
  if (edit.documentChanges) {
    return edit.documentChanges.filter((c) => sameFile(c.textDocument.uri, file.uri)).flatMap((c) => c.edits);
  }
  return Object.entries(edit.changes ?? {}).filter(([uri]) => sameFile(uri, file.uri)).flatMap(([, edits]) => edits);
}

/** The heading of a knowledge-base entry of the repository, as the server has it. */
function knowledgeTitle(path) {
  return readFileSync(join(KNOWLEDGE, path), 'utf8').split('\n')[0].replace(/^#\s*/, '');
}

if (!existsSync(JAR)) {
  test('the server jar exists', () => {
    assert.fail(`${JAR} is missing: this end-to-end test runs the real server. ` +
      'Build it first with `mvn -B package -DskipTests` in the repository root, then run `npm run test:e2e` again.');
  });
} else {
  describe('every editor feature of topo.jar lsp, driven by vscode-languageserver-protocol', () => {
    const shop = sample('shop.topo');
    const mismatch = sample('rules/container-os-mismatch.topo');
    const scaling = sample('rules/scaling-granularity.topo');
    const importCycle = sample('rules/import-cycle.topo');
    const importError = sample('rules/import-error.topo');
    const unschedulable = sample('rules/unschedulable-pod.topo');
    // What the client answers to workspace/configuration; a test changes it.
    let settings = { locale: 'en', rules: {}, showInfo: true };
    let session;
    let connection;
    let recorder;

    /** A test of this session, with the server's stderr added to a failure. */
    function check(name, body) {
      test(name, { timeout: TIMEOUT }, () => session.withLog(body));
    }

    /** Opens a document as an editor does and waits for its first diagnostics. */
    async function open(file) {
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: file.uri, languageId: 'topology', version: 1, text: file.text },
      });
      return recorder.awaitDiagnostics(file.uri, (p) => p.version === 1, 'for version 1');
    }

    /** The parameters of a request at a position of a document. */
    function at(file, position) {
      return { textDocument: { uri: file.uri }, position };
    }

    /** The latest diagnostics published for a document. */
    function latest(file) {
      return recorder.diagnostics.filter((p) => sameFile(p.uri, file.uri)).at(-1);
    }

    before(async () => {
      session = await startServer({ capabilities: CAPABILITIES, settings: () => settings });
      ({ connection, recorder } = session);
      const published = await open(shop);
      assert.deepEqual(published.diagnostics, [], 'shop.topo is clean');
    }, { timeout: TIMEOUT });

    after(() => session?.dispose());

    // The `edge-01` of `nodes edge-01, edge-02` in cluster shop, and its declaration `host edge-01 {`.
    const nodesLine = () => find(shop, 'nodes edge-01').line;
    const nodesEntry = () => rangeOf(shop, 'edge-01', nodesLine());
    const hostName = () => rangeOf(shop, 'edge-01', find(shop, 'host edge-01 {').line);

    // ---- navigation ----

    check('definition of a nodes entry lands on the host declaration, its name selected', async () => {
      const links = await connection.sendRequest(DefinitionRequest.type, at(shop, inside(shop, 'edge-01', 3, nodesLine())));
      assert.equal(links.length, 1, JSON.stringify(links));
      const [link] = links;
      assert.ok(sameFile(link.targetUri, shop.uri), link.targetUri);
      assert.deepEqual(link.originSelectionRange, nodesEntry());
      assert.deepEqual(link.targetSelectionRange, hostName());
      assert.deepEqual(link.targetRange, blockRange(shop, 'host edge-01 {'));
    });

    check('definition of a requires lands on the library of its container that satisfies it', async () => {
      // module reports, inside container report-builder: `requires openjdk ">=17 <18"`.
      const container = find(shop, 'container report-builder').line;
      const requires = find(shop, 'requires openjdk', container);
      const links = await connection.sendRequest(DefinitionRequest.type,
        at(shop, { line: requires.line, character: requires.character + 'requires '.length + 2 }));
      assert.equal(links.length, 1, JSON.stringify(links));
      // The container's own `library openjdk "17.0.9"`, not the VM's line of the same text.
      const library = find(shop, 'library openjdk', container);
      assert.ok(library.line > container && library.line < requires.line);
      assert.deepEqual(links[0].targetSelectionRange, rangeOf(shop, 'openjdk', library.line));
    });

    check('definition of an import path lands at the start of the imported file', async () => {
      await open(importCycle);
      const links = await connection.sendRequest(DefinitionRequest.type, at(importCycle, inside(importCycle, 'import-error.topo', 3)));
      assert.equal(links.length, 1, JSON.stringify(links));
      assert.ok(sameFile(links[0].targetUri, importError.uri), links[0].targetUri);
      assert.deepEqual(links[0].targetSelectionRange.start, { line: 0, character: 0 });
      assert.deepEqual(links[0].originSelectionRange, rangeOf(importCycle, '"import-error.topo"'));
    });

    check('references of a host are its declaration and the nodes entry that names it', async () => {
      const position = at(shop, inside(shop, 'edge-01', 2, find(shop, 'host edge-01').line));
      const withDeclaration = await connection.sendRequest(ReferencesRequest.type, { ...position, context: { includeDeclaration: true } });
      assert.ok(withDeclaration.every((l) => sameFile(l.uri, shop.uri)), JSON.stringify(withDeclaration));
      assert.deepEqual(withDeclaration.map((l) => l.range), [hostName(), nodesEntry()]);
      const without = await connection.sendRequest(ReferencesRequest.type, { ...position, context: { includeDeclaration: false } });
      assert.deepEqual(without.map((l) => l.range), [nodesEntry()]);
    });

    check('document highlight marks the declaration as written and the nodes entry as read', async () => {
      const highlights = await connection.sendRequest(DocumentHighlightRequest.type, at(shop, inside(shop, 'edge-01', 1, nodesLine())));
      assert.deepEqual(highlights, [
        { range: hostName(), kind: DocumentHighlightKind.Write },
        { range: nodesEntry(), kind: DocumentHighlightKind.Read },
      ]);
    });

    check('prepareRename gives the name under the cursor; a keyword cannot be renamed', async () => {
      const prepared = await connection.sendRequest(PrepareRenameRequest.type, at(shop, inside(shop, 'edge-01', 4, nodesLine())));
      assert.deepEqual(prepared, { range: nodesEntry(), placeholder: 'edge-01' });
      const keyword = await connection.sendRequest(PrepareRenameRequest.type, at(shop, inside(shop, 'nodes', 1)));
      assert.equal(keyword, null);
    });

    check('rename edits the declaration and every nodes entry, for the open version', async () => {
      const edit = await connection.sendRequest(RenameRequest.type, { ...at(shop, inside(shop, 'edge-01', 1, nodesLine())), newName: 'edge-11' });
      assert.equal(edit.documentChanges.length, 1, JSON.stringify(edit));
      const [change] = edit.documentChanges;
      assert.ok(sameFile(change.textDocument.uri, shop.uri));
      assert.equal(change.textDocument.version, 1);
      assert.deepEqual(change.edits.map((e) => e.range), [hostName(), nodesEntry()]);
      const renamed = replaceOnce(replaceOnce(shop.text, 'host edge-01 {', 'host edge-11 {'), 'nodes edge-01,', 'nodes edge-11,');
      assert.equal(applyEdits(shop.text, change.edits), renamed);
    });

    check('rename quotes a name that is not an identifier, and refuses a line break and a name already taken', async () => {
      const position = at(shop, inside(shop, 'edge-01', 1, nodesLine()));
      const quoted = await connection.sendRequest(RenameRequest.type, { ...position, newName: 'edge.01' });
      assert.deepEqual(quoted.documentChanges[0].edits.map((e) => e.newText), ['"edge.01"', '"edge.01"']);
      await assert.rejects(connection.sendRequest(RenameRequest.type, { ...position, newName: 'edge\n01' }),
        (e) => e.code === ErrorCodes.InvalidParams && /not a valid name/.test(e.message));
      await assert.rejects(connection.sendRequest(RenameRequest.type, { ...position, newName: 'edge-02' }),
        (e) => e.code === -32803 /* RequestFailed */ && /edge-02/.test(e.message));
    });

    check('hover on a nodes entry summarises the host it names', async () => {
      const hover = await connection.sendRequest(HoverRequest.type, at(shop, inside(shop, 'edge-01', 1, nodesLine())));
      assert.equal(hover.contents.kind, 'markdown');
      assert.deepEqual(hover.range, nodesEntry());
      for (const piece of ['**host** `edge-01`', 'ubuntu 22.04', 'containerd', 'openssl', '`ingress`', "cluster 'shop'"]) {
        assert.ok(hover.contents.value.includes(piece), `'${piece}' in ${hover.contents.value}`);
      }
    });

    // ---- symbols ----

    check('document symbols give the outline: hosts, VMs, containers, modules, the cluster and its pods', async () => {
      const symbols = await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: shop.uri } });
      assert.deepEqual(outline(symbols), [
        'Class edge-01',
        '  Package ingress',
        'Class edge-02',
        'Class arm-01',
        'Class win-node-01',
        'Class win-01',
        '  Object accounting',
        '    Module ledger',
        '  Object reports',
        '    Package report-builder',
        '      Module reports',
        'Class db-01',
        '  Module orders-db',
        'Namespace shop',
        '  Array storefront',
        '    Package web',
        '      Module ui',
        '    Package sidecar',
        '  Array checkout',
        '    Package api',
        '      Module checkout',
        '  Array invoicing',
        '    Package renderer',
        '      Module invoices',
      ]);
      // Each symbol's range is its whole block and its selection range is its name in the header.
      const visit = (list, fromLine) => {
        for (const s of list) {
          assert.equal(textAt(shop, s.selectionRange), s.name);
          const header = shop.lines[s.selectionRange.start.line].trim();
          assert.deepEqual(s.range, blockRange(shop, header, s.selectionRange.start.line), header);
          assert.ok(s.range.start.line >= fromLine);
          visit(s.children ?? [], s.range.start.line);
        }
      };
      visit(symbols, 0);
      assert.equal(symbols.find((s) => s.name === 'shop').detail, 'nodes edge-01, edge-02, arm-01, win-node-01');
    });

    check('workspace symbols find names by a subsequence of their letters, in files not open too', async () => {
      // The index of the workspace's files must be done for the unopened ones.
      await waitFor(() => recorder.indexed(), 'the workspace index ($/progress end and the log line)');
      const builder = await connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'rbld' });
      assert.deepEqual(builder.map((s) => [s.name, s.kind, s.containerName]), [['report-builder', SymbolKind.Package, 'reports']]);
      assert.ok(sameFile(builder[0].location.uri, shop.uri));
      assert.deepEqual(builder[0].location.range, rangeOf(shop, 'report-builder'));

      const small = await connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'sml' });
      assert.deepEqual(small.map((s) => s.name), ['small-01', 'small-02']);
      for (const s of small) {
        assert.equal(s.kind, SymbolKind.Class);
        assert.ok(sameFile(s.location.uri, unschedulable.uri), s.location.uri);
        assert.deepEqual(s.location.range, rangeOf(unschedulable, s.name, find(unschedulable, `host ${s.name}`).line));
      }
    });

    // ---- presentation ----

    check('semantic tokens colour keywords, declarations, references, OS families, quantities and versions', async () => {
      const legend = session.capabilities.semanticTokensProvider.legend;
      const { data } = await connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: shop.uri } });
      const tokens = decodeTokens(data, legend);
      const expect = (position, length, type, modifiers = []) => {
        const token = tokenAt(tokens, position);
        assert.deepEqual(token && { length: token.length, type: token.type, modifiers: token.modifiers },
          { length, type, modifiers }, `token at ${JSON.stringify(position)}`);
      };
      const host = find(shop, 'host edge-01');
      expect(host, 'host'.length, 'keyword');
      expect(hostName().start, 'edge-01'.length, 'class', ['declaration']);
      expect(nodesEntry().start, 'edge-01'.length, 'variable');
      expect(find(shop, 'linux', host.line), 'linux'.length, 'enumMember', ['defaultLibrary']);
      const memory = find(shop, '64GiB', host.line);
      expect(memory, 2, 'number');
      expect({ line: memory.line, character: memory.character + 2 }, 'GiB'.length, 'type');
      expect(find(shop, '"3.0.2"'), '"3.0.2"'.length, 'regexp');
      expect(find(shop, '"registry.example.com/shop/ingress:2.4.1"'), '"registry.example.com/shop/ingress:2.4.1"'.length, 'string');
      expect(find(shop, '// A small web shop'), shop.lines[0].length, 'comment');

      // A range answers the same tokens as the full request, limited to the range's lines.
      const cluster = blockRange(shop, 'cluster shop {');
      const range = { start: { line: cluster.start.line, character: 0 }, end: { line: cluster.end.line + 1, character: 0 } };
      const ranged = await connection.sendRequest(SemanticTokensRangeRequest.type, { textDocument: { uri: shop.uri }, range });
      const inRange = tokens.filter((t) => t.line >= cluster.start.line && t.line <= cluster.end.line);
      assert.ok(inRange.length > 20);
      assert.deepEqual(decodeTokens(ranged.data, legend), inRange);
    });

    check('folding ranges cover each block, up to the line before its }, and the leading comment', async () => {
      const folds = await connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: shop.uri } });
      const blocks = braces(shop).map(({ open, close }) => ({
        startLine: positionAt(shop.text, open).line,
        endLine: positionAt(shop.text, close).line - 1, // every `}` of the sample opens its line
      })).sort((a, b) => a.startLine - b.startLine);
      assert.equal(blocks.length, 24);
      // Each run of two or more comment lines folds too: the leading one, and those before some pods.
      const comments = [];
      shop.lines.forEach((l, i) => {
        const last = comments.at(-1);
        if (!l.trim().startsWith('//')) return;
        if (last && last.endLine === i - 1) last.endLine = i;
        else comments.push({ startLine: i, endLine: i, kind: 'comment' });
      });
      const commentFolds = comments.filter((c) => c.endLine > c.startLine);
      assert.deepEqual(commentFolds[0], { startLine: 0, endLine: 2, kind: 'comment' });
      assert.deepEqual(folds, [...commentFolds, ...blocks].sort((a, b) => a.startLine - b.startLine));
    });

    check('selection ranges grow from the word to its statement, its blocks, then the file', async () => {
      const edgeOs = find(shop, 'os linux "ubuntu 22.04"');
      const load = find(shop, 'load high');
      const [first, second] = await connection.sendRequest(SelectionRangeRequest.type, {
        textDocument: { uri: shop.uri },
        positions: [{ line: edgeOs.line, character: edgeOs.character + 4 }, { line: load.line, character: load.character + 6 }],
      });
      assert.deepEqual(selectionChain(first), [
        rangeOf(shop, 'linux', edgeOs.line),
        rangeOf(shop, 'os linux "ubuntu 22.04"', edgeOs.line),
        blockRange(shop, 'host edge-01 {'),
        wholeFile(shop),
      ]);
      assert.deepEqual(selectionChain(second), [
        rangeOf(shop, 'high', load.line),
        rangeOf(shop, 'load high', load.line),
        blockRange(shop, 'module ui {'),
        blockRange(shop, 'container web {'),
        blockRange(shop, 'pod storefront {'),
        blockRange(shop, 'cluster shop {'),
        wholeFile(shop),
      ]);
    });

    check('code lens on each host, VM and cluster shows the cpu and memory used of what it has', async () => {
      const lenses = await connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: shop.uri } });
      const byName = Object.fromEntries(lenses.map((l) => [textAt(shop, l.range), l.command.title]));
      assert.deepEqual(Object.keys(byName), ['edge-01', 'edge-02', 'arm-01', 'win-node-01', 'win-01', 'accounting', 'reports', 'db-01', 'shop']);
      // edge-01 gives container ingress 2 of its 16 cpu and 2 of its 64 GiB.
      assert.equal(byName['edge-01'], 'cpu 2/16 · memory 2/64 GiB');
      // win-01 gives each of its two VMs 8 cpu and 32 GiB.
      assert.equal(byName['win-01'], 'cpu 16/32 · memory 64/128 GiB');
      // Cluster shop requests 3 × (0.25 + 0.5) + 2 × 1 + 2 × 2 = 8.25 cpu and 3 × (512 + 256) MiB + 2 × 2 GiB
      // + 2 × 4 GiB = 14.25 GiB of what its four nodes have free: 16 + 16 + 16 + 8 cpu and 64 + 64 + 32 + 32 GiB,
      // less the 2 cpu and 2 GiB edge-01 gives its own container ingress.
      assert.equal(byName.shop, 'requests cpu 8.25/54 free · memory 14.25/190 GiB free');
      assert.ok(lenses.every((l) => /^(requests )?cpu /.test(l.command.title)), JSON.stringify(lenses));
    });

    check('inlay hints after a pod\'s replicas give what all its replicas need', async () => {
      const all = await connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: shop.uri }, range: wholeFile(shop) });
      const storefront = rangeOf(shop, 'replicas 3');
      const checkout = rangeOf(shop, 'replicas 2');
      const invoicing = rangeOf(shop, 'replicas 2', find(shop, 'pod invoicing').line + 1);
      assert.deepEqual(all.map((h) => [h.position, h.label]), [
        [storefront.end, '= 2.25 cpu · 2.25 GiB in all'],
        [checkout.end, '= 2 cpu · 4 GiB in all'],
        [invoicing.end, '= 4 cpu · 8 GiB in all'],
      ]);
      assert.match(all[0].tooltip.value, /3 replicas of pod 'storefront', each requesting 0\.75 cpu and 768 MiB/);
      // Only the hints of the range asked for.
      const pod = blockRange(shop, 'pod checkout {');
      const some = await connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: shop.uri }, range: pod });
      assert.deepEqual(some.map((h) => h.label), ['= 2 cpu · 4 GiB in all']);
    });

    check('document links on import paths lead to the imported file; broken imports get none', async () => {
      const links = await connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: importCycle.uri } });
      assert.equal(links.length, 1, JSON.stringify(links));
      assert.deepEqual(links[0].range, rangeOf(importCycle, '"import-error.topo"'));
      assert.ok(sameFile(links[0].target, importError.uri), links[0].target);

      // import-error.topo imports a missing file, /etc/hosts, import-cycle.topo and a path out of the workspace.
      await open(importError);
      const back = await connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: importError.uri } });
      assert.deepEqual(back.map((l) => l.range), [rangeOf(importError, '"import-cycle.topo"')]);
      assert.ok(sameFile(back[0].target, importCycle.uri), back[0].target);
    });

    // ---- formatting ----

    // shop.topo with its layout spoilt: indentation gone, spaces doubled and dropped, two
    // statements on one line, a blank line lost between blocks and two added inside one.
    const messyText = () => {
      let text = shop.lines.map((l) => l.trimStart()).join('\n');
      text = replaceOnce(text, 'host edge-01 {', 'host   edge-01{');
      text = replaceOnce(text, 'cpu 16\nmemory 64GiB', 'cpu 16;  memory 64GiB');
      text = replaceOnce(text, '}\n\nhost edge-02', '}\nhost edge-02');
      text = replaceOnce(text, 'host db-01 {\n', 'host db-01 {\n\n\n');
      text = replaceOnce(text, 'nodes edge-01, edge-02', 'nodes edge-01 ,edge-02');
      return text;
    };
    const FORMAT = { tabSize: 2, insertSpaces: true };

    check('formatting a messy copy gives the canonical text, which then formats to no edit', async () => {
      const messy = untitled('messy-shop.topo', messyText());
      assert.notEqual(messy.text, shop.text);
      await open(messy);
      const edits = await connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: messy.uri }, options: FORMAT });
      assert.ok(edits.length > 0);
      const formatted = applyEdits(messy.text, edits);
      assert.equal(formatted, shop.text);

      // The canonical sample itself, and the formatted buffer once the editor applied the edits, need nothing.
      assert.deepEqual(await connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: shop.uri }, options: FORMAT }), []);
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: messy.uri, version: 2 },
        contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
      });
      await recorder.awaitDiagnostics(messy.uri, (p) => p.version === 2, 'for version 2');
      assert.deepEqual(await connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: messy.uri }, options: FORMAT }), []);
    });

    check('range formatting lays out only the block asked for', async () => {
      const messy = untitled('messy-range.topo', messyText());
      await open(messy);
      const header = find(messy, 'host   edge-01{');
      const block = { start: header, end: positionAt(messy.text, messy.text.indexOf('}\nhost edge-02') + 1) };
      const edits = await connection.sendRequest(DocumentRangeFormattingRequest.type, {
        textDocument: { uri: messy.uri }, range: block, options: FORMAT,
      });
      const canonicalBlock = textAt(shop, blockRange(shop, 'host edge-01 {'));
      const expected = messy.text.slice(0, offsetAt(messy.text, block.start)) + canonicalBlock
        + messy.text.slice(offsetAt(messy.text, block.end));
      assert.equal(applyEdits(messy.text, edits), expected);
    });

    check('formatting a text with a syntax error returns no edit, so nothing typed is lost', async () => {
      const broken = untitled('broken.topo', 'host broken {\n      os linux\ncpu four\n}\n');
      await open(broken);
      assert.deepEqual(await connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: broken.uri }, options: FORMAT }), []);
      assert.deepEqual(await connection.sendRequest(DocumentRangeFormattingRequest.type, {
        textDocument: { uri: broken.uri }, range: wholeFile(broken), options: FORMAT,
      }), []);
    });

    // ---- topology/diagram, the extension's Show Diagram ----

    /** Every box of a diagram's JSON, parents first. */
    const allBoxes = (boxes) => boxes.flatMap((b) => [b, ...allBoxes(b.children)]);

    check('topology/diagram draws shop.topo: a box per entity at its block, the edges, and the webview\'s SVG', async () => {
      const answer = await connection.sendRequest('topology/diagram', { uri: shop.uri });
      const { diagram, svg, files } = answer;
      assert.equal(diagram.partial, false);
      assert.deepEqual(files.map((f) => sameFile(f, shop.uri)), [true]);
      const declared = [...shop.text.matchAll(/^\s*(host|vm|container|cluster|pod|module) ([\w-]+) \{/gm)];
      const boxes = allBoxes(diagram.boxes);
      assert.equal(boxes.length, declared.length, boxes.map((b) => b.id).join(', '));
      for (const [, kind, name] of declared) {
        const box = boxes.find((b) => b.kind === kind && b.name === name);
        assert.ok(box, `no box for ${kind} ${name}`);
        assert.ok(sameFile(box.source.uri, shop.uri));
        assert.deepEqual(box.source.range, blockRange(shop, `${kind} ${name} {`), `${kind} ${name}'s source`);
        assert.ok(svg.includes(`data-id="${box.id}"`), `the SVG has ${box.id}`);
        assert.ok(box.width > 0 && box.height > 0, `${box.id} is laid out`);
      }
      // The cluster's four nodes, and every pod's may-run-on edges to some of them.
      assert.deepEqual(diagram.edges.filter((e) => e.kind === 'node').map((e) => e.to).sort(),
        ['host:arm-01', 'host:edge-01', 'host:edge-02', 'host:win-node-01']);
      assert.ok(diagram.edges.every((e) => e.route.length >= 2), 'every edge is routed');
      assert.ok(svg.startsWith('<svg') && !svg.includes('<style'), 'the webview\'s SVG brings no style sheet');
      // Asked again with nothing changed: the same picture; standalone: the same layout with its style.
      assert.deepEqual(await connection.sendRequest('topology/diagram', { uri: shop.uri }), answer);
      const standalone = await connection.sendRequest('topology/diagram', { uri: shop.uri, standalone: true });
      assert.deepEqual(standalone.diagram, diagram);
      assert.match(standalone.svg, /<style>/);
    });

    check('topology/diagram follows edits, draws what parsed of a broken text, and has an answer for an empty one', async () => {
      const lab = untitled('diagram-lab.topo', 'host a {\n  os linux\n}\n');
      await open(lab);
      const before = await connection.sendRequest('topology/diagram', { uri: lab.uri });
      assert.deepEqual(before.diagram.boxes.map((b) => b.id), ['host:a']);
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: lab.uri, version: 2 },
        contentChanges: [{ text: 'host a {\n  os linux\n}\nhost b {\n  os linux\n  cpu four\n' }],
      });
      const broken = await connection.sendRequest('topology/diagram', { uri: lab.uri });
      assert.equal(broken.diagram.partial, true);
      assert.ok(broken.diagram.boxes.some((b) => b.id === 'host:a'), JSON.stringify(broken.diagram.boxes.map((b) => b.id)));
      assert.match(broken.svg, /topo-partial/);
      const empty = untitled('diagram-empty.topo', '// nothing declared yet\n');
      await open(empty);
      const nothing = await connection.sendRequest('topology/diagram', { uri: empty.uri });
      assert.deepEqual(nothing.diagram.boxes, []);
      assert.equal(nothing.diagram.partial, false);
    });

    // ---- a finding: explain, configure, repair, suppress ----

    check('topology/explain on a finding returns its rule\'s knowledge-base entry as Markdown', async () => {
      const [diagnostic] = (await open(mismatch)).diagnostics;
      assert.equal(diagnostic.code, 'container-os-mismatch');
      assert.equal(diagnostic.severity, 1); // Error, the rule's default
      const explanation = await connection.sendRequest('topology/explain', at(mismatch, diagnostic.range.start));
      assert.ok(explanation.markdown.startsWith(`# ${knowledgeTitle('rules/container-os-mismatch.md')}\n`), explanation.markdown);
      assert.match(explanation.markdown, /## How to fix/);
      // On a keyword, with no finding there: the concept's entry.
      const keyword = await connection.sendRequest('topology/explain', at(mismatch, inside(mismatch, 'runtime', 2)));
      assert.ok(keyword.markdown.startsWith(`# ${knowledgeTitle('concepts/runtime.md')}\n`), keyword.markdown);
    });

    check('workspace/configuration: the rule severity the client answers applies after didChangeConfiguration', async () => {
      // The server asked for the `topology` section once initialized.
      assert.deepEqual(recorder.configurationRequests[0]?.items, [{ section: 'topology' }]);
      const asked = recorder.configurationRequests.length;
      settings = { locale: 'en', rules: { 'container-os-mismatch': 'warning' }, showInfo: true };
      // As vscode-languageclient sends it: no settings inside, the server is to ask again.
      await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      const published = await recorder.awaitDiagnostics(mismatch.uri,
        (p) => p.diagnostics.some((d) => d.code === 'container-os-mismatch' && d.severity === 2), 'with a Warning');
      assert.equal(published.version, 1);
      assert.ok(recorder.configurationRequests.length > asked, 'the server asked for the settings again');
      assert.deepEqual(recorder.configurationRequests.at(-1).items, [{ section: 'topology' }]);
    });

    check('code actions for the OS mismatch: move the container into a Linux VM, relabel only if mislabelled, or suppress', async () => {
      const { diagnostics } = latest(mismatch);
      const [diagnostic] = diagnostics;
      const actions = await connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: mismatch.uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], triggerKind: 1 },
      });
      const osLine = diagnostic.range.start.line;
      // Nothing is preferred: the move changes the design's shape, the relabel may hide a real mismatch.
      assert.deepEqual(actions.filter((a) => a.isPreferred), [], JSON.stringify(actions));
      const move = actions[0];
      assert.equal(move.kind, CodeActionKind.QuickFix);
      assert.equal(move.title, "Move container 'web' into a new linux VM 'win-01-linux' on host 'win-01', declaring 'hypervisor hyper-v'");
      assert.deepEqual(move.diagnostics, [diagnostic]);
      const moved = applyEdits(mismatch.text, editsFor(move.edit, mismatch));
      assert.match(moved, /hypervisor hyper-v\n/);
      assert.match(moved, /  vm win-01-linux \{\n    os linux\n    cpu 1\n    memory 1GiB\n    runtime docker "24.0"\n    container web \{\n/);
      const relabel = actions.find((a) => a.title.startsWith("Declare container 'web' a windows container"));
      assert.ok(relabel, JSON.stringify(actions.map((a) => a.title)));
      assert.deepEqual(editsFor(relabel.edit, mismatch), [{ range: rangeOf(mismatch, 'linux', osLine), newText: 'windows' }]);

      const suppress = actions.find((a) => a.title === "Suppress 'container-os-mismatch' with topo-ignore");
      assert.ok(suppress, JSON.stringify(actions.map((a) => a.title)));
      assert.equal(suppress.kind, CodeActionKind.QuickFix);
      const [insertion] = editsFor(suppress.edit, mismatch);
      assert.deepEqual(insertion, {
        range: { start: { line: osLine, character: 0 }, end: { line: osLine, character: 0 } },
        newText: '    // topo-ignore container-os-mismatch\n',
      });
      // Applied by the editor, the comment silences the finding.
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: mismatch.uri, version: 2 },
        contentChanges: [{ range: insertion.range, text: insertion.newText }],
      });
      const published = await recorder.awaitDiagnostics(mismatch.uri, (p) => p.version === 2, 'for version 2');
      assert.deepEqual(published.diagnostics.map((d) => d.message), diagnostics.slice(1).map((d) => d.message));
    });

    check('a refactoring moves a load-high module out of a shared VM into its own pod', async () => {
      const { diagnostics } = await open(scaling);
      // One for the VM's busy module, one for the container's (the sample's two cases).
      assert.deepEqual(diagnostics.map((d) => d.code), ['scaling-granularity', 'scaling-granularity']);
      const cursor = inside(scaling, 'load high', 2);
      const actions = await connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: scaling.uri },
        range: { start: cursor, end: cursor },
        context: { diagnostics: [], only: [CodeActionKind.Refactor] },
      });
      assert.equal(actions.length, 1, JSON.stringify(actions));
      const [move] = actions;
      assert.equal(move.kind, CodeActionKind.RefactorExtract);
      assert.match(move.title, /^Move module 'checkout' into a container in its own pod/);
      const moved = applyEdits(scaling.text, editsFor(move.edit, scaling));
      // The VM keeps module catalog only; a new cluster on it holds pod checkout > container checkout > module checkout.
      const vmStart = moved.indexOf('vm shop {');
      const vm = moved.slice(vmStart, moved.indexOf('\n  }\n', vmStart));
      assert.ok(vm.includes('module catalog') && !vm.includes('module checkout'), vm);
      assert.match(moved, /\ncluster [\w-]+ \{\n  nodes shop\n\n  pod checkout \{\n    replicas 2\n    container checkout \{\n      os linux\n/);
      assert.match(moved, /      module checkout \{\n        language java\n        requires openjdk "17"\n        load high/);

      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: scaling.uri, version: 2 },
        contentChanges: [{ text: moved }],
      });
      const published = await recorder.awaitDiagnostics(scaling.uri, (p) => p.version === 2, 'for version 2');
      // Module checkout's finding is gone and nothing is broken; the sample's container case stays.
      assert.deepEqual(published.diagnostics.filter((d) => d.severity === 1
        || (d.code === 'scaling-granularity' && d.message.includes("module 'checkout'"))), []);
      assert.equal(published.diagnostics.filter((d) => d.code === 'scaling-granularity').length, 1);
    });

    check('shutdown then exit ends the server with status 0, with no error in its log', async () => {
      const { code, signal } = await session.stop();
      assert.equal(signal, null);
      assert.equal(code, 0);
      assert.deepEqual(recorder.logs.filter((m) => m.type === MessageType.Error || /exception/i.test(m.message)), []);
      assert.doesNotMatch(session.stderr(), /exception/i);
    });
  });

  describe('pull diagnostics, for a client that announces textDocument.diagnostic', () => {
    const mismatch = sample('rules/container-os-mismatch.topo');
    let session;

    before(async () => {
      session = await startServer({ capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
    }, { timeout: TIMEOUT });

    after(() => session?.dispose());

    test('the server offers pull diagnostics, answers them for the buffer\'s text, and pushes none', { timeout: TIMEOUT }, () => session.withLog(async () => {
      const { connection, recorder } = session;
      assert.equal(session.capabilities.diagnosticProvider?.interFileDependencies, true, JSON.stringify(session.capabilities));
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: mismatch.uri, languageId: 'topology', version: 1, text: mismatch.text },
      });
      const report = await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: mismatch.uri } });
      assert.equal(report.kind, 'full');
      assert.deepEqual(report.items[0] && [report.items[0].code, report.items[0].source, report.items[0].range],
        ['container-os-mismatch', 'topo', rangeOf(mismatch, 'os linux')]);

      // After an edit that fixes the OS, the next pull is clean.
      const linux = rangeOf(mismatch, 'linux', find(mismatch, 'os linux').line);
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: mismatch.uri, version: 2 },
        contentChanges: [{ range: linux, text: 'windows' }],
      });
      const fixed = await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: mismatch.uri } });
      // The fixed container's finding is gone; the sample's other cases (macOS, selectors) stay.
      assert.deepEqual(fixed, { kind: 'full', items: report.items.slice(1) });

      const { code } = await session.stop();
      assert.equal(code, 0);
      assert.deepEqual(recorder.diagnostics, [], 'nothing was pushed');
    }));
  });

  // Kubernetes manifests in the editor (issue 13): a client that, like VS Code's, registers
  // dynamically and pulls diagnostics, with topology.yaml.enable on from the start.
  describe('a Kubernetes manifest with topology.yaml.enable on, and topology/import', () => {
    const fixture = join(repo, 'server', 'src', 'test', 'resources', 'yaml', 'kubernetes', 'mixed-cluster.yaml');
    const manifest = { uri: pathToFileURL(fixture).href, text: readFileSync(fixture, 'utf8') };
    let session;

    before(async () => {
      session = await startServer({
        capabilities: {
          workspace: { configuration: true },
          textDocument: {
            synchronization: { dynamicRegistration: true },
            hover: { dynamicRegistration: true },
            diagnostic: { dynamicRegistration: true },
          },
        },
        settings: () => ({ locale: 'en', rules: {}, showInfo: true, yaml: { enable: true } }),
      });
    }, { timeout: TIMEOUT });

    after(() => session?.dispose());

    test('the server registers for YAML files, and pulls of the manifest give the findings at their marked lines', { timeout: TIMEOUT }, () => session.withLog(async () => {
      const { connection, recorder } = session;
      await waitFor(() => recorder.registrations.some((r) => r.registrations.some((x) => x.method === 'textDocument/didOpen')), 'the YAML registrations');
      const methods = recorder.registrations.flatMap((r) => r.registrations).map((x) => x.method);
      assert.deepEqual(methods.filter((m) => m !== 'workspace/didChangeWatchedFiles'),
        ['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'textDocument/hover', 'textDocument/diagnostic']);

      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: manifest.uri, languageId: 'yaml', version: 1, text: manifest.text },
      });
      const report = await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: manifest.uri } });
      const marked = manifest.text.split('\n').flatMap((line, i) => (line.includes('# expect:') ? [i] : []));
      assert.deepEqual([...new Set(report.items.map((d) => d.range.start.line))].sort((a, b) => a - b), marked);
      assert.ok(report.items.every((d) => d.source === 'topo' && d.code === 'container-os-mismatch'), JSON.stringify(report.items));
    }));

    test('topology/import gives the text topo import prints', { timeout: TIMEOUT }, () => session.withLog(async () => {
      const answer = await session.connection.sendRequest('topology/import', { uris: [manifest.uri] });
      assert.equal(answer.format, 'k8s');
      // Outside the workspace folder, the file is named by its name in the comments: as the command line names it from its folder.
      const printed = execFileSync(java, ['-jar', JAR, 'import', 'k8s', 'mixed-cluster.yaml'], { cwd: dirname(fixture), encoding: 'utf8' });
      assert.equal(answer.text, printed);
    }));
  });
}
