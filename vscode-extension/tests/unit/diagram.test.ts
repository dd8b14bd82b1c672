// The diagram's pure parts: the box at the cursor, the notices, the webview's messages, its
// pan and zoom arithmetic, and its page with the content security policy.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { contentSecurityPolicy, diagramHtml } from '../../src/diagramHtml';
import { boxAt, contains, DiagramBox, DiagramJson, findBox, notice } from '../../src/diagramModel';
import { fromWebview, revealFor } from '../../src/webview/messages';
import { asView, cssTransform, fit, MAX_SCALE, MIN_SCALE, panBy, wheelFactor, zoomAt } from '../../src/webview/view';

const SHOP = 'file:///work/shop.topo';

function box(id: string, lines: [number, number, number, number], children: DiagramBox[] = [], uri = SHOP): DiagramBox {
  const [line, character, endLine, endCharacter] = lines;
  const name = id.split(':').pop()!;
  return {
    id, kind: id.split('/').pop()!.split(':')[0], name, findings: [], children,
    source: { uri, range: { start: { line, character }, end: { line: endLine, character: endCharacter } } },
  };
}

// host edge-01 on lines 4-19 holding container ingress on lines 13-18; a cluster further down.
const BOXES = [
  box('host:edge-01', [4, 0, 19, 1], [box('host:edge-01/container:ingress', [13, 2, 18, 3])]),
  box('cluster:shop', [100, 0, 160, 1], [box('cluster:shop/pod:web', [103, 2, 110, 3])]),
];

function diagram(boxes: DiagramBox[], partial = false): DiagramJson {
  return { version: 1, width: 100, height: 50, partial, unplaced: 0, boxes };
}

describe('the box at the cursor', () => {
  it('is the innermost box whose source holds the position, ends included', () => {
    assert.equal(boxAt(BOXES, SHOP, { line: 15, character: 4 })?.id, 'host:edge-01/container:ingress');
    assert.equal(boxAt(BOXES, SHOP, { line: 13, character: 2 })?.id, 'host:edge-01/container:ingress');
    assert.equal(boxAt(BOXES, SHOP, { line: 18, character: 3 })?.id, 'host:edge-01/container:ingress');
    assert.equal(boxAt(BOXES, SHOP, { line: 13, character: 1 })?.id, 'host:edge-01');
    assert.equal(boxAt(BOXES, SHOP, { line: 104, character: 0 })?.id, 'cluster:shop/pod:web');
  });

  it('is none between boxes, past them, or in another document', () => {
    assert.equal(boxAt(BOXES, SHOP, { line: 2, character: 0 }), undefined);
    assert.equal(boxAt(BOXES, SHOP, { line: 19, character: 2 }), undefined);
    assert.equal(boxAt(BOXES, 'file:///work/other.topo', { line: 15, character: 4 }), undefined);
  });

  it('compares documents the way it is told', () => {
    const spelled = 'FILE:///WORK/SHOP.TOPO';
    assert.equal(boxAt(BOXES, spelled, { line: 15, character: 4 }), undefined);
    assert.equal(boxAt(BOXES, spelled, { line: 15, character: 4 }, (a, b) => a.toLowerCase() === b.toLowerCase())?.id,
      'host:edge-01/container:ingress');
  });

  it('finds a box by id at any depth', () => {
    assert.equal(findBox(BOXES, 'cluster:shop/pod:web')?.name, 'web');
    assert.equal(findBox(BOXES, 'host:nowhere'), undefined);
    assert.ok(contains(BOXES[0].source.range, { line: 4, character: 0 }));
    assert.ok(!contains(BOXES[0].source.range, { line: 3, character: 80 }));
  });
});

describe('what the webview says about a picture', () => {
  it('nothing for a whole one, a banner for a partial one, a message instead of an empty one', () => {
    assert.equal(notice(diagram(BOXES)), undefined);
    assert.deepEqual(notice(diagram(BOXES, true)), { kind: 'partial', text: 'Partial: the document has syntax errors, only what parsed is drawn.' });
    assert.equal(notice(diagram([]))?.kind, 'empty');
    assert.match(notice(diagram([]))!.text, /^Nothing to draw: this document declares no host or cluster/);
    assert.match(notice(diagram([], true))!.text, /syntax errors/);
  });
});

