// The server's SVG cut into top-level parts and compared, so that a redraw sends only what
// changed (src/webview/svgParts.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diffSvg, nextDrawing, partKey, PATCH_LIMIT, splitSvg, SplitSvg } from '../../src/webview/svgParts';

/** A host's box as SvgWriter writes it at the top level. */
function host(name: string, fact = 'linux ubuntu 22.04', y = 8): string {
  return `  <g class="topo-box kind-host" data-id="host:${name}" data-uri="file:///w/a.topo" data-line="0" data-character="0" data-end-line="3" data-end-character="1">
    <title>host ${name}</title>
    <rect class="topo-frame" x="8" y="${y}" width="200" height="100" rx="4"/>
    <text class="topo-title" x="16" y="${y + 20}">host ${name}</text>
    <text class="topo-fact" x="16" y="${y + 36}">${fact}</text>
    <g class="topo-box kind-container" data-id="host:${name}/container:web" data-uri="file:///w/a.topo" data-line="1" data-character="2" data-end-line="2" data-end-character="3">
      <title>container web</title>
    </g>
  </g>
`;
}

const EDGES = `  <g class="topo-edges">
    <path class="topo-edge edge-node" data-id="e0" data-from="cluster:c" data-to="host:a" d="M0 0 L8 8" fill="none" marker-end="url(#topo-arrow)"/>
  </g>
`;
const DEFS = `  <defs>
    <marker id="topo-arrow" viewBox="0 0 10 10"><path class="topo-arrowhead" d="M0 0L10 5L0 10z"/></marker>
  </defs>
`;

function svg(parts: string[], width = 400, height = 300, defs = DEFS): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="topo-diagram" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">\n`
    + defs + parts.join('') + '</svg>\n';
}

const cut = (text: string): SplitSvg => {
  const split = splitSvg(text);
  assert.ok(split, 'cut');
  return split;
};

const A = host('a');
const B = host('b', 'windows 2022', 120);
const C = host('c', 'linux debian 12', 240);
const PARTIAL = '  <text class="topo-partial" x="8" y="400">Partial: the document has syntax errors.</text>\n';

describe('cutting the server\'s SVG', () => {
  it('keeps the start tag and defs as the header, each top-level child as a part keyed by its box or its class, and the end tag', () => {
    const split = cut(svg([A, B, EDGES, PARTIAL]));
    assert.equal(split.header, '<svg xmlns="http://www.w3.org/2000/svg" class="topo-diagram" viewBox="" width="" height="">\n' + DEFS.slice(0, -1));
    assert.deepEqual(split.size, { viewBox: '0 0 400 300', width: '400', height: '300' });
    assert.deepEqual(split.parts.map((p) => p.key), ['#host:a', '#host:b', 'g.topo-edges:0', 'text.topo-partial:0']);
    assert.deepEqual(split.parts.map((p) => p.text), [A, B, EDGES, PARTIAL], 'a box with its nested boxes and its end tag');
    assert.equal(split.footer, '</svg>\n');
  });

  it('gives the page\'s key to an escaped id, and ranks the parts that have no id among their likes', () => {
    const nasty = host('a&amp;b&quot;&#10;c');
    const split = cut(svg([nasty, PARTIAL, PARTIAL.replace('Partial', 'Again')]));
    assert.deepEqual(split.parts.map((p) => p.key), ['#host:a&b"\nc', 'text.topo-partial:0', 'text.topo-partial:1']);
    const seen = new Map<string, number>();
    assert.equal(partKey('g', 'topo-box kind-host', 'host:a&b"\nc', seen), '#host:a&b"\nc', 'as the page keys the node');
    assert.equal(partKey('text', 'topo-partial', null, seen), 'text.topo-partial:0');
    assert.equal(partKey('text', 'topo-partial', null, seen), 'text.topo-partial:1');
  });

  it('cuts the standalone SVG the build draws for the docs, its style in the header, and loses none of it', () => {
    for (const file of ['../docs/diagram/shop.svg', '../docs/diagram/container-os-mismatch.svg']) {
      const text = readFileSync(file, 'utf8');
      const split = cut(text);
      assert.match(split.header, /\n {2}<style>\n[\s\S]*\n {2}<\/style>\n {2}<defs>[\s\S]*<\/defs>$/, file);
      assert.ok(split.parts.filter((p) => p.key.startsWith('#')).length >= 2, file);
      const start = text.indexOf('\n', text.indexOf('</defs>')) + 1;
      assert.equal(split.parts.map((p) => p.text).join('') + split.footer, text.slice(start), `${file}: the parts are the rest`);
    }
  });

  it('does not cut what is not written as the server writes (it is drawn whole)', () => {
    assert.equal(splitSvg('<svg class="topo-diagram"/>'), undefined);
    assert.equal(splitSvg(svg([A]).replace('\n  <g class="topo-box', '\n<g class="topo-box')), undefined, 'a child not indented by two');
    assert.equal(splitSvg(svg([A]).replace(' width="400"', '')), undefined, 'no size');
    assert.equal(splitSvg(svg([A, A])), undefined, 'the same id twice');
    assert.equal(splitSvg(svg([A]).replace('</svg>\n', '</svg>\n<!-- more -->\n')), undefined);
  });
});

