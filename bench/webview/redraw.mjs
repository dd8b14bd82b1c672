// How long the diagram's webview takes to show a new answer after an edit, from the message's
// arrival to the picture painted (two animation frames), running the webview's own script
// (vscode-extension/media/diagram.js) in its own page (diagramHtml, with its content security
// policy) in headless Chromium (Debian's), driven by playwright-core, in real time. The
// messages are made as the extension makes them (svgParts.ts, bundled here by esbuild), for:
// an answer the same as the last, one with one box changed (with what changes because of it),
// and a whole redraw.
// It also times the extension's side: cutting and comparing the SVG.
//
//   node bench/webview/redraw.mjs BEFORE.svg AFTER.svg [--script OTHER/diagram.js] [--whole]
//
// BEFORE and AFTER are two answers (say, the 10k-line design and the same with one host's cpu
// edited); a standalone SVG (`topo diagram`) is made embeddable (its <style> dropped), as the
// server answers the webview. --script runs another build of the page's script (an older
// one, to compare); --whole sends every answer whole, as the extension did before patches.
//
// env: PLAYWRIGHT_CORE (the playwright-core package folder; default the vscode-real kit's),
//      CHROMIUM (default /usr/bin/chromium).
import { createRequire } from 'node:module';
import { readFileSync, mkdtempSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const extension = resolve(dirname(fileURLToPath(import.meta.url)), '../../vscode-extension');
const require = createRequire(join(extension, 'package.json'));
const { chromium } = require(process.env.PLAYWRIGHT_CORE ?? `${homedir()}/.cache/vscode-real-kit/driver/node_modules/playwright-core`);
const { build } = require('esbuild');

const args = process.argv.slice(2);
const option = (name) => { const i = args.indexOf(name); return i < 0 ? undefined : args.splice(i, 2)[1]; };
const script = option('--script') ?? join(extension, 'media/diagram.js');
const whole = args.includes('--whole');
const [beforeFile, afterFile] = args.filter((a) => !a.startsWith('--'));
if (!afterFile) {
  console.error('usage: node bench/webview/redraw.mjs BEFORE.svg AFTER.svg [--script diagram.js] [--whole]');
  process.exit(2);
}

// The extension's own modules, bundled for Node.
const out = mkdtempSync(join(tmpdir(), 'topo-redraw-'));
await build({
  entryPoints: { svgParts: join(extension, 'src/webview/svgParts.ts'), diagramHtml: join(extension, 'src/diagramHtml.ts') },
  outdir: out, bundle: true, platform: 'node', format: 'esm', outExtension: { '.js': '.mjs' }, logLevel: 'warning',
});
const { nextDrawing, splitSvg } = await import(pathToFileURL(join(out, 'svgParts.mjs')));
const { diagramHtml } = await import(pathToFileURL(join(out, 'diagramHtml.mjs')));

const embeddable = (file) => readFileSync(file, 'utf8').replace(/ {2}<style>\n[\s\S]*?\n {2}<\/style>\n/, '');
const before = embeddable(beforeFile);
const after = embeddable(afterFile);

const percentile = (ms, p) => {
  const s = [...ms].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * p) - 1)];
};
const stats = (ms) => `${percentile(ms, 0.5).toFixed(1)} ms median, ${percentile(ms, 0.95).toFixed(1)} ms p95 (${ms.length} runs)`;

// The extension's side: the message for each answer, and how long making it takes.
let shown;
function message(svg) {
  const { drawing, patch } = nextDrawing(whole ? undefined : shown, svg);
  shown = drawing;
  return patch ? { type: 'patch', ...patch } : { type: 'diagram', svg };
}
const cutting = [];
for (let i = 0; i < 20; i++) {
  const t0 = performance.now();
  nextDrawing({ svg: before, split: splitSvg(before) }, after);
  cutting.push(performance.now() - t0);
}
const changed = nextDrawing({ svg: before, split: splitSvg(before) }, after).patch;
console.log(`answers: ${Math.round(before.length / 1024)} KiB, ${splitSvg(before)?.parts.length} top-level parts;`
  + ` the edit changes ${changed ? `${changed.parts.length} whole (${changed.parts.map((p) => p.key).join(', ')})`
    + ` and ${changed.boxes?.length ?? 0} inside (${(changed.boxes ?? []).map((b) => `${b.own !== undefined ? 'own lines of ' : ''}${b.path.at(-1)}`).join(', ')}),`
    + ` ${Math.round(JSON.stringify(changed).length / 1024)} KiB to send` : 'too much: drawn whole'}`);