describe('the webview messages', () => {
  const range = { start: { line: 13, character: 2 }, end: { line: 18, character: 3 } };

  it('accepts the three the page sends', () => {
    assert.deepEqual(fromWebview({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(fromWebview({ type: 'export', extra: 1 }), { type: 'export' });
    assert.deepEqual(fromWebview({ type: 'reveal', uri: SHOP, range }), { type: 'reveal', uri: SHOP, range });
  });

  it('refuses anything else', () => {
    for (const message of [undefined, null, 'ready', {}, { type: 'run' }, { type: 'reveal', uri: SHOP },
      { type: 'reveal', uri: '', range }, { type: 'reveal', uri: 7, range },
      { type: 'reveal', uri: SHOP, range: { start: { line: -1, character: 0 }, end: range.end } },
      { type: 'reveal', uri: SHOP, range: { start: { line: 1.5, character: 0 }, end: range.end } }]) {
      assert.equal(fromWebview(message), undefined, JSON.stringify(message));
    }
  });

  it('reads a click\'s place from the box\'s data- attributes', () => {
    const attributes: Record<string, string> = {
      'data-uri': SHOP, 'data-line': '13', 'data-character': '2', 'data-end-line': '18', 'data-end-character': '3',
    };
    assert.deepEqual(revealFor((name) => attributes[name] ?? null), { type: 'reveal', uri: SHOP, range });
    assert.equal(revealFor((name) => (name === 'data-line' ? 'x' : attributes[name] ?? null)), undefined);
    assert.equal(revealFor(() => null), undefined);
  });
});

describe('pan and zoom', () => {
  const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} != ${b}`);

  it('zooms about a point that stays under the pointer', () => {
    const view = { x: 30, y: -20, scale: 0.8 };
    const zoomed = zoomAt(view, 1.5, 200, 100);
    near(zoomed.scale, 1.2);
    // The drawing's point under (200, 100) before is under it after.
    near((200 - view.x) / view.scale, (200 - zoomed.x) / zoomed.scale);
    near((100 - view.y) / view.scale, (100 - zoomed.y) / zoomed.scale);
  });

  it('keeps the scale within its bounds', () => {
    assert.equal(zoomAt({ x: 0, y: 0, scale: 6 }, 10, 0, 0).scale, MAX_SCALE);
    assert.equal(zoomAt({ x: 0, y: 0, scale: 0.1 }, 0.01, 0, 0).scale, MIN_SCALE);
    const stuck = zoomAt({ x: 5, y: 7, scale: MAX_SCALE }, 2, 100, 100);
    assert.deepEqual(stuck, { x: 5, y: 7, scale: MAX_SCALE }, 'at the bound, zooming further moves nothing');
  });

  it('pans by screen pixels at any scale', () => {
    assert.deepEqual(panBy({ x: 1, y: 2, scale: 3 }, 10, -5), { x: 11, y: -3, scale: 3 });
  });

  it('fits a big drawing into the viewport, centred, and leaves a small one at its size', () => {
    const big = fit({ width: 2000, height: 500 }, { width: 1016, height: 800 }, 8);
    near(big.scale, 0.5);
    near(big.x, 8);
    near(big.y, 8 + (784 - 250) / 2);
    const small = fit({ width: 100, height: 50 }, { width: 516, height: 316 }, 8);
    assert.equal(small.scale, 1);
    near(small.x, 8 + 200);
    assert.deepEqual(fit({ width: 0, height: 0 }, { width: 500, height: 300 }, 8), { x: 8, y: 8, scale: 1 });
  });

  it('turns a wheel into a zoom factor: down zooms out, up in, lines and pages count more, bounded', () => {
    assert.ok(wheelFactor(100) < 1 && wheelFactor(-100) > 1);
    near(wheelFactor(100) * wheelFactor(-100), 1);
    assert.ok(wheelFactor(3, 1) < wheelFactor(3, 0));
    assert.equal(wheelFactor(-5000), 2);
    assert.equal(wheelFactor(1, 2), 0.5);
  });

  it('writes the transform for CSS and reads a saved view back', () => {
    assert.equal(cssTransform({ x: 10.123, y: -4, scale: 0.333333 }), 'translate(10.12px, -4px) scale(0.3333)');
    assert.deepEqual(asView({ x: 1, y: 2, scale: 3 }), { x: 1, y: 2, scale: 3 });
    assert.deepEqual(asView({ x: 1, y: 2, scale: 1000 }), { x: 1, y: 2, scale: MAX_SCALE });
    for (const saved of [undefined, null, {}, { x: 1, y: 2 }, { x: 1, y: 2, scale: 0 }, { x: NaN, y: 0, scale: 1 }, 'view']) {
      assert.equal(asView(saved), undefined, JSON.stringify(saved));
    }
  });
});

describe('the webview page', () => {
  const resources = { cspSource: 'https://x.vscode-cdn.net', nonce: 'n0nce+/=', scriptUri: 'https://x.vscode-cdn.net/media/diagram.js', styleUri: 'https://x.vscode-cdn.net/media/diagram.css' };
  const html = diagramHtml(resources);

  it('declares the strict content security policy', () => {
    assert.equal(contentSecurityPolicy(resources),
      "default-src 'none'; img-src https://x.vscode-cdn.net data:; style-src https://x.vscode-cdn.net; script-src 'nonce-n0nce+/=';");
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(resources)}">`));
  });

  it('loads one script, with the nonce, and the style sheet, and has no inline style or script', () => {
    assert.deepEqual([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]),
      ['<script nonce="n0nce+/=" src="https://x.vscode-cdn.net/media/diagram.js">']);
    assert.ok(html.includes('<link rel="stylesheet" href="https://x.vscode-cdn.net/media/diagram.css">'));
    assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+=/i);
  });

  it('has every element the page script looks up', () => {
    const script = readFileSync('src/webview/main.ts', 'utf8');
    const ids = [...script.matchAll(/element(?:<\w+>)?\('([\w-]+)'\)/g)].map((m) => m[1]);
    assert.ok(ids.length >= 9, ids.join());
    for (const id of ids) {
      assert.ok(html.includes(`id="${id}"`), `the page has no #${id}`);
    }
  });

  it('styles every class of the SVG contract', () => {
    const css = readFileSync('media/diagram.css', 'utf8');
    for (const selector of ['.topo-frame', '.topo-title', '.topo-fact', '.topo-badge', '.topo-edge', '.edge-may-run-on',
      '.topo-arrowhead', '.topo-partial', '.severity-error', '.severity-warning', '.severity-info', '.kind-host',
      '.kind-vm', '.kind-container', '.kind-module', '.kind-cluster', '.kind-pod', '.topo-box.selected',
      'body.vscode-dark', 'body.vscode-high-contrast']) {
      assert.ok(css.includes(selector), `media/diagram.css does not style ${selector}`);
    }
    assert.doesNotMatch(css, /#[0-9a-f]{3,6}\s*;/i, 'colours come from the theme (hex only as fallbacks inside var())');
  });
});
