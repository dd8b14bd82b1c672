// Drives "Topology: Show Diagram" in the real VS Code workbench that code-server serves, with
// headless Chromium (the kit's playwright-core and Debian's chromium). Started by
// diagram.real.sh, which sets CHECK_URL, CHECK_SHOTS, SAMPLES and KIT_HOME.
//
// Steps: open samples/shop.topo; run the command from the palette; find the webview's frame
// and its boxes (one per entity of the sample); click container ingress and read the
// cursor from the status bar ("Ln 14, Col 3"), which must be the entity's first line; see
// the box highlighted; zoom in, type a host into the document and see it drawn with the zoom
// kept; edit one host in place and see only its box redrawn; open a sample with findings and
// hover a badge for its tooltip; export its SVG with the page's button; switch to a dark and a
// high-contrast theme. Screenshots and report.json go to CHECK_SHOTS; the last line says
// PASS or FAIL.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { launch, TIMEOUT } from './kit/workbench.mjs';

const env = process.env;
const SHOTS = env.CHECK_SHOTS;
const SHOP = readFileSync(path.join(env.SAMPLES, 'shop.topo'), 'utf8');

/** The entities of shop.topo as `kind name`, and the line (0-based) and column of the one clicked. */
const DECLARED = [...SHOP.matchAll(/^(\s*)(host|vm|container|cluster|pod|module) ([\w-]+) \{/gm)];
const CLICKED = 'host:edge-01/container:ingress';
const clickedLine = SHOP.split('\n').findIndex((line) => line.includes('container ingress {'));
const clickedColumn = SHOP.split('\n')[clickedLine].indexOf('container');

const wb = await launch(SHOTS, 'diagram', { width: 1600, height: 900 });
const { page, report, step } = wb;
const shot = (name) => wb.shot(name);
const commandPalette = (text) => wb.command(text);
const openFile = (file) => wb.openFile(file);

/** The webview's inner frame that shows the drawing (a webview is an iframe in an iframe). */
async function diagramFrame(timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        if (await frame.locator('svg.topo-diagram').count() > 0) return frame;
      } catch {} // a frame that went away while we looked
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no webview frame with svg.topo-diagram within ${timeout / 1000}s`);
}

/** Gives the keyboard back to the text editor of the first group (a click in the webview took it). */
async function focusEditor() {
  await page.keyboard.press('Escape');
  await commandPalette('View: Focus First Editor Group');
  await page.waitForTimeout(300);
}

/** The cursor as the status bar shows it: { line, column } (1-based), and the text. */
async function cursor() {
  const text = (await page.locator('[id="status.editor.selection"]').first().innerText()).trim();
  const m = /Ln (\d+), Col (\d+)/.exec(text);
  return m ? { line: Number(m[1]), column: Number(m[2]), text } : { text };
}

let frame;

await step('workbench', async () => {
  await wb.open(env.CHECK_URL);
  return { title: await page.title() };
});

await step('open_shop', async () => {
  await openFile('shop.topo');
  // The server is up once its code lenses (capacity on each host) are drawn.
  await page.locator('.editor-instance .monaco-editor .codelens-decoration').first().waitFor({ timeout: TIMEOUT });
  return { languageMode: (await page.locator('[id="status.editor.mode"]').innerText().catch(() => '?')).trim() };
});

await step('show_diagram', async () => {
  await commandPalette('Topology: Show Diagram');
  frame = await diagramFrame();
  await page.waitForTimeout(1000); // let the page fit the drawing
  await shot('01-diagram-open.png');
  const tab = await page.locator('.tab', { hasText: 'Diagram: shop.topo' }).count();
  if (!tab) throw new Error('no "Diagram: shop.topo" tab');
  return {};
});

await step('boxes', async () => {
  const ids = await frame.locator('g.topo-box').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-id')));
  const kinds = await frame.locator('g.topo-box').evaluateAll((gs) => gs.map((g) => [...g.classList].find((c) => c.startsWith('kind-'))));
  const missing = DECLARED.filter(([, , kind, name]) => !ids.some((id) => id.endsWith(`${kind}:${name}`)));
  if (ids.length !== DECLARED.length || missing.length) {
    throw new Error(`${ids.length} boxes for ${DECLARED.length} entities; missing ${missing.map((m) => m[2] + ' ' + m[3]).join(', ')}`);
  }
  // Drawn, not just present: every frame has a size on screen.
  const empty = await frame.locator('g.topo-box > rect.topo-frame').evaluateAll((rs) => rs.filter((r) => {
    const b = r.getBoundingClientRect();
    return !(b.width > 0 && b.height > 0);
  }).length);
  if (empty) throw new Error(`${empty} boxes have no size on screen`);
  const edges = await frame.locator('path.topo-edge').count();
  return { boxes: ids.length, entities: DECLARED.length, kinds: [...new Set(kinds)].sort(), edges };
});

await step('click_box', async () => {
  // The box's title line, which lies in the box itself and in none of its children.
  await frame.locator(`g.topo-box[data-id="${CLICKED}"] > text.topo-title`).click();
  const deadline = Date.now() + 15000;
  let at = await cursor();
  while (at.line !== clickedLine + 1 && Date.now() < deadline) {
    await page.waitForTimeout(200);
    at = await cursor();
  }
  await page.waitForTimeout(500);
  await shot('02-after-click.png');
  if (at.line !== clickedLine + 1 || at.column !== clickedColumn + 1) {
    throw new Error(`cursor at "${at.text}", expected Ln ${clickedLine + 1}, Col ${clickedColumn + 1}`);
  }
  const selected = await frame.locator('g.topo-box.selected').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-id')));
  if (selected.join() !== CLICKED) throw new Error(`highlighted in the diagram: ${selected.join() || 'nothing'}`);
  const activeTab = (await page.locator('.tab.active').first().innerText()).trim();
  return { box: CLICKED, statusBar: at.text, expected: `Ln ${clickedLine + 1}, Col ${clickedColumn + 1}`, highlighted: selected, activeTab };
});

await step('cursor_highlight', async () => {
  // Moving the cursor in the editor moves the highlight: to the cluster's first line.
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  const clusterLine = SHOP.split('\n').findIndex((line) => line.startsWith('cluster shop {'));
  await input.fill(`:${clusterLine + 2}`);
  await page.keyboard.press('Enter');
  await frame.locator('g.topo-box.selected[data-id="cluster:shop"]').waitFor({ timeout: 10000 });
  return { line: clusterLine + 2, highlighted: 'cluster:shop' };
});

await step('zoom_and_redraw', async () => {
  await frame.locator('#zoom-in').click();
  await frame.locator('#zoom-in').click();
  await page.waitForTimeout(300);
  const before = await frame.locator('#canvas').evaluate((c) => c.style.transform);
  // An edit at the end of the document: the new host is drawn, the view is not reset.
  await focusEditor();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\nhost added-01 {\n  os linux\n}\n');
  await frame.locator('g.topo-box[data-id="host:added-01"]').waitFor({ timeout: 15000 });
  const after = await frame.locator('#canvas').evaluate((c) => c.style.transform);
  await page.waitForTimeout(300);
  await shot('03-after-edit-zoomed.png');
  await commandPalette('File: Revert File');
  await frame.locator('g.topo-box[data-id="host:added-01"]').waitFor({ state: 'detached', timeout: 15000 });
  if (before !== after) throw new Error(`the view changed on redraw: ${before} -> ${after}`);
  await frame.locator('#fit').click();
  return { transform: after, zoom: await frame.locator('#zoom-level').innerText() };
});

await step('patch_redraw', async () => {
  // An edit in place that changes one host's own fact only: the page patches that box's own
  // elements into the picture it has (the <svg> element and the box's child box stay, marked
  // here) instead of drawing it or the box whole.
  const line = SHOP.split('\n').findIndex((l) => l.includes('os linux "debian 12"'));
  if (line < 0) throw new Error('shop.topo has no "debian 12" line to edit');
  await frame.locator('svg.topo-diagram').evaluate((svg) => svg.setAttribute('data-kept', 'yes'));
  await frame.locator('#canvas').evaluate((c) => {
    c.querySelector('g.topo-box[data-id="host:db-01"] > g.topo-box')?.setAttribute('data-kept', 'yes');
  });
  const before = await frame.locator('#canvas').evaluate((c) => c.style.transform);
  await focusEditor();
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(`:${line + 1}`);
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText('3');
  const fact = frame.locator('g.topo-box[data-id="host:db-01"] > text.topo-fact', { hasText: 'debian 13' });
  await fact.waitFor({ timeout: 15000 });
  const after = await frame.locator('#canvas').evaluate((c) => c.style.transform);
  const state = await frame.locator('#canvas').evaluate((c) => {
    const box = c.querySelector('g.topo-box[data-id="host:db-01"]');
    return {
      kept: c.querySelector('svg')?.getAttribute('data-kept'),
      childKept: box?.querySelector(':scope > g.topo-box')?.getAttribute('data-kept'),
      role: box?.getAttribute('role'), tip: box?.dataset.tip, titles: box?.querySelectorAll(':scope > title').length,
      boxes: c.querySelectorAll('g.topo-box').length,
    };
  });
  await commandPalette('File: Revert File');
  await frame.locator('g.topo-box[data-id="host:db-01"] > text.topo-fact', { hasText: 'debian 12' }).waitFor({ timeout: 15000 });
  if (state.kept !== 'yes') throw new Error('the page drew the whole picture again for an edit of one host');
  if (state.childKept !== 'yes') throw new Error(`the page redrew db-01's child boxes for an edit of its own fact: ${JSON.stringify(state)}`);
  if (state.role !== 'button' || !state.tip?.startsWith('host db-01') || state.titles !== 0) throw new Error(`the patched box is not prepared: ${JSON.stringify(state)}`);
  if (before !== after) throw new Error(`the view changed on a patch: ${before} -> ${after}`);
  return { ...state, transform: after };
});