console.log(`extension: cut and compare an answer with the last ${stats(cutting)}`);

const ORIGIN = 'https://webview.test';
const html = diagramHtml({ cspSource: ORIGIN, nonce: 'bench', scriptUri: `${ORIGIN}/diagram.js`, styleUri: `${ORIGIN}/diagram.css` });
const files = {
  '/index.html': ['text/html', html],
  '/diagram.js': ['text/javascript', readFileSync(script, 'utf8')],
  '/diagram.css': ['text/css', readFileSync(join(extension, 'media/diagram.css'), 'utf8')],
};

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.route(`${ORIGIN}/**`, (route) => {
    const [type, body] = files[new URL(route.request().url()).pathname] ?? ['text/plain', ''];
    return route.fulfill({ contentType: type, body });
  });
  // What VS Code gives a webview: acquireVsCodeApi; and a record of what the policy blocked.
  await page.addInitScript(() => {
    window.sent = [];
    window.blocked = [];
    let state;
    window.acquireVsCodeApi = () => ({ postMessage: (m) => window.sent.push(m), getState: () => state, setState: (s) => { state = s; } });
    document.addEventListener('securitypolicyviolation', (e) => window.blocked.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction(() => window.sent.some((m) => m.type === 'ready'));

  /** The time from the message's arrival to the picture painted. */
  const receive = (m) => page.evaluate(async (data) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const t0 = performance.now();
    window.dispatchEvent(new MessageEvent('message', { data }));
    await frame();
    await frame();
    return performance.now() - t0;
  }, m);

  const first = await receive(message(before));
  // Zoom in and pan, as a user would before editing; the view must survive every redraw.
  await page.click('#zoom-in');
  await page.keyboard.press('ArrowLeft');
  const view = await page.evaluate(() => document.getElementById('canvas').style.transform);

  const same = [];
  const oneBox = [];
  const redraw = [];
  for (let i = 0; i < 12; i++) {
    same.push(await receive(message(i % 2 ? after : before)));
    oneBox.push(await receive(message(i % 2 ? before : after)));
  }
  for (let i = 0; i < 8; i++) {
    shown = undefined; // the page gets the whole picture (as after "ready"), not a new document: the view is kept
    redraw.push(await receive({ ...message(i % 2 ? after : before) }));
  }
  const check = await page.evaluate(() => ({
    boxes: document.querySelectorAll('#canvas g.topo-box').length,
    prepared: document.querySelectorAll('#canvas g.topo-box[role="button"][data-tip]').length,
    titles: document.querySelectorAll('#canvas g.topo-box > title').length,
    transform: document.getElementById('canvas').style.transform,
    error: document.getElementById('message').hidden ? '' : document.getElementById('message').textContent,
    asked: window.sent.filter((m) => m.type === 'ready').length,
    blocked: window.blocked,
  }));
  console.log(`webview (${whole ? 'every answer whole' : 'patches'}, ${script}): first picture ${first.toFixed(0)} ms; ${check.boxes} boxes`);
  console.log(`  an answer the same as the last: ${stats(same)}`);
  console.log(`  one box changed:                ${stats(oneBox)}`);
  console.log(`  a whole redraw:                 ${stats(redraw)}`);
  const problems = [
    check.prepared !== check.boxes && `${check.boxes - check.prepared} boxes not prepared`,
    check.titles > 0 && `${check.titles} <title> left`,
    check.transform !== view && `the view moved: ${view} -> ${check.transform}`,
    check.error && `the page says: ${check.error}`,
    check.asked !== 1 && `the page asked for the whole picture ${check.asked - 1} times`,
    check.blocked.length > 0 && `the content security policy blocked: ${check.blocked.join('; ')}`,
  ].filter(Boolean);
  console.log(problems.length ? `PROBLEMS: ${problems.join('; ')}` : 'checks: every box prepared, the view kept, nothing blocked');
  process.exitCode = problems.length ? 1 : 0;
} finally {
  await browser.close();
}
