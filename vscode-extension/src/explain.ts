// The `topology.explain` command: asks the server for the knowledge-base entry of the
// finding or keyword under the cursor and shows it as rendered Markdown.
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './clientOptions';

/** Custom request: params `{ textDocument: { uri }, position }`, result `{ markdown } | null`. */
export const EXPLAIN_REQUEST = 'topology/explain';

export interface ExplainResult {
  readonly markdown: string;
}

/** The one thing needed from the LanguageClient, so tests can pass a fake. */
export interface RequestSender {
  sendRequest<R>(method: string, params: unknown): Promise<R>;
}

export async function explainAtCursor(client: RequestSender | undefined): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== LANGUAGE_ID) {
    void vscode.window.showInformationMessage('Put the cursor on a finding or keyword in a .topo file to explain it.');
    return;
  }
  if (!client) {
    void vscode.window.showWarningMessage('The Topology language server is not running. See "Topology: Show Server Log".');
    return;
  }
  const { line, character } = editor.selection.active;
  let result: ExplainResult | null;
  try {
    result = await client.sendRequest<ExplainResult | null>(EXPLAIN_REQUEST, {
      textDocument: { uri: editor.document.uri.toString() },
      position: { line, character }, // VS Code and LSP both count UTF-16 code units
    });
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not get an explanation: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  if (!result?.markdown) {
    void vscode.window.showInformationMessage('There is no finding or keyword to explain at the cursor.');
    return;
  }
  // An untitled document needs no file on disk; the preview renders it like any Markdown file.
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
  await vscode.commands.executeCommand('markdown.showPreviewToSide', document.uri);
}
