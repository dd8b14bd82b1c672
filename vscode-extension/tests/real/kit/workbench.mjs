// Drives the real VS Code workbench that code-server serves, with headless Chromium (the
// kit's playwright-core and Debian's chromium): named steps with a screenshot on failure,
// the command palette, Quick Open, hovers, notifications. Adapted from the shared kit's
// check.mjs (../shared/vscode-real), which first did these things for one check.
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(path.join(process.env.KIT_HOME, 'driver') + '/');
const { chromium } = require('playwright-core');

export const TIMEOUT = Number(process.env.CHECK_TIMEOUT_S || 90) * 1000;
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Starts the browser; `tag` prefixes every line it prints. */
export async function launch(shots, tag, viewport = { width: 1400, height: 900 }) {
  mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'] });
  const page = await browser.newPage({ viewport });
  const t0 = Date.now();
  const T = () => +((Date.now() - t0) / 1000).toFixed(1);
  const say = (...a) => console.log(`[${tag} +${T()}s]`, ...a);
  const report = { steps: {}, errors: [], consoleErrors: [] };
  page.on('console', (m) => { if (m.type() === 'error') report.consoleErrors.push(m.text().split('\n')[0].slice(0, 300)); });
  page.on('pageerror', (e) => report.consoleErrors.push('pageerror: ' + String(e).slice(0, 300)));

  const wb = {
    page, report, say, T,
    async shot(name) {
      const file = path.join(shots, name);
      await page.screenshot({ path: file });
      say('screenshot', file);
    },
    /** Runs one named check; a failure is recorded with a screenshot, and the next step still runs. */
    async step(name, fn) {
      try {
        const value = await fn();
        report.steps[name] = { ok: true, at_s: T(), ...(value || {}) };
        say(name, 'ok', JSON.stringify(value ?? {}).slice(0, 300));
      } catch (e) {
        report.steps[name] = { ok: false, at_s: T(), error: String(e.message || e).split('\n')[0] };
        report.errors.push(`${name}: ${report.steps[name].error}`);
        say(`${name} FAILED:`, report.steps[name].error);
        try { await wb.shot(`fail-${name}.png`); } catch {}
      }
    },
    async open(url) {
      await page.goto(url, { timeout: TIMEOUT });
      await page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT });
      await page.locator('.explorer-folders-view').waitFor({ timeout: TIMEOUT });
      await page.waitForTimeout(1000);
    },
    /**
     * Runs the command whose label is exactly `text`, not the first that merely contains it
     * (with `exact: false`, the palette's best match).
     */
    async command(text, { exact = true } = {}) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 10000 });
      await input.fill('>' + text);
      const rows = page.locator('.quick-input-list .monaco-list-row');
      const row = (exact ? rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escape(text)}$`) }) }) : rows).first();
      await row.waitFor({ timeout: 10000 });
      await page.waitForTimeout(300);
      await row.click();
    },
    /** Opens a file of the workspace with Quick Open and waits for its editor. */
    async openFile(file) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 15000 });
      await input.fill(file);
      // The first file search of a fresh server can take a while.
      await page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(file) }).first().waitFor({ timeout: TIMEOUT });
      await page.waitForTimeout(300);
      await page.keyboard.press('Enter');
      await page.locator('.tab.active', { hasText: path.basename(file) }).waitFor({ timeout: 15000 });
      await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 15000 });
      await page.waitForTimeout(500);
    },
    /** Moves the cursor to a line (1-based) of the active editor, at its end. */
    async goToLine(line) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+G');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 10000 });
      await input.fill(`:${line}`);
      await page.keyboard.press('Enter');
      // Keys typed before the editor has the focus back would go nowhere.
      await input.waitFor({ state: 'hidden', timeout: 10000 });
      await page.waitForTimeout(300);
      await page.keyboard.press('End');
    },
    /** The screen box of the first word `word` shown on a line containing `onLine` in the active editor. */
    async wordBox(word, onLine = '') {
      const box = await page.evaluate(([w, needle]) => {
        for (const line of document.querySelectorAll('.editor-instance .monaco-editor .view-line')) {
          if (!line.textContent.replace(/\u00a0/g, ' ').includes(needle)) continue;
          for (const span of line.querySelectorAll('span span')) {
            const at = span.textContent.indexOf(w);
            if (at < 0 || !span.firstChild) continue;
            const range = document.createRange();
            range.setStart(span.firstChild, at);
            range.setEnd(span.firstChild, at + w.length);
            const r = range.getBoundingClientRect();
            return { x: r.x, y: r.y, width: r.width, height: r.height };
          }
        }
        return null;
      }, [word, onLine]);
      if (!box) throw new Error(`'${word}' is not visible in the editor${onLine ? ` on a line with '${onLine}'` : ''}`);
      return box;
    },
    /** Puts the mouse over a box and returns the hover's text once it stops changing. */
    async hoverAt(box) {
      await page.mouse.move(5, 5);
      await page.waitForTimeout(300);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
      const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content').first();
      await hover.waitFor({ state: 'visible', timeout: 15000 });
      let text = '';
      for (let i = 0; i < 20; i++) {
        await page.waitForTimeout(300);
        const now = (await hover.innerText()).trim();
        if (now && now === text && !/^Loading/.test(now)) break;
        text = now;
      }
      return text;
    },
    /** The text of the lines of the active editor, top to bottom (only what is on screen). */
    async editorLines() {
      return page.evaluate(() => [...document.querySelectorAll('.editor-group-container.active .editor-instance .monaco-editor .view-line')]
        .sort((a, b) => a.getBoundingClientRect().y - b.getBoundingClientRect().y)
        .map((l) => l.textContent.replace(/\u00a0/g, ' ')));
    },
    /** The notification toasts on screen, one text each. */
    async toasts() {
      return (await page.locator('.notifications-toasts .notification-toast').allInnerTexts().catch(() => []))
        .map((t) => t.replace(/\s+/g, ' ').trim());
    },
    /** The tabs of every editor group: label and whether it has unsaved changes. */
    async tabs() {
      return page.locator('.tabs-container .tab').evaluateAll((tabs) => tabs.map((t) => ({
        label: (t.getAttribute('aria-label') || t.innerText).replace(/\s+/g, ' ').trim(), dirty: t.classList.contains('dirty') })));
    },
    async close(file) {
      report.consoleErrors = [...new Set(report.consoleErrors)];
      report.elapsed_s = T();
      report.pass = report.errors.length === 0;
      writeFileSync(file, JSON.stringify(report, null, 2));
      await browser.close();
    },
  };
  return wb;
}
