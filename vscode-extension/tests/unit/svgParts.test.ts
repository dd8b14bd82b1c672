// The server's SVG cut into top-level parts and compared, so that a redraw sends only what
// changed (src/webview/svgParts.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { cutBox, diffSvg, nextDrawing, partKey, PATCH_LIMIT, splitSvg, SplitSvg } from '../../src/webview/svgParts';

/** The start tag, title, frame and texts of a box as SvgWriter writes them, `depth` levels deep. */
function boxOwn(depth: number, kind: string, id: string, fact: string, y: number): string[] {
  const indent = '  '.repeat(depth);
  return [
    `${indent}<g class="topo-box kind-${kind}" data-id="${id}" data-uri="file:///w/a.topo" data-line="0" data-character="0" data-end-line="3" data-end-character="1">`,
    `${indent}  <title>${kind} ${id}</title>`,
    `${indent}  <rect class="topo-frame" x="8" y="${y}" width="200" height="100" rx="4"/>`,
    `${indent}  <text class="topo-title" x="16" y="${y + 20}">${kind} ${id}</text>`,
    `${indent}  <text class="topo-fact" x="16" y="${y + 36}">${fact}</text>`,
  ];
}

/** A container's box, nested in its host's. */
function container(host: string, name: string, image = 'shop/web:1', depth = 2): string {
  return boxOwn(depth, 'container', `host:${host}/container:${name}`, image, 40).join('\n') + `\n${'  '.repeat(depth)}</g>\n`;
}

/** A host's box as SvgWriter writes it at the top level, with one container (or those given). */
function host(name: string, fact = 'linux ubuntu 22.04', y = 8, containers = [container(name, 'web')]): string {
  return boxOwn(1, 'host', `host:${name}`, fact, y).join('\n') + '\n' + containers.join('') + '  </g>\n';
}

/** A host's own lines, as a patch sends them: its start tag, its own elements and its end tag. */
const hostOwn = (name: string, fact: string, y = 8) => boxOwn(1, 'host', `host:${name}`, fact, y).join('\n') + '\n  </g>\n';

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
    const B2 = host('b', 'windows 2025', 120, [container('b', 'api')]);
    assert.deepEqual(diffSvg(cut(before), cut(svg([A, B2, C, EDGES]))), { parts: [{ key: '#host:b', text: B2 }] });
    const leaf = (fact: string) => host('b', fact, 120, []);
    assert.deepEqual(diffSvg(cut(svg([A, leaf('windows 2022'), C])), cut(svg([A, leaf('windows 2025'), C]))),
      { parts: [{ key: '#host:b', text: leaf('windows 2025') }] }, 'a box with no child boxes is sent whole');
  });

  it('sends the new order of the keys when a part is added, removed or moved, with the new part\'s text only', () => {
    const D = host('d', 'linux alpine 3.20', 360);
    assert.deepEqual(diffSvg(cut(before), cut(svg([A, C, D, EDGES]))),
      { keys: ['#host:a', '#host:c', '#host:d', 'g.topo-edges:0'], parts: [{ key: '#host:d', text: D }] });
    assert.deepEqual(diffSvg(cut(before), cut(svg([C, A, B, EDGES]))), { keys: ['#host:c', '#host:a', '#host:b', 'g.topo-edges:0'], parts: [] });
    assert.deepEqual(diffSvg(cut(before), cut(svg([A, B, C]))), { keys: ['#host:a', '#host:b', '#host:c'], parts: [] });
  });

  it('sends the new size when the picture grows', () => {
    const B2 = host('b', 'windows 2025', 120, [container('b', 'api')]);
    assert.deepEqual(diffSvg(cut(before), cut(svg([A, B2, C, EDGES], 420, 310))),
      { size: { viewBox: '0 0 420 310', width: '420', height: '310' }, parts: [{ key: '#host:b', text: B2 }] });
  });

  it('draws the whole when the header is another, when most of the picture changed, or when one of them cannot be cut', () => {
    assert.equal(diffSvg(cut(before), cut(svg([A, B, C, EDGES], 400, 300, DEFS.replace('M0 0', 'M1 1')))), undefined);
    const most = Math.ceil(3 * PATCH_LIMIT);
    const changed = ['a', 'b', 'c'].map((name, i) => host(name, 'x', i, [container(name, 'api')])).slice(0, most);
    assert.equal(diffSvg(cut(before), cut(svg([...changed, ...[A, B, C].slice(most), EDGES]))), undefined);
    assert.equal(diffSvg(undefined, cut(before)), undefined);
    assert.equal(nextDrawing(nextDrawing(undefined, '<svg/>').drawing, before).patch, undefined);
    assert.equal(nextDrawing(undefined, before).patch, undefined, 'the first picture is drawn whole');
  });
});

