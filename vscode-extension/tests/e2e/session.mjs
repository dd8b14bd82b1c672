// What the end-to-end tests share: the samples, the real server spawned over stdio and
// connected to Microsoft's vscode-languageserver-protocol client, a record of what the
// server sends on its own, and small helpers on positions and edits.
//
// The server needs server/target/topo.jar (build it with `mvn -B package -DskipTests` in the
// repository root), or the jar that TOPO_JAR names, and Java 17+ (JAVA_HOME, else `java` on
// the PATH).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import {
  ConfigurationRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  WorkDoneProgressCreateRequest,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '..', '..', '..');
// TOPO_JAR runs the same checks against another build of the server.
export const JAR = process.env.TOPO_JAR ? resolve(process.env.TOPO_JAR) : join(repo, 'server', 'target', 'topo.jar');
export const SAMPLES = join(repo, 'samples');
export const KNOWLEDGE = join(repo, 'server', 'src', 'main', 'resources', 'dev', 'topo', 'knowledge', 'en');
export const TIMEOUT = 20_000;

export const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';

/** A sample file: its URI as the client sends it, its text and its lines. */
export function sample(relative) {
  const path = join(SAMPLES, relative);
  const text = readFileSync(path, 'utf8');
  return { path, uri: pathToFileURL(path).href, text, lines: text.split('\n') };
}

/** An in-memory document with the same shape as a sample, for texts that exist on no disk. */
export function untitled(name, text) {
  return { path: name, uri: `untitled:${name}`, text, lines: text.split('\n') };
}

/** The same file whatever the spelling of its URI (file:/x versus file:///x). */
export function sameFile(a, b) {
  if (!a.startsWith('file:') || !b.startsWith('file:')) return a === b;
  return fileURLToPath(a) === fileURLToPath(b);
}

/** The 0-based line that contains a piece of text, and the UTF-16 column where it starts. */
export function find(file, piece, fromLine = 0) {
  for (let line = fromLine; line < file.lines.length; line++) {
    const character = file.lines[line].indexOf(piece);
    if (character >= 0) return { line, character };
  }
  throw new Error(`no '${piece}' in ${file.path}`);
}

/** The range a piece of text covers (on one line), found as `find` finds it. */
export function rangeOf(file, piece, fromLine = 0) {
  const start = find(file, piece, fromLine);
  return { start, end: { line: start.line, character: start.character + piece.length } };
}

/** A position `delta` characters into a piece of text. */
export function inside(file, piece, delta = 1, fromLine = 0) {
  const { line, character } = find(file, piece, fromLine);
  return { line, character: character + delta };
}

/** The offset of an LSP position in a text (lines split at \n; characters are UTF-16 units, as in JS strings). */
export function offsetAt(text, { line, character }) {
  let start = 0;
  for (let l = 0; l < line; l++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return text.length;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return Math.min(start + character, end < 0 ? text.length : end);
}

/** The LSP position of an offset in a text. */
export function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** A text with LSP text edits applied, as an editor applies them (all against the original). */
export function applyEdits(text, edits) {
  const sorted = edits.map((e) => ({ from: offsetAt(text, e.range.start), to: offsetAt(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.from - a.from || b.to - a.to);
  let result = text;
  for (const e of sorted) result = result.slice(0, e.from) + e.newText + result.slice(e.to);
  return result;
}

/** Resolves once a condition holds, checking it every few milliseconds; rejects after TIMEOUT. */
export async function waitFor(condition, what, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Everything the server sent on its own: diagnostics, log messages, progress, configuration and registration requests. */
export class Recorder {
  diagnostics = [];
  logs = [];
  progress = [];
  configurationRequests = [];
  registrations = [];
  #waiters = [];

  publish(params) {
    this.diagnostics.push(params);
    this.#waiters = this.#waiters.filter((w) => !w.offer(params));
  }

  /** Resolves with the first diagnostics (already received or still to come) that match. */
  awaitDiagnostics(uri, matches, what) {
    const earlier = this.diagnostics.find((p) => sameFile(p.uri, uri) && matches(p));
    if (earlier) return Promise.resolve(earlier);
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`no diagnostics ${what} for ${uri} within ${TIMEOUT} ms; received: ` +
          JSON.stringify(this.diagnostics.map((p) => ({ uri: p.uri, version: p.version, count: p.diagnostics.length })))));
      }, TIMEOUT);
      this.#waiters.push({
        offer: (p) => {
          if (!sameFile(p.uri, uri) || !matches(p)) return false;
          clearTimeout(timer);
          resolvePromise(p);
          return true;
        },
      });
    });
  }

  /** Whether the background index has finished: its progress ended and the server said so. */
  indexed() {
    return this.progress.some((p) => p.value?.kind === 'end')
      && this.logs.some((m) => /indexed \d+ topology files/.test(m.message));
  }
}

/**
 * Spawns `topo.jar lsp`, connects the protocol client to its stdio and runs `initialize`
 * and `initialized` with the samples folder as the workspace. The client answers the
 * server's requests as an editor would: `workspace/configuration` with `settings()` for
 * every item asked, registrations and progress tokens with null.
 */
export async function startServer({ capabilities, settings = () => ({ locale: 'en', rules: {}, showInfo: true }) }) {
  const recorder = new Recorder();
  const server = spawn(java, ['-Xlog:disable', '-Xlog:all=warning:stderr', '-jar', JAR, 'lsp'], {
    cwd: repo,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  const exited = new Promise((resolveExit) => server.on('exit', (code, signal) => resolveExit({ code, signal })));
  server.stderr.setEncoding('utf8');
  server.stderr.on('data', (chunk) => { stderr += chunk; });
  server.on('error', (e) => { stderr += `could not start ${java}: ${e.message}\n`; });

  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => recorder.publish(p));
  connection.onNotification(LogMessageNotification.type, (p) => recorder.logs.push(p));
  connection.onNotification('$/progress', (p) => recorder.progress.push(p));
  connection.onRequest(ConfigurationRequest.type, (p) => {
    recorder.configurationRequests.push(p);
    return p.items.map(() => settings());
  });
  connection.onRequest(RegistrationRequest.type, (p) => {
    recorder.registrations.push(p);
    return null;
  });
  connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
  connection.listen();

  const samplesUri = pathToFileURL(SAMPLES).href;
  const result = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    clientInfo: { name: 'topo-e2e', version: '1' },
    locale: 'en',
    rootUri: samplesUri,
    workspaceFolders: [{ uri: samplesUri, name: 'samples' }],
    initializationOptions: {},
    capabilities,
  });
  await connection.sendNotification(InitializedNotification.type, {});

  return {
    connection,
    recorder,
    capabilities: result.capabilities,
    serverInfo: result.serverInfo,
    exited,
    stderr: () => stderr,
    /** Runs a check, adding the server's stderr (where its own errors go) to a failure. */
    async withLog(check) {
      try {
        return await check();
      } catch (e) {
        e.message += `\n--- server stderr ---\n${stderr.slice(-4000)}`;
        throw e;
      }
    },
    /** `shutdown` then `exit`, as an editor closes; resolves with the process's exit. */
    async stop() {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      return exited;
    },
    /** Frees the connection and ends the process if it is still there (after a failure). */
    dispose() {
      connection.dispose();
      if (server.exitCode === null && server.signalCode === null) server.kill();
    },
  };
}
