// "Topology: Show Diagram": a webview beside the editor that shows the server's picture of a
// document's program (`topology/diagram`), redrawn shortly after each edit of any of the
// program's documents, with the box under the editor's cursor highlighted and a click on a
// box revealing its source. The page itself is media/diagram.js (src/webview/).
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './clientOptions';
import { diagramHtml } from './diagramHtml';
import { boxAt, DIAGRAM_REQUEST, DiagramAnswer, DiagramParams, LspRange, notice } from './diagramModel';
import { FromWebview, fromWebview, ToWebview } from './webview/messages';
import { Drawing, nextDrawing } from './webview/svgParts';

export const DIAGRAM_VIEW_TYPE = 'topology.diagram';
/**
 * After the last edit: long enough to take the changes of one gesture (a paste, an edit at
 * several cursors, a closing bracket typed for you) as one redraw, short enough that the
 * picture keeps up with typing. A request still under way is cancelled by the next, and a
 * picture that did not change costs the page two frames, so redrawing often is cheap.
 */
export const REDRAW_DELAY_MS = 25;
const NOT_RUNNING = 'The Topology language server is not running. See "Topology: Show Server Log".';

/** The one thing needed from the LanguageClient, so tests can pass a fake. */
export interface DiagramClient {
  sendRequest<R>(method: string, params: unknown, token?: vscode.CancellationToken): Promise<R>;
}

/** The client of the moment: a restart replaces it. */
export type ClientSource = () => DiagramClient | undefined;

/** The same document, however each side spells its URI (`c%3A` or `c:`, say). */
export function sameDocument(a: string, b: string): boolean {
  return a === b || vscode.Uri.parse(a).toString() === vscode.Uri.parse(b).toString();
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The topology editor the command applies to, or undefined after telling the user why there is none. */
function topologyEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== LANGUAGE_ID) {
    void vscode.window.showInformationMessage('Open a .topo file to draw its diagram.');
    return undefined;
  }
  return editor;
}

export class DiagramPanel {
  private static current: DiagramPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private answer: DiagramAnswer | undefined;
  private pending: vscode.CancellationTokenSource | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts requests, so that a late answer to an old one is dropped. */
  private asked = 0;
  /** The document of the picture the page shows last, to tell it when it gets another's. */
  private shownUri: string | undefined;
  /** The picture the page shows, if any: a redraw sends it only what changed. */
  private drawing: Drawing | undefined;
  /** An edit came while the panel was hidden: the page asks for the picture when shown again. */
  private stale = false;