await step('badge_tooltip', async () => {
  // The panel follows the active topology editor: a sample with findings.
  await focusEditor();
  await openFile('rules/container-os-mismatch.topo');
  await page.locator('.tab', { hasText: 'Diagram: container-os-mismatch.topo' }).waitFor({ timeout: 15000 });
  frame = await diagramFrame();
  const badge = frame.locator('g.topo-badge').first();
  await badge.waitFor({ timeout: 15000 });
  await badge.hover();
  const tooltip = frame.locator('#tooltip');
  await tooltip.waitFor({ state: 'visible', timeout: 5000 });
  const text = (await tooltip.innerText()).trim();
  await shot('04-badge-tooltip.png');
  if (!/container-os-mismatch/.test(text)) throw new Error(`tooltip: ${text}`);
  const severity = await frame.locator('g.topo-box.severity-error').count();
  return { tooltip: text.slice(0, 200), boxesWithErrors: severity };
});

await step('export_svg', async () => {
  // The page's button; the web workbench's save dialog is a path in a quick input.
  const target = path.join(SHOTS, 'exported.svg');
  rmSync(target, { force: true });
  await frame.locator('#export').click();
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15000 });
  await page.waitForTimeout(500);
  const proposed = await input.inputValue();
  await input.fill(target);
  await page.waitForTimeout(300);
  await page.locator('.quick-input-widget .monaco-button', { hasText: /^OK$/ }).first().click();
  const deadline = Date.now() + 15000;
  while (!existsSync(target) && Date.now() < deadline) await page.waitForTimeout(200);
  if (!existsSync(target)) throw new Error(`nothing saved at ${target}`);
  const svg = readFileSync(target, 'utf8');
  if (!svg.startsWith('<svg') || !svg.includes('<style>') || !svg.includes('data-id="host:win-01/container:web"')) {
    throw new Error(`not the standalone SVG of the drawn document: ${svg.slice(0, 120)}`);
  }
  return { proposed, saved: target, bytes: svg.length };
});

