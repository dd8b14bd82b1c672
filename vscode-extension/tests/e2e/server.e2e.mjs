// End-to-end test of the language server from a client written by others: Microsoft's
// vscode-languageserver-protocol / vscode-jsonrpc node client spawns the real
// `topo.jar lsp` over stdio and drives one session on the repository's samples/.
//
// It needs server/target/topo.jar (build it with `mvn -B package -DskipTests` in the
// repository root), or the jar that TOPO_JAR names, and Java 17+ (JAVA_HOME, else `java`
// on the PATH). Run it with `npm run test:e2e`; `npm test` does not run it, so that the
// extension's own tests need no jar.
//
// Hover and completion are checked strictly when the server's initialize result advertises
// them, and skipped (with a message saying so) when it does not. features.e2e.mjs checks
// every other editor feature the same way; session.mjs holds what the two share.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  MessageType,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import { JAR, KNOWLEDGE, TIMEOUT, find, sameFile, sample, startServer } from './session.mjs';

/** The labels' first words: "vm", "vm { … }" and "vm block" all offer the statement `vm`. */
function offeredKeywords(items) {
  return new Set(items.map((item) => (item.filterText ?? item.label).trim().split(/[^A-Za-z0-9-]/)[0]));
}

if (!existsSync(JAR)) {
  test('the server jar exists', () => {
    assert.fail(`${JAR} is missing: this end-to-end test runs the real server. ` +
      'Build it first with `mvn -B package -DskipTests` in the repository root, then run `npm run test:e2e` again.');
  });
} else {
  describe('topo.jar lsp driven by vscode-languageserver-protocol over stdio', () => {
    const mismatch = sample('rules/container-os-mismatch.topo');
    const shop = sample('shop.topo');
    let session;
    let recorder;
    let exited;
    let connection;
    let capabilities;
    let serverInfo;

    before(async () => {
      session = await startServer({
        // The server asks for the `topology` section, registers its file watchers and creates
        // a progress token for the index: session.mjs answers as an editor would.
        capabilities: {
          workspace: {
            configuration: true,
            workspaceFolders: true,
            didChangeWatchedFiles: { dynamicRegistration: true },
          },
          window: { workDoneProgress: true },
          // No textDocument.diagnostic: the server then pushes diagnostics.
          textDocument: {
            synchronization: { didSave: true },
            publishDiagnostics: {
              versionSupport: true,
              relatedInformation: true,
              codeDescriptionSupport: true,
              tagSupport: { valueSet: [1, 2] },
            },
            hover: { contentFormat: ['markdown', 'plaintext'] },
            completion: { contextSupport: true, completionItem: { snippetSupport: true } },
          },
        },
      });
      ({ connection, recorder, exited, capabilities, serverInfo } = session);
    }, { timeout: TIMEOUT });

    after(() => session?.dispose());

    /** Adds the server's stderr to a failure, which is where its own errors go. */
    function withLog(check) {
      return session.withLog(check);
    }

    test('initialize advertises incremental text sync and names the server', () => {
      assert.equal(capabilities.textDocumentSync.change, 2, JSON.stringify(capabilities.textDocumentSync));
      assert.equal(capabilities.textDocumentSync.openClose, true);
      assert.equal(serverInfo?.name, 'topo');
    });

    test('the OS mismatch is reported with its rule, source, range and the host it concerns', { timeout: TIMEOUT }, () => withLog(async () => {
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: mismatch.uri, languageId: 'topology', version: 1, text: mismatch.text },
      });
      const published = await recorder.awaitDiagnostics(mismatch.uri, (p) => p.version === 1, 'for version 1');
      // The sample's first case, a Linux container on a Windows host; its later cases (macOS, selectors) follow.
      assert.equal(published.diagnostics.length, 3, JSON.stringify(published.diagnostics));
      assert.ok(published.diagnostics.every((d) => d.code === 'container-os-mismatch'));
      const [d] = published.diagnostics;
      assert.equal(d.code, 'container-os-mismatch');
      assert.equal(d.source, 'topo');
      assert.equal(d.severity, 1); // Error
      // The container's `os linux` statement, on the line the sample marks with `expect:`.
      const marked = find(mismatch, '// expect: container-os-mismatch');
      const os = find(mismatch, 'os linux', marked.line);
      assert.equal(os.line, marked.line);
      assert.deepEqual(d.range, {
        start: { line: os.line, character: os.character },
        end: { line: os.line, character: os.character + 'os linux'.length },
      });
      // Rule pages are linked only where TOPO_DOCS_URL says where the docs are published.
      assert.equal(d.codeDescription, undefined);
      // Related information points at the host's `os windows ...` line.
      const hostOs = find(mismatch, 'os windows');
      assert.ok(d.relatedInformation?.length >= 1, JSON.stringify(d));
      assert.ok(sameFile(d.relatedInformation[0].location.uri, mismatch.uri));
      assert.equal(d.relatedInformation[0].location.range.start.line, hostOs.line);
    }));

    test('the clean shop sample has no diagnostics', { timeout: TIMEOUT }, () => withLog(async () => {
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: shop.uri, languageId: 'topology', version: 1, text: shop.text },
      });
      const published = await recorder.awaitDiagnostics(shop.uri, (p) => p.version === 1, 'for version 1');
      assert.deepEqual(published.diagnostics, []);
      assert.ok(recorder.diagnostics.filter((p) => sameFile(p.uri, shop.uri)).every((p) => p.diagnostics.length === 0),
        'every publication for shop.topo is empty');
    }));

    test('an incremental change that fixes the OS clears the diagnostics for the new version', { timeout: TIMEOUT }, () => withLog(async () => {
      // `os linux` -> `os windows` inside the container: only the five characters change.
      const linux = find(mismatch, 'linux // expect');
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: mismatch.uri, version: 2 },
        contentChanges: [{
          range: { start: linux, end: { line: linux.line, character: linux.character + 'linux'.length } },
          text: 'windows',
        }],
      });
      const before = recorder.diagnostics.find((p) => sameFile(p.uri, mismatch.uri) && p.version === 1).diagnostics;
      const published = await recorder.awaitDiagnostics(mismatch.uri, (p) => p.version === 2, 'for version 2');
      // The fixed container's finding is gone; the sample's other cases stay as they were.
      assert.deepEqual(published.diagnostics, before.slice(1));
      // Nothing for version 1 may follow what was published for version 2.
      const forFile = recorder.diagnostics.filter((p) => sameFile(p.uri, mismatch.uri));
      const firstOfTwo = forFile.findIndex((p) => p.version === 2);
      assert.ok(forFile.slice(firstOfTwo).every((p) => p.version === 2), JSON.stringify(forFile.map((p) => p.version)));
    }));

    test('hover on a keyword returns its knowledge-base entry as Markdown', { timeout: TIMEOUT }, async (t) => {
      if (!capabilities.hoverProvider) {
        t.skip('the server does not advertise hoverProvider yet (hover not merged): skipped, asserted strictly once it does');
        return;
      }
      await withLog(async () => {
        // `container` in `  container ingress {` of shop.topo.
        const at = find(shop, 'container ingress');
        const hover = await connection.sendRequest(HoverRequest.type, {
          textDocument: { uri: shop.uri },
          position: { line: at.line, character: at.character + 2 },
        });
        assert.ok(hover, 'a hover on the keyword `container`');
        assert.equal(hover.contents.kind, 'markdown', JSON.stringify(hover.contents));
        // The English entry's title and first paragraph (its summary), as the repo has them.
        const [heading, summary] = readFileSync(join(KNOWLEDGE, 'concepts', 'container.md'), 'utf8').split('\n');
        assert.ok(hover.contents.value.includes(heading.replace(/^#\s*/, '')), hover.contents.value);
        assert.ok(hover.contents.value.includes(summary.trim()), hover.contents.value);
        if (hover.range) {
          assert.deepEqual(hover.range, {
            start: at,
            end: { line: at.line, character: at.character + 'container'.length },
          });
        }
      });
    });

    test('completion inside a host block offers the statements allowed there and not yet given', { timeout: TIMEOUT }, async (t) => {
      if (!capabilities.completionProvider) {
        t.skip('the server does not advertise completionProvider yet (completion not merged): skipped, asserted strictly once it does');
        return;
      }
      await withLog(async () => {
        // The blank line after `label zone "eu-west-1a"` inside host edge-01, which already
        // has os, arch, cpu, memory, runtime, a library, a label and a container.
        const library = find(shop, 'label zone "eu-west-1a"');
        assert.equal(shop.lines[library.line + 1].trim(), '', 'a blank line follows in the sample');
        const result = await connection.sendRequest(CompletionRequest.type, {
          textDocument: { uri: shop.uri },
          position: { line: library.line + 1, character: 0 },
          context: { triggerKind: 1 },
        });
        const items = Array.isArray(result) ? result : result?.items ?? [];
        assert.ok(items.length > 0, 'completion items inside the host block');
        for (const item of items) assert.equal(typeof item.label, 'string', JSON.stringify(item));
        const offered = offeredKeywords(items);
        for (const keyword of ['vm', 'container', 'library', 'label', 'module']) {
          assert.ok(offered.has(keyword), `offers ${keyword}: ${[...offered].join(', ')}`);
        }
        // Given already and not repeatable, or not allowed in a host at all.
        for (const keyword of ['os', 'arch', 'cpu', 'memory', 'runtime', 'replicas', 'nodes', 'image', 'pod', 'requires', 'select']) {
          assert.ok(!offered.has(keyword), `does not offer ${keyword}: ${[...offered].join(', ')}`);
        }
      });
    });

    test('the workspace is indexed in the background with $/progress', { timeout: TIMEOUT }, () => withLog(async () => {
      const deadline = Date.now() + TIMEOUT - 1000;
      while (!recorder.indexed() && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const kinds = recorder.progress.map((p) => p.value?.kind);
      assert.equal(kinds[0], 'begin', JSON.stringify(recorder.progress));
      assert.equal(kinds.at(-1), 'end', JSON.stringify(recorder.progress));
      assert.ok(recorder.logs.some((m) => /indexed \d+ topology files/.test(m.message)), JSON.stringify(recorder.logs));
    }));

    test('shutdown then exit ends the server with status 0; no stale diagnostics, no error in its log', { timeout: TIMEOUT }, () => withLog(async () => {
      assert.equal(await connection.sendRequest(ShutdownRequest.type), null);
      await connection.sendNotification(ExitNotification.type);
      const { code, signal } = await exited;
      assert.equal(signal, null);
      assert.equal(code, 0);
      // Over the whole session, no file's diagnostics went back to an older version.
      for (const file of [mismatch, shop]) {
        const versions = recorder.diagnostics.filter((p) => sameFile(p.uri, file.uri)).map((p) => p.version);
        assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `${file.path}: ${versions}`);
      }
      const errors = recorder.logs.filter((m) => m.type === MessageType.Error || /exception/i.test(m.message));
      assert.deepEqual(errors, []);
      assert.doesNotMatch(session.stderr(), /exception/i);
    }));
  });
}
