// How a large diagram's SVG behaves in a plain browser page: the time to show it, to draw it
// whole again, and the frame time of pan and zoom (a CSS transform on the SVG's wrapper, as
// the webview does). Headless Chromium (Debian's) driven by playwright-core, real time, not
// virtual. What the webview's own page does after an edit (patches) is redraw.mjs's.
//
//   node bench/webview/responsiveness.mjs DIAGRAM.svg [more.svg...]
//
// env: PLAYWRIGHT_CORE (the playwright-core package folder; default the vscode-real kit's),
//      CHROMIUM (default /usr/bin/chromium).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename } from 'node:path';

const require = createRequire(import.meta.url);
const { chromium } = require(process.env.PLAYWRIGHT_CORE ?? `${homedir()}/.cache/vscode-real-kit/driver/node_modules/playwright-core`);

const stats = (ms) => {
  const s = [...ms].sort((a, b) => a - b);
  return `${Math.round(s[Math.floor(s.length / 2)])} ms median, ${Math.round(s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)])} ms p95`;
};

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const file of process.argv.slice(2)) {
    const svg = readFileSync(file, 'utf8');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.setContent('<!DOCTYPE html><body style="margin:0;overflow:hidden"><div id="canvas" style="transform-origin:0 0"></div></body>');
    const result = await page.evaluate(async (text) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
      const canvas = document.getElementById('canvas');
      const shown = async () => { await frame(); await frame(); };
      const draws = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        canvas.innerHTML = text; // what the webview does with each answer
        await shown();
        draws.push(performance.now() - t0);
      }
      const frames = [];
      for (let i = 0; i < 60; i++) {
        const t0 = performance.now();
        canvas.style.transform = `translate(${-i * 7}px, ${-i * 5}px) scale(${1 - i * 0.01})`;
        await frame();
        frames.push(performance.now() - t0);
      }
      return { boxes: canvas.querySelectorAll('g.topo-box').length, first: draws[0], again: draws.slice(1), frames };
    }, svg);
    console.log(`${basename(file)}: ${Math.round(svg.length / 1024)} KiB, ${result.boxes} boxes; shown in ${Math.round(result.first)} ms;`
      + ` drawn whole again ${stats(result.again)}; pan/zoom frame ${stats(result.frames)}`);
    await page.close();
  }
} finally {
  await browser.close();
}
