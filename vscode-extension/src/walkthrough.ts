// What the Get Started walkthrough needs beyond package.json: a sample to open, and context
// keys that complete its steps on what really happened. (VS Code's own `editorLangId` belongs
// to each editor, not to the window, so the walkthrough cannot wait on it.)
//
// The keys are pulses, true for a moment: VS Code completes a step when its key becomes true,
// but when the key is already true as it registers the walkthrough (which it may do late, when
// the walkthrough is first opened) it records the event as seen and never completes the step
// in that session. A key that stayed true after the first .topo file would do exactly that.
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './clientOptions';

export const OPEN_SAMPLE_COMMAND = 'topology.openSample';
/** Pulses when a topology document becomes the active editor's: the walkthrough's first step. */
export const OPENED_CONTEXT = 'topology.walkthrough.openedTopology';
/** Pulses when an open topology document has fewer findings than before: the walkthrough's fix step. */
export const FIXED_FINDING_CONTEXT = 'topology.walkthrough.fixedFinding';
/** How long a pulse stays true: long enough for the workbench to see the change. */
export const PULSE_MS = 1000;

/** Sets a context key true, then false again after {@link PULSE_MS}. */
function pulse(key: string): void {
  void vscode.commands.executeCommand('setContext', key, true);
  setTimeout(() => void vscode.commands.executeCommand('setContext', key, false), PULSE_MS);
}

/**
 * Opens the bundled sample as an unsaved topology document, so nothing is written to the
 * workspace, beside the walkthrough, with the cursor on its one finding.
 */
export async function openSample(samplePath: string): Promise<void> {
  const content = readFileSync(samplePath, 'utf8');
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  const lines = content.split('\n');
  const line = lines.findIndex((text) => /^\s+os linux/.test(text));
  const character = Math.max(0, lines[line]?.search(/\S/) ?? 0);
  const at = new vscode.Position(Math.max(0, line), character);
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, selection: new vscode.Range(at, at) });
}

/** Pulses {@link OPENED_CONTEXT} when a topology document is, or becomes, the active editor's. */
export function watchOpenedTopology(): vscode.Disposable {
  const check = (editor: vscode.TextEditor | undefined) => {
    if (editor?.document.languageId === LANGUAGE_ID) {
      pulse(OPENED_CONTEXT);
    }
  };
  check(vscode.window.activeTextEditor);
  return vscode.window.onDidChangeActiveTextEditor(check);
}

/**
 * Pulses {@link FIXED_FINDING_CONTEXT} when an open topology document's findings drop in number
 * (a quick fix applied, or a finding fixed by hand). Documents being closed are left out: the
 * server clears their findings without anything having been fixed.
 */
export function watchFixedFindings(): vscode.Disposable {
  const counts = new Map<string, number>();
  return vscode.languages.onDidChangeDiagnostics((event) => {
    for (const uri of event.uris) {
      const key = uri.toString();
      const open = vscode.workspace.textDocuments.some((d) => d.languageId === LANGUAGE_ID && d.uri.toString() === key);
      if (!open) {
        counts.delete(key);
        continue;
      }
      const count = vscode.languages.getDiagnostics(uri).length;
      const before = counts.get(key);
      counts.set(key, count);
      if (before !== undefined && count < before) {
        pulse(FIXED_FINDING_CONTEXT);
      }
    }
  });
}