  /** Opens the panel beside the editor for the active topology document, or points the open one at it. */
  static show(extensionUri: vscode.Uri, client: ClientSource): DiagramPanel | undefined {
    const editor = topologyEditor();
    if (!editor) {
      return undefined;
    }
    if (DiagramPanel.current) {
      DiagramPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
      DiagramPanel.current.follow(editor.document);
      return DiagramPanel.current;
    }
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(DIAGRAM_VIEW_TYPE, 'Diagram', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [media],
      // The page keeps its pan and zoom in its state and asks for the picture again when shown.
      retainContextWhenHidden: false,
    });
    panel.webview.html = diagramHtml({
      cspSource: panel.webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'diagram.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'diagram.css')).toString(),
    });
    DiagramPanel.current = new DiagramPanel(panel, editor.document, editor.viewColumn ?? vscode.ViewColumn.One, client);
    return DiagramPanel.current;
  }

  /** The panel showing now, if any (for the Export command and the tests). */
  static get shown(): DiagramPanel | undefined {
    return DiagramPanel.current;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private document: vscode.TextDocument,
    /** Where sources are revealed: the column of the editor the panel was opened from. */
    private readonly editorColumn: vscode.ViewColumn,
    private readonly client: ClientSource,
  ) {
    this.setTitle();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(fromWebview(message))),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && this.drawsFrom(event.document.uri.toString())) {
          if (panel.visible) {
            this.scheduleRedraw();
          } else {
            this.stale = true;
          }
        }
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => this.highlight(event.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.languageId === LANGUAGE_ID) {
          this.follow(editor.document);
        }
      }),
    );
    this.redraw();
  }

  /** The document whose program is drawn. */
  get documentUri(): vscode.Uri {
    return this.document.uri;
  }

  private setTitle(): void {
    const name = this.document.uri.path.split('/').pop() ?? 'topology';
    this.panel.title = `Diagram: ${name}`;
  }

  /** Whether an edit of this document changes the picture: it is the drawn one or one of its program's. */
  private drawsFrom(uri: string): boolean {
    const files = this.answer?.files ?? [];
    return sameDocument(uri, this.document.uri.toString()) || files.some((file) => sameDocument(file, uri));
  }

  /** Another topology editor became active: draw its program, unless it is already drawn (an imported file). */
  private follow(document: vscode.TextDocument): void {
    if (this.drawsFrom(document.uri.toString())) {
      return;
    }
    this.document = document;
    this.setTitle();
    this.answer = undefined;
    this.redraw();
  }

  private scheduleRedraw(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.redraw(), REDRAW_DELAY_MS);
  }

  /** Asks for the picture of the document's program now, cancelling a request still under way. */
  redraw(): Promise<void> {
    clearTimeout(this.timer);
    this.stale = false;
    this.pending?.cancel();
    const client = this.client();
    if (!client) {
      this.post({ type: 'message', text: NOT_RUNNING });
      return Promise.resolve();
    }
    const pending = new vscode.CancellationTokenSource();
    this.pending = pending;
    const asked = ++this.asked;
    this.post({ type: 'busy' });
    const params: DiagramParams = { uri: this.document.uri.toString() };
    return client.sendRequest<DiagramAnswer | null>(DIAGRAM_REQUEST, params, pending.token).then(
      (answer) => {
        if (asked !== this.asked) {
          return; // a newer request is under way
        }
        this.answer = answer ?? undefined;
        if (!answer) {
          this.post({ type: 'message', text: 'The server could not read this document.' });
          return;
        }
        this.postDiagram();
      },
      (error: unknown) => {
        if (asked === this.asked && !pending.token.isCancellationRequested) {
          this.post({ type: 'message', text: `Could not draw the diagram: ${errorText(error)}` });
        }
      },
    ).finally(() => pending.dispose());
  }

  /**
   * Sends the answer's picture: whole the first time, for another document or when most of it
   * changed, else only its changed parts (none when it is the same), so that a redraw after an
   * edit costs the page what the edit changed.
   */
  private postDiagram(): void {
    if (this.answer) {
      const uri = this.document.uri.toString();
      const fresh = this.shownUri !== undefined && this.shownUri !== uri;
      this.shownUri = uri;
      const { drawing, patch } = nextDrawing(fresh ? undefined : this.drawing, this.answer.svg);
      this.drawing = drawing;
      const about = { notice: notice(this.answer.diagram), selected: this.selectedId() };
      this.post(patch ? { type: 'patch', ...patch, ...about } : { type: 'diagram', svg: drawing.svg, ...about, fresh });
    }
  }

  /** The innermost box that holds the cursor of the active editor, if it shows a document of the program. */
  private selectedId(editor: vscode.TextEditor | undefined = vscode.window.activeTextEditor): string | undefined {
    if (!editor || !this.answer) {
      return undefined;
    }
    return boxAt(this.answer.diagram.boxes, editor.document.uri.toString(), editor.selection.active, sameDocument)?.id;
  }

  private highlight(editor: vscode.TextEditor): void {
    if (this.answer && editor.document.languageId === LANGUAGE_ID && this.drawsFrom(editor.document.uri.toString())) {
      this.post({ type: 'select', id: this.selectedId(editor) });
    }
  }

  private receive(message: FromWebview | undefined): void {
    switch (message?.type) {
      case 'ready':
        // A page shown again after being hidden has lost its picture, not its view.
        this.drawing = undefined;
        if (this.answer && !this.stale) {
          this.postDiagram();
        } else {
          void this.redraw();
        }
        break;
      case 'reveal':
        void this.reveal(message.uri, message.range);
        break;
      case 'export':
        void exportDiagram(this.client, this.document.uri);
        break;
    }
  }

  /** Opens the box's document in the editor's column with its block selected and the cursor at its start. */
  private async reveal(uri: string, range: LspRange): Promise<void> {
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      const visible = vscode.window.visibleTextEditors.find((e) => sameDocument(e.document.uri.toString(), uri));
      const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? this.editorColumn });
      const start = new vscode.Position(range.start.line, range.start.character);
      const end = new vscode.Position(range.end.line, range.end.character);
      editor.selection = new vscode.Selection(end, start);
      editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not open ${uri}: ${errorText(error)}`);
    }
  }

  private post(message: ToWebview): void {
    if (message.type === 'message') {
      this.drawing = undefined; // the page drops its picture to say why there is none
    }
    void this.panel.webview.postMessage(message);
  }

  private dispose(): void {
    if (DiagramPanel.current === this) {
      DiagramPanel.current = undefined;
    }
    clearTimeout(this.timer);
    this.pending?.cancel();
    this.disposables.forEach((d) => d.dispose());
  }
}

/** The command: the diagram of the active topology document beside it. */
export function showDiagram(extensionUri: vscode.Uri, client: ClientSource): void {
  DiagramPanel.show(extensionUri, client);
}

/**
 * Saves the standalone SVG (with its own style sheet, light or dark as the viewer prefers) of
 * a document's program, where the user chooses: the diagram's document by default, else the
 * active topology editor's.
 */
export async function exportDiagram(client: ClientSource, uri?: vscode.Uri): Promise<void> {
  const source = uri ?? DiagramPanel.shown?.documentUri ?? topologyEditor()?.document.uri;
  if (!source) {
    return;
  }
  const running = client();
  if (!running) {
    void vscode.window.showWarningMessage(NOT_RUNNING);
    return;
  }
  let answer: DiagramAnswer | null;
  try {
    answer = await running.sendRequest<DiagramAnswer | null>(DIAGRAM_REQUEST, { uri: source.toString(), standalone: true } satisfies DiagramParams);
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not draw the diagram: ${errorText(error)}`);
    return;
  }
  if (!answer) {
    void vscode.window.showErrorMessage('The server could not read this document.');
    return;
  }
  const target = await vscode.window.showSaveDialog({
    defaultUri: source.with({ path: source.path.replace(/(\.topo)?$/, '.svg') }),
    filters: { SVG: ['svg'] },
    saveLabel: 'Export Diagram',
  });
  if (!target) {
    return;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(answer.svg));
  void vscode.window.showInformationMessage(`Saved the diagram to ${target.scheme === 'file' ? target.fsPath : target.toString()}.`);
}
