// What the client tells the server about the editor: which documents it handles, which
// files to watch, and the settings it starts with (`initializationOptions`).
import * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient/node';

export const LANGUAGE_ID = 'topology';
export const SEVERITIES = ['off', 'info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface InitializationOptions {
  /** `en`, `ko`, ...: the server falls back to English for a language it lacks. */
  readonly locale: string;
  /** Rule id to severity; overrides the workspace's `.topo.json`. */
  readonly rules: Readonly<Record<string, Severity>>;
  /**
   * `topology.yaml.enable`, nested as VS Code hands the section over. The selector below stays
   * topology-only: while it is on, the server itself registers for YAML files (see the README).
   */
  readonly yaml: { readonly enable: boolean };
  /** The commands the hovers' Markdown links may run here; the server adds "Explain" links only then. */
  readonly commandLinks: readonly string[];
}

/** The Explain command (see explain.ts), which the server's hover links run with `[{ entry }]`. */
export const EXPLAIN_COMMAND = 'topology.explain';
export const HOVER_COMMANDS: readonly string[] = [EXPLAIN_COMMAND];

/** The parts of a WorkspaceConfiguration that are read, so tests can pass a plain object. */
export interface Settings {
  get<T>(section: string): T | undefined;
}

export function clientOptions(outputChannel: vscode.LogOutputChannel): LanguageClientOptions {
  const { options, ignored } = initializationOptions(vscode.workspace.getConfiguration('topology'), vscode.env.language);
  for (const entry of ignored) {
    outputChannel.warn(`Ignoring topology.rules entry ${entry}: the severity must be one of ${SEVERITIES.join(', ')}.`);
  }
  return {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    synchronize: {
      // Files that are not open still matter: imports and the rule configuration.
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.topo'),
        vscode.workspace.createFileSystemWatcher('**/.topo.json'),
      ],
      // Pushes workspace/didChangeConfiguration when a topology.* setting changes, so
      // the server re-reads locale and rules without a restart.
      configurationSection: 'topology',
    },
    initializationOptions: options,
    // Hover links may run the Explain command, and nothing else.
    markdown: { isTrusted: { enabledCommands: HOVER_COMMANDS } },
    outputChannel,
  };
}

export function initializationOptions(settings: Settings, uiLanguage: string): { options: InitializationOptions; ignored: string[] } {
  const { rules, ignored } = sanitizeRules(settings.get<unknown>('rules'));
  const yaml = { enable: settings.get<unknown>('yaml.enable') === true };
  return {
    options: { locale: resolveLocale(settings.get<string>('locale'), uiLanguage), rules, yaml, commandLinks: HOVER_COMMANDS },
    ignored,
  };
}

/** `auto` follows the VS Code display language, reduced to its language part (`ko-kr` -> `ko`). */
export function resolveLocale(setting: string | undefined, uiLanguage: string): string {
  const chosen = !setting || setting === 'auto' ? uiLanguage : setting;
  return chosen.split(/[-_]/)[0].toLowerCase() || 'en';
}

/** Keeps the entries whose severity is known; the rest are reported, not sent. */
export function sanitizeRules(value: unknown): { rules: Record<string, Severity>; ignored: string[] } {
  const rules: Record<string, Severity> = {};
  const ignored: string[] = [];
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [id, severity] of Object.entries(value)) {
      if ((SEVERITIES as readonly unknown[]).includes(severity)) {
        rules[id] = severity as Severity;
      } else {
        ignored.push(`"${id}": ${JSON.stringify(severity)}`);
      }
    }
  }
  return { rules, ignored };
}
