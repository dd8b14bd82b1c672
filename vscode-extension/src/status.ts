// The status bar item: the language server's state at a glance (starting, ready, stopped,
// or an error such as a missing Java), the Java it runs on in its tooltip, and a click that
// shows the server log, as rust-analyzer's and Red Hat's Java item do.
import * as vscode from 'vscode';

export type ServerState = 'starting' | 'ready' | 'stopped' | 'error';

const ICONS: Record<ServerState, string> = {
  starting: '$(sync~spin)',
  ready: '$(check)',
  stopped: '$(circle-slash)',
  error: '$(error)',
};

export class ServerStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private java: string | undefined;

  constructor() {
    this.item = vscode.window.createStatusBarItem('topology.server', vscode.StatusBarAlignment.Left);
    this.item.name = 'Topology Language Server';
    this.item.command = 'topology.showServerLog';
  }

  /** The Java the server runs on, for the tooltip ("17.0.15 from PATH"). */
  usingJava(description: string): void {
    this.java = description;
  }

  show(state: ServerState, detail?: string): void {
    this.item.text = `${ICONS[state]} topo`;
    const lines = [`Topology language server: ${state}${detail ? ` (${detail})` : ''}`];
    if (this.java && state !== 'error') {
      lines.push(`Java ${this.java}`);
    }
    lines.push('Click to show its log.');
    this.item.tooltip = lines.join('\n');
    this.item.backgroundColor = state === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
