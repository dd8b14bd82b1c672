// The `topology.importManifests` command: Kubernetes manifests or a Compose file written out as
// a .topo text by the server (the same text `topo import` prints), opened as a new document.
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './clientOptions';
import type { RequestSender } from './explain';

/** Custom request: params `{ uris, format? }`, result `{ text, warnings, format }`; text null when it cannot tell the format. */
export const IMPORT_REQUEST = 'topology/import';

export type ImportFormat = 'k8s' | 'compose';

export interface ImportAnswer {
  readonly text: string | null;
  readonly warnings: readonly string[];
  readonly format: ImportFormat | null;
}

const FORMATS: readonly (vscode.QuickPickItem & { format: ImportFormat })[] = [
  { label: 'Kubernetes', description: 'manifests: apiVersion and kind', format: 'k8s' },
  { label: 'Compose', description: 'a services map', format: 'compose' },
];

/** Whether a file is YAML by its name, as the server tells it. */
export function isYaml(uri: vscode.Uri): boolean {
  return /\.ya?ml$/i.test(uri.path);
}

/**
 * The files to import: those chosen in the explorer (one or several, files or folders), else
 * the active editor's YAML file, else what the user picks in an open dialog.
 */
export async function chooseFiles(clicked?: vscode.Uri, selected?: readonly vscode.Uri[]): Promise<vscode.Uri[] | undefined> {
  if (selected && selected.length > 0) {
    return [...selected];
  }
  if (clicked) {
    return [clicked];
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && active.scheme === 'file' && isYaml(active)) {
    return [active];
  }
  // Files only: on Windows and Linux a dialog cannot offer files and folders at once. A folder
  // is imported from the explorer's context menu.
  return vscode.window.showOpenDialog({
    canSelectFiles: true,
    canSelectFolders: false,
    canSelectMany: true,
    filters: { YAML: ['yaml', 'yml'] },
    openLabel: 'Import',
    title: 'Import from Kubernetes/Compose',
  });
}

export async function importManifests(client: RequestSender | undefined, log: { warn(line: string): void },
  clicked?: vscode.Uri, selected?: readonly vscode.Uri[]): Promise<void> {
  if (!client) {
    void vscode.window.showWarningMessage('The Topology language server is not running. See "Topology: Show Server Log".');
    return;
  }
  const files = await chooseFiles(clicked instanceof vscode.Uri ? clicked : undefined, selected);
  if (!files || files.length === 0) {
    return;
  }
  const uris = files.map((file) => file.toString());
  let answer: ImportAnswer;
  try {
    answer = await client.sendRequest<ImportAnswer>(IMPORT_REQUEST, { uris });
    if (answer.text === null) {
      // The files do not say which they are (or say both): the user does.
      const picked = await vscode.window.showQuickPick(FORMATS, { placeHolder: 'Import these files as Kubernetes manifests or a Compose file?' });
      if (!picked) {
        return;
      }
      answer = await client.sendRequest<ImportAnswer>(IMPORT_REQUEST, { uris, format: picked.format });
    }
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not import: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  if (answer.text === null) {
    return;
  }
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: answer.text });
  await vscode.window.showTextDocument(document);
  if (answer.warnings.length > 0) {
    answer.warnings.forEach((warning) => log.warn(`import: ${warning}`));
    const more = answer.warnings.length > 1 ? ` (and ${answer.warnings.length - 1} more in the server log)` : '';
    void vscode.window.showWarningMessage(`Imported with problems: ${answer.warnings[0]}${more}`);
  }
}
