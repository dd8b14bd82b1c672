// The static parts of the extension: package.json's contributions, the language
// configuration and the snippets, checked against the files and the specification.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { FIXED_FINDING_CONTEXT, OPENED_CONTEXT } from '../../src/walkthrough';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const contributes = manifest.contributes;
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('package.json', () => {
  it('identifies the extension as the issue asks', () => {
    assert.equal(manifest.name, 'topology');
    assert.equal(manifest.publisher, 'topo');
    assert.equal(manifest.displayName, 'Topology (topo)');
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.engines.vscode, '^1.91.0');
    // vsce refuses @types/vscode newer than engines.vscode.
    assert.match(manifest.devDependencies['@types/vscode'], /^~?1\.91\./);
  });

  it('contributes the topology language, its grammar and configuration, and no static snippets', () => {
    assert.deepEqual(contributes.languages[0].id, 'topology');
    assert.deepEqual(contributes.languages[0].extensions, ['.topo']);
    assert.deepEqual(contributes.grammars, [{ language: 'topology', scopeName: 'source.topology', path: './syntaxes/topology.tmLanguage.json' }]);
    assert.equal(readJson(contributes.grammars[0].path).scopeName, 'source.topology');
    assert.ok(existsSync(contributes.languages[0].configuration));
    readJson(contributes.languages[0].configuration);
    // VS Code offers a contributed snippet everywhere (a host inside a container); the
    // server's completion offers each block's snippet only where that block may stand.
    assert.equal(contributes.snippets, undefined);
  });

  it('contributes the six settings with their types and defaults', () => {
    const properties = contributes.configuration.properties;
    assert.deepEqual(Object.keys(properties).sort(), ['topology.java.home', 'topology.locale', 'topology.rules', 'topology.server.vmargs', 'topology.trace.server', 'topology.yaml.enable']);
    assert.equal(properties['topology.yaml.enable'].type, 'boolean');
    assert.equal(properties['topology.yaml.enable'].default, false, 'off, so that topo stays out of YAML files unless asked');
    assert.deepEqual(properties['topology.java.home'].type, ['string', 'null']);
    assert.equal(properties['topology.java.home'].default, null);
    assert.equal(properties['topology.server.vmargs'].type, 'string');
    assert.deepEqual(properties['topology.trace.server'].enum, ['off', 'messages', 'verbose']);
    assert.deepEqual(properties['topology.locale'].enum, ['auto', 'en', 'ko']);
    const rules = properties['topology.rules'];
    assert.equal(rules.type, 'object');
    assert.deepEqual(rules.additionalProperties.enum, ['off', 'info', 'warning', 'error']);
    // One entry per rule of the checker, which generates both this list and a page per rule
    // in docs/rules/ (RuleListingsTest and KnowledgeDocsTest in server/).
    const documented = readdirSync('../docs/rules').filter((file) => file.endsWith('.md') && file !== 'README.md')
      .map((file) => file.slice(0, -'.md'.length));
    assert.ok(documented.length > 0, 'docs/rules/ has the rule pages');
    assert.deepEqual(Object.keys(rules.properties).sort(), documented.sort(), 'one entry per rule of the checker');
    for (const [id, setting] of Object.entries(rules.properties)) {
      assert.deepEqual(setting, rules.additionalProperties, `${id} takes the same values as any rule`);
    }
  });

  it('shows Explain and Show Diagram only for topology editors, Export Diagram also from the diagram', () => {
    assert.deepEqual(contributes.menus.commandPalette, [
      { command: 'topology.explain', when: 'editorLangId == topology' },
      { command: 'topology.showDiagram', when: 'editorLangId == topology' },
      { command: 'topology.exportDiagram', when: 'editorLangId == topology || activeWebviewPanelId == topology.diagram' },
    ]);
  });

  it('offers Import from Kubernetes/Compose on YAML files and folders, and activates on YAML for topology.yaml.enable', () => {
    const yaml = /^\.ya?ml$/i;
    const explorer = contributes.menus['explorer/context'].find((m: { command: string }) => m.command === 'topology.importManifests');
    const editor = contributes.menus['editor/context'].find((m: { command: string }) => m.command === 'topology.importManifests');
    assert.match(explorer.when, /explorerResourceIsFolder/);
    for (const when of [explorer.when, editor.when]) {
      // The menus' regular expression is the one that tells YAML names here.
      const written = /resourceExtname =~ \/(.*)\/i/.exec(when)?.[1];
      assert.ok(written, when);
      assert.equal(new RegExp(written, 'i').source, yaml.source);
    }
    assert.ok(!contributes.menus.commandPalette.some((m: { command: string }) => m.command === 'topology.importManifests'),
      'in the palette everywhere: with no YAML editor it asks for files');
    // VS Code gives up on workspaceContains after 7 s in a large workspace; once started up it
    // activates the extension anyway, and activate() looks for .topo files without that limit.
    assert.deepEqual(manifest.activationEvents,
      ['workspaceContains:**/*.topo', 'onStartupFinished', 'onLanguage:yaml', 'onLanguage:dockercompose']);
  });

  it('puts Show Diagram in the editor title as an icon and in the context menu', () => {
    const command = contributes.commands.find((c: { command: string }) => c.command === 'topology.showDiagram');
    assert.deepEqual(command, { command: 'topology.showDiagram', title: 'Show Diagram', category: 'Topology', icon: '$(type-hierarchy)' });
    assert.deepEqual(contributes.menus['editor/title'], [{ command: 'topology.showDiagram', when: 'editorLangId == topology', group: 'navigation' }]);
    assert.ok(contributes.menus['editor/context'].some((m: { command: string; when: string }) =>
      m.command === 'topology.showDiagram' && m.when === 'editorLangId == topology'));
  });
});

