// Neovim and Emacs (eglot), configured exactly as docs/editors.md says, against the real server:
// each editor opens a sample, and the test asserts that its diagnostics, a hover and a jump to a
// definition arrive. The configuration is read from the page (the fenced block after an
// `<!-- editors-test: NAME -->` marker), with only its `/path/to/topo.jar` replaced, so the page
// cannot drift from what is tested. A driver per editor (nvim-driver.lua, emacs-driver.el) uses
// the editor's own commands and writes what it saw to a JSON file; the assertions are here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');
const jar = process.env.TOPO_JAR ?? join(repo, 'server', 'target', 'topo.jar');
const samples = join(repo, 'samples');
const sample = 'rules/container-os-mismatch.topo';
const docs = readFileSync(join(repo, 'docs', 'editors.md'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'topo-editors-'));

/** The fenced block that follows `<!-- editors-test: NAME -->`, with the jar's real path. */
export function snippet(markdown, name) {
  const marker = `<!-- editors-test: ${name} -->`;
  const at = markdown.indexOf(marker);
  assert.notEqual(at, -1, `docs/editors.md has no ${marker}`);
  const block = /^[ \t]*\n*```[\w-]*\n([\s\S]*?)\n```/.exec(markdown.slice(at + marker.length).replace(/^\n/, ''));
  assert.ok(block, `no fenced block right after ${marker}`);
  const placeholder = '/path/to/topo.jar';
  assert.equal(block[1].split(placeholder).length, 2, `the ${name} snippet names ${placeholder} exactly once`);
  return block[1].replace(placeholder, jar);
}

/** What each editor should see in the sample: every line marked `// expect:`, and where lin-01 is declared. */
const lines = readFileSync(join(samples, sample), 'utf8').split('\n');
const expectedLines = lines.flatMap((l, i) => (l.includes('// expect: container-os-mismatch') ? [i + 1] : []));
const hostLine = lines.findIndex((l) => l.startsWith('host lin-01 {')) + 1;

/** Runs an editor with TOPO_EDITOR_OUT set and returns the JSON its driver wrote. */
function drive(name, command, args) {
  const out = join(work, `${name}.json`);
  const started = Date.now();
  const run = spawnSync(command, args, {
    cwd: samples,
    env: { ...process.env, TOPO_EDITOR_OUT: out, TOPO_EDITOR_FILE: sample },
    encoding: 'utf8',
    timeout: 180_000,
  });
  const diagnostics = `${command} exited ${run.status} (${run.signal ?? 'no signal'}) after ${Date.now() - started} ms\n${run.stdout}\n${run.stderr}`;
  assert.ok(existsSync(out), `the driver wrote nothing:\n${diagnostics}`);
  const result = JSON.parse(readFileSync(out, 'utf8'));
  console.log(`${name}: ${result.editor}, ${Date.now() - started} ms`);
  assert.equal(result.error, undefined, `the driver failed: ${result.error}\n${diagnostics}`);
  return result;
}

/** The assertions both editors share: hover on the first finding, jump from `nodes lin-01`. */
function assertHoverAndDefinition(result) {
  assert.equal(result.hover_line, expectedLines[0]);
  assert.match(result.hover ?? '', /^container 'web' runs linux but its host 'win-01' runs a windows kernel\n/,
    'the hover leads with the finding');
  assert.match(result.hover, /container-os-mismatch/);
  assert.ok(result.definition_from > hostLine, 'the jump starts below the host');
  assert.equal(result.definition_line, hostLine, 'go to definition lands on the host');
  assert.equal(result.definition_text, 'host lin-01 {');
}

function nvimVersion() {
  const run = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  const m = /NVIM v(\d+)\.(\d+)/.exec(run.stdout ?? '');
  return m ? [Number(m[1]), Number(m[2])] : null;
}

function testNeovim(name, fits) {
  test(`Neovim: docs/editors.md's ${name} configuration`, (t) => {
    const version = nvimVersion();
    assert.ok(version, 'nvim is not installed');
    if (!fits(version)) {
      t.skip(`NOT VERIFIED: this is Neovim ${version.join('.')}`);
      return;
    }
    const init = join(work, `${name}.lua`);
    writeFileSync(init, snippet(docs, name));
    const result = drive(name, 'nvim', ['--headless', '-u', init, sample, '-c', `luafile ${join(here, 'nvim-driver.lua')}`]);
    assert.equal(result.filetype, 'topology');
    assert.equal(result.clients, 1, 'one client attached');
    assert.ok(result.diagnostics_arrived, 'diagnostics arrived');
    assert.deepEqual(result.diagnostics.map((d) => d.line), expectedLines);
    for (const d of result.diagnostics) {
      assert.equal(d.code, 'container-os-mismatch');
      assert.equal(d.source, 'topo');
      assert.equal(d.severity, 2, 'a warning, as the configuration\'s rules say: the settings reached the server');
    }
    assertHoverAndDefinition(result);
  });
}

testNeovim('neovim-0.7', ([major, minor]) => major === 0 && minor === 7);
testNeovim('neovim-0.8', ([major, minor]) => major > 0 || minor >= 8);

test("Emacs: docs/editors.md's eglot configuration", () => {
  const init = join(work, 'emacs-eglot.el');
  writeFileSync(init, snippet(docs, 'emacs-eglot'));
  // package-activate-all is what an interactive Emacs does before reading init.el; --batch skips it.
  const result = drive('emacs-eglot', 'emacs',
    ['--batch', '--eval', '(package-activate-all)', '-l', init, '-l', join(here, 'emacs-driver.el')]);
  assert.equal(result.mode, 'topology-mode');
  assert.ok(result.diagnostics_arrived, 'flymake shows diagnostics');
  assert.deepEqual(result.diagnostics.map((d) => d.line), expectedLines);
  for (const d of result.diagnostics) {
    assert.match(d.message, /^topo \[container-os-mismatch\]: /);
    assert.equal(d.type, 'eglot-warning', 'a warning, as the configuration\'s rules say: the settings reached the server');
  }
  assertHoverAndDefinition(result);
});
