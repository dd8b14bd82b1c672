// The `topology.explain` command: asks the server for a knowledge-base entry (of the finding
// or keyword under the cursor, or the one a hover's link names) and shows it as rendered
// Markdown, in one preview that each explanation replaces.
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './clientOptions';

/**
 * Custom request: params `{ textDocument: { uri }, position }` or `{ entry }`, result
 * `{ markdown } | null`.
 */
export const EXPLAIN_REQUEST = 'topology/explain';

/** The scheme of the read-only document the preview shows: not an untitled one, so nothing asks to be saved. */
export const EXPLAIN_SCHEME = 'topology-explain';

export interface ExplainResult {
  readonly markdown: string;
}

/** The one thing needed from the LanguageClient, so tests can pass a fake. */
export interface RequestSender {
  sendRequest<R>(method: string, params: unknown): Promise<R>;
}

/** What a hover's link asks for: an entry by id (a rule or a concept). */
export interface ExplainTarget {
  readonly entry?: unknown;
}

/** The last explanation, served as one read-only Markdown document whose preview follows it. */
export class Explanations implements vscode.TextDocumentContentProvider {
  readonly uri = vscode.Uri.parse(`${EXPLAIN_SCHEME}:/Explanation.md`);
  private markdown = '';
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(): string {
    return this.markdown;
  }

  show(markdown: string): void {
    this.markdown = markdown;
    this.changed.fire(this.uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export async function explain(client: RequestSender | undefined, explanations: Explanations, target?: ExplainTarget): Promise<void> {
  const params = typeof target?.entry === 'string' ? { entry: target.entry } : cursor();
  if (!params) {
    void vscode.window.showInformationMessage('Put the cursor on a finding or keyword in a .topo file to explain it.');
    return;
  }
  if (!client) {
    void vscode.window.showWarningMessage('The Topology language server is not running. See "Topology: Show Server Log".');
    return;
  }
  let result: ExplainResult | null;
  try {
    result = await client.sendRequest<ExplainResult | null>(EXPLAIN_REQUEST, params);
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not get an explanation: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  if (!result?.markdown) {
    void vscode.window.showInformationMessage('There is no finding or keyword to explain at the cursor.');
    return;
  }
  explanations.show(result.markdown);
  // Loaded as a text document first (through the provider; no editor, nothing to save): a
  // preview of a resource that is not open reads it as a file, which this scheme is not,
  // and shows a blank page.
  await vscode.workspace.openTextDocument(explanations.uri);
  await vscode.commands.executeCommand('markdown.showPreviewToSide', explanations.uri);
}

/** The request's params for the cursor of the active topology editor, if there is one. */
function cursor(): { textDocument: { uri: string }; position: { line: number; character: number } } | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== LANGUAGE_ID) {
    return undefined;
  }
  const { line, character } = editor.selection.active;
  // VS Code and LSP both count UTF-16 code units.
  return { textDocument: { uri: editor.document.uri.toString() }, position: { line, character } };
}