describe('the Get Started walkthrough', () => {
  const [walkthrough] = contributes.walkthroughs;
  const commandIds = new Set(contributes.commands.map((c: { command: string }) => c.command));

  it('takes a newcomer from a .topo file to a finding, its explanation, a quick fix and the diagram', () => {
    assert.equal(contributes.walkthroughs.length, 1);
    assert.equal(walkthrough.id, 'gettingStarted');
    assert.deepEqual(walkthrough.steps.map((s: { id: string }) => s.id), ['open', 'finding', 'fix', 'diagram']);
  });

  it('gives every step its Markdown media and only command links to contributed commands', () => {
    for (const step of walkthrough.steps) {
      assert.ok(existsSync(step.media.markdown), `${step.id}: ${step.media.markdown}`);
      for (const [, id] of step.description.matchAll(/\(command:([\w.]+)/g)) {
        assert.ok(commandIds.has(id), `${step.id} links to ${id}, which the extension does not contribute`);
      }
    }
    assert.ok(existsSync('media/walkthrough/sample.topo'), 'the sample that Open a Sample opens');
  });

  it('completes each step on what the user does, never on merely selecting it', () => {
    // Without completionEvents, VS Code marks a step done as soon as it is selected.
    const events = Object.fromEntries(walkthrough.steps.map((s: { id: string; completionEvents: string[] }) => [s.id, s.completionEvents]));
    assert.deepEqual(events, {
      open: ['onCommand:topology.openSample', `onContext:${OPENED_CONTEXT}`],
      finding: ['onCommand:topology.explain'],
      fix: ['onCommand:editor.action.quickFix', `onContext:${FIXED_FINDING_CONTEXT}`],
      diagram: ['onCommand:topology.showDiagram'],
    });
    for (const step of walkthrough.steps) {
      for (const event of step.completionEvents.filter((e: string) => e.startsWith('onCommand:'))) {
        const id = event.slice('onCommand:'.length);
        assert.ok(commandIds.has(id) || id.startsWith('editor.action.'), event); // or one of VS Code's
      }
    }
  });
});

describe('language-configuration.json', () => {
  const configuration = readJson('language-configuration.json');

  it('keeps hyphenated names and quantities one word', () => {
    const words = 'host web-01 { memory 512MiB; cpu 0.5 } // cart-v2 _x-1'.match(new RegExp(configuration.wordPattern, 'g'));
    assert.deepEqual(words, ['host', 'web-01', 'memory', '512MiB', 'cpu', '0.5', 'cart-v2', '_x-1']);
  });

  it('indents after an open brace and outdents on a closing one', () => {
    const increase = new RegExp(configuration.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(configuration.indentationRules.decreaseIndentPattern);
    for (const line of ['host web-01 {', '  container c {  ', 'vm v { // the VM', 'pod p { /* x */', 'container "{" {']) {
      assert.ok(increase.test(line), `should indent after ${JSON.stringify(line)}`);
    }
    for (const line of ['host web-01 { }', 'os linux "{"', '// host {', 'cpu 4']) {
      assert.ok(!increase.test(line), `should not indent after ${JSON.stringify(line)}`);
    }
    assert.ok(decrease.test('  }'));
    assert.ok(!decrease.test('  os linux'));
  });

  it('declares the comments, the brace and the quote pairs', () => {
    assert.deepEqual(configuration.comments, { lineComment: '//', blockComment: ['/*', '*/'] });
    assert.deepEqual(configuration.brackets, [['{', '}']]);
    assert.deepEqual(configuration.surroundingPairs, [['{', '}'], ['"', '"']]);
    assert.deepEqual(configuration.autoClosingPairs.map((pair: { open: string }) => pair.open), ['{', '"', '/*']);
  });
});

