// Checks the packaged .vsix: it holds the server jar, the client bundle, the grammar, the
// language configuration and the diagram webview's script and style sheet;
// every file that its package.json points to is inside; and no sources, tests or
// node_modules slipped in. A .vsix is a zip file, read here through its central directory
// with node:zlib, so no unzip tool is needed.
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const file = process.argv[2] ?? `${manifest.name}-${manifest.version}.vsix`;

/** Maps each entry name to a function returning its uncompressed bytes. */
function readZip(zip) {
  // The end-of-central-directory record is in the last 64 KiB (its comment is at most that).
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]), zip.length - 22);
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, () => {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 0 ? data : inflateRawSync(data);
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** Every relative path ("./x" or "x/y.json") mentioned anywhere under contributes. */
function referencedPaths(value, found = []) {
  if (typeof value === 'string' && /^\.?\.?\/|^[\w-]+\/[\w./-]+\.\w+$/.test(value) && !value.includes('*')) found.push(value);
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => referencedPaths(v, found));
  return found;
}

let zip;
try {
  zip = readFileSync(file);
} catch {
  console.error(`error: ${file} not found: run npm run package first.`);
  process.exit(1);
}
const entries = readZip(zip);
const failures = [];
const check = (ok, message) => { if (!ok) failures.push(message); };

const packaged = JSON.parse(entries.get('extension/package.json')?.().toString('utf8') ?? '{}');
check(packaged.name === manifest.name, 'extension/package.json is missing or not this extension');
const required = ['server/topo.jar', 'dist/extension.js', 'syntaxes/topology.tmLanguage.json',
  'language-configuration.json', 'media/diagram.js', 'media/diagram.css', 'media/walkthrough/sample.topo'];
for (const path of required) check(entries.has(`extension/${path}`), `missing extension/${path}`);
// vsce stores the README as readme.md: it becomes the Marketplace page.
check([...entries.keys()].some((name) => name.toLowerCase() === 'extension/readme.md'), 'missing extension/README.md');
check((entries.get('extension/server/topo.jar')?.().length ?? 0) > 1000, 'extension/server/topo.jar is empty');
// The webview loads the script by name with a nonce: it must be the bundle, not a stub.
check(entries.get('extension/media/diagram.js')?.().toString('utf8').includes('acquireVsCodeApi') ?? false,
  'extension/media/diagram.js is not the webview bundle');

const referenced = [packaged.main, ...referencedPaths(packaged.contributes)];
for (const path of referenced) {
  check(entries.has(`extension/${path.replace(/^\.\//, '')}`), `package.json references ${path}, which is not in the .vsix`);
}
for (const name of entries.keys()) {
  check(!/^extension\/(src|tests|scripts|node_modules|out)\//.test(name), `${name} should not be packaged`);
}

if (failures.length) {
  console.error(`${file}: ${failures.length} problem(s)\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`${file}: ${entries.size} files; jar, client, grammar, language configuration and diagram webview present; ` +
  `all ${referenced.length} paths referenced by package.json exist.`);