describe('comparing a box that changed, one level deeper', () => {
  const web = container('c', 'web');
  const api = container('c', 'api');
  const before = svg([A, B, host('c', 'linux debian 12', 240, [web, api]), EDGES]);

  it('cuts a box into its own lines (start tag, own elements, end tag) and its child boxes, at any depth', () => {
    assert.deepEqual(cutBox(host('c', 'linux debian 12', 240, [web, api]), 1),
      { own: hostOwn('c', 'linux debian 12', 240), children: [{ id: 'host:c/container:web', text: web }, { id: 'host:c/container:api', text: api }] });
    assert.deepEqual(cutBox(web, 2), { own: web, children: [] });
    const badge = host('c', 'x', 1, [web]).replace('  <g class="topo-box kind-container"', '  <g class="topo-badge"><title>1</title><circle/></g>\n    <g class="topo-box kind-container"');
    assert.deepEqual(cutBox(badge, 1)?.children.map((c) => c.id), ['host:c/container:web'], 'a badge is one of its own elements');
  });

  it('sends only a box\'s own lines when they changed and its child boxes did not (a cluster\'s total, not its pods)', () => {
    const after = svg([A, B, host('c', 'linux debian 13', 240, [web, api]), EDGES]);
    assert.deepEqual(diffSvg(cut(before), cut(after)), { parts: [], boxes: [{ path: ['host:c'], own: hostOwn('c', 'linux debian 13', 240) }] });
  });

  it('sends only the child box that changed when the box\'s own lines did not', () => {
    const api2 = container('c', 'api', 'shop/api:2');
    const after = svg([A, B, host('c', 'linux debian 12', 240, [web, api2]), EDGES]);
    assert.deepEqual(diffSvg(cut(before), cut(after)), { parts: [], boxes: [{ path: ['host:c', 'host:c/container:api'], text: api2 }] });
  });

  it('sends both the own lines and the child box when both changed, and goes down the boxes that changed', () => {
    const api2 = container('c', 'api', 'shop/api:2');
    const after = svg([A, B, host('c', 'linux debian 13', 240, [web, api2]), EDGES]);
    assert.deepEqual(diffSvg(cut(before), cut(after))?.boxes, [
      { path: ['host:c'], own: hostOwn('c', 'linux debian 13', 240) },
      { path: ['host:c', 'host:c/container:api'], text: api2 },
    ]);
    // Three levels: a cluster's total changed, and in one of its pods one container.
    const pod = (image: string) => boxOwn(2, 'pod', 'cluster:k/pod:p', 'replicas 3', 30).join('\n') + '\n'
      + container('k', 'api', image, 3) + '    </g>\n';
    const cluster = (total: string, image: string) => boxOwn(1, 'cluster', 'cluster:k', total, 400).join('\n') + '\n'
      + pod(image) + container('k', 'other', 'x', 2) + '  </g>\n';
    const patch = diffSvg(cut(svg([A, cluster('cpu 4', 'a:1')])), cut(svg([A, cluster('cpu 8', 'a:2')])));
    assert.deepEqual(patch?.parts, []);
    assert.deepEqual(patch?.boxes?.map((b) => [b.path.at(-1), b.own !== undefined ? 'own' : 'whole']),
      [['cluster:k', 'own'], ['host:k/container:api', 'whole']]);
  });

  it('sends the box whole when its child boxes are others, or it is not written as SvgWriter writes', () => {
    const added = host('c', 'linux debian 13', 240, [web, api, container('c', 'db')]);
    assert.deepEqual(diffSvg(cut(before), cut(svg([A, B, added, EDGES]))), { parts: [{ key: '#host:c', text: added }] });
    const moved = host('c', 'linux debian 12', 240, [api, web]);
    assert.deepEqual(diffSvg(cut(before), cut(svg([A, B, moved, EDGES]))), { parts: [{ key: '#host:c', text: moved }] });
    const late = host('c', 'linux debian 13', 240, [web, api]).replace('  </g>\n  </g>\n', '  </g>\n    <text class="topo-fact">late</text>\n  </g>\n');
    assert.equal(cutBox(late, 1), undefined, 'an own element after a child box');
    assert.deepEqual(diffSvg(cut(before), cut(svg([A, B, late, EDGES]))), { parts: [{ key: '#host:c', text: late }] });
    const unclosed = host('c', 'linux debian 13', 240, [web.replace('    </g>\n', '      </g>\n'), api]);
    assert.equal(cutBox(unclosed, 1), undefined, 'a child box whose end tag is not at its level');
    assert.equal(cutBox(web, 1), undefined, 'at another depth');
  });
});