/** Picks a colour theme by its name in the theme picker. */
async function colourTheme(name) {
  await commandPalette('Preferences: Color Theme');
  const input = page.locator('.quick-input-widget input');
  await page.waitForTimeout(500);
  await input.fill(name);
  // Click the theme itself: Enter could pick "Browse Additional Color Themes...", which needs the network.
  const row = page.locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name}$`) }) }).first();
  await row.waitFor({ timeout: 10000 });
  await row.click();
  await page.waitForTimeout(1500);
}

/** The computed stroke of an error box's frame and the page's background, to see the theme applied. */
async function colours() {
  return frame.evaluate(() => {
    const rect = document.querySelector('g.topo-box.severity-error > rect.topo-frame');
    return {
      body: document.body.className,
      background: getComputedStyle(document.body).backgroundColor,
      errorStroke: rect ? getComputedStyle(rect).stroke : null,
    };
  });
}

await step('themes', async () => {
  await page.mouse.move(5, 5);
  const first = await colours();
  await commandPalette('Preferences: Toggle between Light/Dark Themes');
  await page.waitForTimeout(1500);
  frame = await diagramFrame();
  const second = await colours();
  await shot('05-theme-toggled.png');
  await commandPalette('Preferences: Toggle between Light/Dark Themes');
  await page.waitForTimeout(500);
  await colourTheme('Dark High Contrast');
  frame = await diagramFrame();
  const contrast = await colours();
  await shot('06-high-contrast.png');
  if (first.background === second.background) throw new Error(`the background did not follow the theme: ${first.background}`);
  if (!/high-contrast/.test(contrast.body)) throw new Error(`no high-contrast class on the page: ${contrast.body}`);
  return { first, second, contrast };
});

// The page runs under a strict content security policy: anything it refused is a bug.
const refused = [...new Set(report.consoleErrors)].filter((e) => /Content Security Policy|Refused to/.test(e));
if (refused.length) report.errors.push(`content security policy: ${refused.join(' | ')}`);
await wb.close(path.join(SHOTS, 'report.json'));
const pass = report.pass;
const s = report.steps;
console.log(`${pass ? 'PASS' : 'FAIL'}: Topology: Show Diagram in VS Code: boxes=${s.boxes?.boxes ?? 0}/${DECLARED.length} ` +
  `click=${CLICKED} -> "${s.click_box?.statusBar ?? '?'}" (expected Ln ${clickedLine + 1}, Col ${clickedColumn + 1}) ` +
  `highlight=${s.click_box?.ok && s.cursor_highlight?.ok ? 'yes' : 'no'} redraw-keeps-zoom=${s.zoom_and_redraw?.ok ? 'yes' : 'no'} ` +
  `patch-redraw=${s.patch_redraw?.ok ? 'yes' : 'no'} ` +
  `badge-tooltip=${s.badge_tooltip?.ok ? 'yes' : 'no'} export=${s.export_svg?.ok ? 'yes' : 'no'} themes=${s.themes?.ok ? 'yes' : 'no'} (${path.join(SHOTS, 'report.json')})` +
  (pass ? '' : `\n  ${report.errors.join('\n  ')}`));
process.exit(pass ? 0 : 1);
