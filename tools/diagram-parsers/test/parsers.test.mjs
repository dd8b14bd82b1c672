// Every Mermaid and DOT file that topo commits (docs/diagram/, made from the samples, and
// fixtures/, made from a program with nasty names and text) parses with the real parsers,
// and both faces of a program say the same thing as those parsers read them. The Java tests
// (TextDiagramDocsTest) keep these files current with the writers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMermaid, readMermaid, parseDotText, readDot } from '../readers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const folders = [path.join(here, '../../../docs/diagram'), path.join(here, '../fixtures')];
const files = (extension) => folders.flatMap((folder) => fs.readdirSync(folder)
  .filter((f) => f.endsWith(extension)).sort().map((f) => path.join(folder, f)));
const read = (file) => fs.readFileSync(file, 'utf8');
const name = (file) => path.relative(path.join(here, '../../..'), file);

test('there are files to check: the two samples and the fixture, in both languages', () => {
  assert.deepEqual(files('.mmd').map(name).map((f) => f.replace(/\.mmd$/, '')),
    files('.dot').map(name).map((f) => f.replace(/\.dot$/, '')));
  assert.ok(files('.mmd').length >= 3, files('.mmd').join(', '));
});

for (const file of files('.mmd')) {
  test(`mermaid parses ${name(file)} as a flowchart`, async () => {
    assert.equal(await parseMermaid(read(file)), 'flowchart-v2');
  });
}

for (const file of files('.dot')) {
  test(`the DOT grammar parses ${name(file)} as one digraph`, () => {
    const ast = parseDotText(read(file));
    const graphs = ast.children.filter((c) => c.type === 'Graph');
    assert.equal(graphs.length, 1);
    assert.equal(graphs[0].directed, true);
  });
}

for (const file of files('.mmd')) {
  const dotFile = file.replace(/\.mmd$/, '.dot');
  test(`${name(file)} and its .dot show the same boxes, lines, colours and edges`, async () => {
    const mermaid = await readMermaid(read(file));
    const dot = readDot(read(dotFile));
    assert.ok(mermaid.boxes.size > 0);
    assert.deepEqual(mermaid.boxes, dot.boxes);
    assert.deepEqual(mermaid.edges, dot.edges);
    assert.deepEqual(mermaid.notes, dot.notes);
  });
}

test('the fixture\'s nasty text comes back as written from both parsers', async () => {
  const release = 'ubuntu "22" <b>x</b> & &amp; #quot; #35; `tick` %%{init: {"theme": "dark"}}%% '
    + '[a] {b} (c) |d| \\ :#1; --> end';
  const mermaid = await readMermaid(read(path.join(here, '../fixtures/escaping.mmd')));
  const dot = readDot(read(path.join(here, '../fixtures/escaping.dot')));
  assert.deepEqual(mermaid.boxes.get('n0').lines.slice(0, 2), ['host style', `linux ${release}`]);
  assert.deepEqual(dot.boxes.get('n0').lines.slice(0, 2), ['host style', `linux ${release}`]);
  assert.equal(mermaid.boxes.get('n2').lines[1], 'linux classDef:"x"; style:#y;');
});

test('a sample with findings is coloured: the three errors of container-os-mismatch', async () => {
  const mermaid = await readMermaid(read(files('.mmd').find((f) => f.endsWith('container-os-mismatch.mmd'))));
  const red = [...mermaid.boxes.values()].filter((b) => b.colour === '#d1242f');
  assert.equal(red.length, 3);
  assert.ok(red.every((b) => b.lines.at(-1) === '⚠ 1 error'), JSON.stringify(red));
});

// The checks above must be able to fail: broken text is rejected by the same calls.
test('mermaid rejects a broken chart', async () => {
  for (const broken of ['flowchart LR\n  n0["unclosed]\n', 'flowchart LR\n  n0 --> \n', 'flowchart LR\n  subgraph n0["a"]\n  n1["b"]\n  end\n  end\n']) {
    await assert.rejects(parseMermaid(broken), undefined, broken);
  }
  // The fixture with its quotes unescaped: the escaping is what makes it parse.
  const unescaped = read(path.join(here, '../fixtures/escaping.mmd')).replaceAll('#34;', '"');
  await assert.rejects(parseMermaid(unescaped));
});

test('the DOT grammar rejects a broken graph', () => {
  for (const broken of ['digraph topo {\n  n0 -> ;\n}\n', 'digraph topo {\n  subgraph cluster_n0 {\n  n0 [label="a"];\n}\n',
    'digraph topo {\n  n0 [label="a\\"];\n}\n']) {
    assert.throws(() => parseDotText(broken), undefined, broken);
  }
  const unescaped = read(path.join(here, '../fixtures/escaping.dot')).replaceAll('\\"', '"');
  assert.throws(() => parseDotText(unescaped));
});
