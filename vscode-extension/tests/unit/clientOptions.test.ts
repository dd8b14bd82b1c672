import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { clientOptions, initializationOptions, resolveLocale, sanitizeRules } from '../../src/clientOptions';
import * as vscode from './stubs/vscode';

function settings(values: Record<string, unknown>) {
  return { get: <T>(key: string) => values[key] as T | undefined };
}

describe('resolveLocale', () => {
  const cases: [string | undefined, string, string][] = [
    ['auto', 'ko', 'ko'],
    ['auto', 'ko-kr', 'ko'],
    ['auto', 'en-US', 'en'],
    ['auto', 'zh-cn', 'zh'],
    [undefined, 'de', 'de'],
    ['en', 'ko', 'en'],
    ['ko', 'en', 'ko'],
    ['auto', '', 'en'],
  ];
  for (const [setting, ui, expected] of cases) {
    it(`${setting} with a ${JSON.stringify(ui)} user interface gives ${expected}`, () => {
      assert.equal(resolveLocale(setting, ui), expected);
    });
  }
});

describe('sanitizeRules', () => {
  it('keeps valid severities and reports the rest', () => {
    const { rules, ignored } = sanitizeRules({ 'missing-limits': 'off', 'unknown-os': 'error', overcommit: 'fatal', 'weak-isolation': 2 });
    assert.deepEqual(rules, { 'missing-limits': 'off', 'unknown-os': 'error' });
    assert.deepEqual(ignored, ['"overcommit": "fatal"', '"weak-isolation": 2']);
  });

  it('passes unknown rule ids through, for the server to report', () => {
    assert.deepEqual(sanitizeRules({ 'no-such-rule': 'warning' }).rules, { 'no-such-rule': 'warning' });
  });

  for (const value of [undefined, null, 'off', ['off'], 3]) {
    it(`treats ${JSON.stringify(value)} as no rules`, () => {
      assert.deepEqual(sanitizeRules(value), { rules: {}, ignored: [] });
    });
  }
});

describe('initializationOptions', () => {
  it('sends { locale, rules, yaml } from the settings', () => {
    const { options } = initializationOptions(settings({ locale: 'auto', rules: { 'unpinned-image': 'info' }, 'yaml.enable': true }), 'ko');
    assert.deepEqual(options, { locale: 'ko', rules: { 'unpinned-image': 'info' }, yaml: { enable: true }, commandLinks: ['topology.explain'] });
  });

  it('checks YAML only when the setting is exactly true', () => {
    for (const value of [undefined, false, 'true', 1]) {
      assert.deepEqual(initializationOptions(settings({ 'yaml.enable': value }), 'en').options.yaml, { enable: false }, String(value));
    }
  });

  it('has defaults when nothing is set', () => {
    assert.deepEqual(initializationOptions(settings({}), 'en').options, { locale: 'en', rules: {}, yaml: { enable: false }, commandLinks: ['topology.explain'] });
  });
});

describe('clientOptions', () => {
  beforeEach(() => vscode.reset());

  it('keeps its selector to topology files when YAML checking is on: the server registers for YAML itself', () => {
    vscode.settings.set('topology.yaml.enable', true);
    const options = clientOptions(new vscode.FakeLogChannel('log') as never);
    assert.deepEqual(options.documentSelector, [
      { scheme: 'file', language: 'topology' },
      { scheme: 'untitled', language: 'topology' },
    ]);
    assert.deepEqual((options.initializationOptions as { yaml: unknown }).yaml, { enable: true });
  });

  it('selects topology files on disk and untitled, watches .topo and .topo.json, sends the settings', () => {
    vscode.settings.set('topology.locale', 'ko');
    vscode.settings.set('topology.rules', { 'missing-limits': 'off', overcommit: 'loud' });
    const channel = new vscode.FakeLogChannel('log');
    const options = clientOptions(channel as never);
    assert.deepEqual(options.documentSelector, [
      { scheme: 'file', language: 'topology' },
      { scheme: 'untitled', language: 'topology' },
    ]);
    const watchers = options.synchronize?.fileEvents as unknown as { glob: string }[];
    assert.deepEqual(watchers.map((watcher) => watcher.glob), ['**/*.topo', '**/.topo.json']);
    assert.equal(options.synchronize?.configurationSection, 'topology');
    assert.deepEqual(options.initializationOptions, { locale: 'ko', rules: { 'missing-limits': 'off' }, yaml: { enable: false }, commandLinks: ['topology.explain'] });
    assert.deepEqual(options.markdown, { isTrusted: { enabledCommands: ['topology.explain'] } }, 'hover links may run Explain and nothing else');
    assert.equal(options.outputChannel, channel);
    assert.deepEqual(channel.lines, ['warn Ignoring topology.rules entry "overcommit": "loud": the severity must be one of off, info, warning, error.']);
  });

  it('follows the VS Code display language when the locale is auto', () => {
    vscode.env.language = 'ko-kr';
    const options = clientOptions(new vscode.FakeLogChannel('log') as never);
    assert.deepEqual(options.initializationOptions, { locale: 'ko', rules: {}, yaml: { enable: false }, commandLinks: ['topology.explain'] });
  });
});
