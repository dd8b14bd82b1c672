// Copies the server jar built by Maven into the extension, which ships it in server/.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const extension = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const source = path.resolve(extension, '..', 'server', 'target', 'topo.jar');
const target = path.join(extension, 'server', 'topo.jar');

if (!existsSync(source)) {
  console.error(`error: ${path.relative(process.cwd(), source)} does not exist: run mvn -B package first (in the repository root), then npm run package again.`);
  process.exit(1);
}
mkdirSync(path.dirname(target), { recursive: true });
copyFileSync(source, target);
console.log(`copied ${path.relative(extension, source)} to ${path.relative(extension, target)}`);