describe('comparing two pictures', () => {
  const before = svg([A, B, C, EDGES]);

  it('finds nothing to send when the picture is the same', () => {
    assert.deepEqual(diffSvg(cut(before), cut(before)), { parts: [] });
    const shown = nextDrawing(undefined, before).drawing;
    const again = nextDrawing(shown, before);
    assert.equal(again.drawing, shown);
    assert.deepEqual(again.patch, { parts: [] });
  });

  it('sends only the box of the host that changed, and neither the keys nor the size when they are the same', () => {
    const B2 = host('b', 'windows 2025', 120);
    assert.deepEqual(diffSvg(cut(before), cut(svg([A, B2, C, EDGES]))), { parts: [{ key: '#host:b', text: B2 }] });
  });

  it('sends the new order of the keys when a part is added, removed or moved, with the new part\'s text only', () => {
    const D = host('d', 'linux alpine 3.20', 360);
    assert.deepEqual(diffSvg(cut(before), cut(svg([A, C, D, EDGES]))),
      { keys: ['#host:a', '#host:c', '#host:d', 'g.topo-edges:0'], parts: [{ key: '#host:d', text: D }] });
    assert.deepEqual(diffSvg(cut(before), cut(svg([C, A, B, EDGES]))), { keys: ['#host:c', '#host:a', '#host:b', 'g.topo-edges:0'], parts: [] });
    assert.deepEqual(diffSvg(cut(before), cut(svg([A, B, C]))), { keys: ['#host:a', '#host:b', '#host:c'], parts: [] });
  });

  it('sends the new size when the picture grows', () => {
    const B2 = host('b', 'windows 2025', 120);
    assert.deepEqual(diffSvg(cut(before), cut(svg([A, B2, C, EDGES], 420, 310))),
      { size: { viewBox: '0 0 420 310', width: '420', height: '310' }, parts: [{ key: '#host:b', text: B2 }] });
  });

  it('draws the whole when the header is another, when most of the picture changed, or when one of them cannot be cut', () => {
    assert.equal(diffSvg(cut(before), cut(svg([A, B, C, EDGES], 400, 300, DEFS.replace('M0 0', 'M1 1')))), undefined);
    const most = Math.ceil(3 * PATCH_LIMIT);
    const changed = [host('a', 'x', 1), host('b', 'x', 2), host('c', 'x', 3)].slice(0, most);
    assert.equal(diffSvg(cut(before), cut(svg([...changed, ...[A, B, C].slice(most), EDGES]))), undefined);
    assert.equal(diffSvg(undefined, cut(before)), undefined);
    assert.equal(nextDrawing(nextDrawing(undefined, '<svg/>').drawing, before).patch, undefined);
    assert.equal(nextDrawing(undefined, before).patch, undefined, 'the first picture is drawn whole');
  });
});
