// Bundles each tests/unit/*.test.ts into out/tests/ for `node --test`. `vscode` exists only
// inside the editor, so it and the language client are swapped for recording stubs.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';

const entryPoints = readdirSync('tests/unit')
  .filter((file) => file.endsWith('.test.ts'))
  .map((file) => `tests/unit/${file}`);

rmSync('out/tests', { recursive: true, force: true });
await build({
  entryPoints,
  outdir: 'out/tests',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
  alias: {
    vscode: './tests/unit/stubs/vscode.ts',
    'vscode-languageclient/node': './tests/unit/stubs/languageClient.ts',
  },
});
