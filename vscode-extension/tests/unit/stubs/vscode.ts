// A stand-in for the `vscode` module, which only exists inside the editor. The unit tests
// are bundled with `vscode` aliased to this file (scripts/build-tests.mjs). It provides
// just what the client's code touches and records every call for the assertions.

export interface Call {
  readonly method: string;
  readonly args: unknown[];
}

export const calls: Call[] = [];
/** Settings by full key, e.g. `topology.java.home`. */
export const settings = new Map<string, unknown>();
/** The scope each setting's value comes from, when not the user's: "workspace" or "workspaceFolder". */
export const settingScopes = new Map<string, 'workspace' | 'workspaceFolder'>();
/** The button the "user" clicks in the next notifications, by message kind. */
export const replies: { error?: string | Promise<string | undefined>; information?: string; warning?: string } = {};
export const commandHandlers = new Map<string, (...args: unknown[]) => unknown>();
/** Where the "user" saves in the next save dialog (undefined: cancels it). */
export const saveDialog: { answer?: Uri } = {};
/** The listeners registered on each event, by its name (`workspace.onDidChangeTextDocument`...). */
export const listeners = new Map<string, ((event: unknown) => void)[]>();
/** What the "user" picks in the next open dialog (undefined: cancels it). */
export const openDialog: { answer?: Uri[] } = {};
/** The label of the item the "user" picks in the next quick pick (undefined: cancels it). */
export const quickPick: { answer?: string } = {};
/** The files `workspace.findFiles` finds (the workspace's topology files, say). */
export const workspaceFiles: Uri[] = [];
/** The webview panels created, oldest first. */
export const panels: FakeWebviewPanel[] = [];
/** What `languages.getDiagnostics` answers, by document URI. */
export const diagnostics = new Map<string, unknown[]>();
/** The editors that showTextDocument opened, oldest first. */
export const shownEditors: ReturnType<typeof fakeEditor>[] = [];

export function reset(): void {
  calls.length = 0;
  settings.clear();
  commandHandlers.clear();
  listeners.clear();
  panels.length = 0;
  shownEditors.length = 0;
  settingScopes.clear();
  diagnostics.clear();
  statusBarItems.length = 0;
  delete replies.error;
  delete replies.information;
  delete replies.warning;
  delete saveDialog.answer;
  delete openDialog.answer;
  delete quickPick.answer;
  workspaceFiles.length = 0;
  workspaceFiles.push(Uri.file('/ws/shop.topo'));
  workspace.textDocuments = [];
  window.activeTextEditor = undefined;
  window.visibleTextEditors = [];
  env.language = 'en';
}

/** Calls the listeners of an event, as the editor would. */
export function fire(event: string, value: unknown): void {
  for (const listener of listeners.get(event) ?? []) {
    listener(value);
  }
}

function listen(event: string) {
  return (listener: (value: never) => void): Disposable => {
    const list = listeners.get(event) ?? [];
    list.push(listener as (value: unknown) => void);
    listeners.set(event, list);
    return new Disposable(() => list.splice(list.indexOf(listener as (value: unknown) => void), 1));
  };
}

export function callsTo(method: string): unknown[][] {
  return calls.filter((call) => call.method === method).map((call) => call.args);
}

function record(method: string, ...args: unknown[]): void {
  calls.push({ method, args });
}

export class Disposable {
  constructor(private readonly onDispose: () => void = () => undefined) {}
  dispose(): void {
    this.onDispose();
  }
}

/** Fires to its listeners synchronously, as VS Code's does. */
export class EventEmitter<T> {
  private readonly listeners: ((value: T) => void)[] = [];
  readonly event = (listener: (value: T) => void): Disposable => {
    this.listeners.push(listener);
    return new Disposable(() => this.listeners.splice(this.listeners.indexOf(listener), 1));
  };
  fire(value: T): void {
    this.listeners.forEach((listener) => listener(value));
  }
  dispose(): void {
    this.listeners.length = 0;
  }
}

export class FakeLogChannel {
  readonly lines: string[] = [];
  constructor(readonly name: string) {}
  info(line: string): void { this.lines.push(`info ${line}`); }
  warn(line: string): void { this.lines.push(`warn ${line}`); }
  error(line: string): void { this.lines.push(`error ${line}`); }
  appendLine(line: string): void { this.lines.push(line); }
  show(): void { record('outputChannel.show', this.name); }
  dispose(): void {}
}

export class Uri {
  private constructor(readonly scheme: string, readonly authority: string, readonly path: string) {}
  static parse(value: string): Uri {
    const [, scheme, authority, path] = /^([^:]*):(?:\/\/([^/]*))?(.*)$/.exec(value)!;
    return new Uri(scheme, authority ?? '', decodeURIComponent(path));
  }
  static file(path: string): Uri {
    return new Uri('file', '', path);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return base.with({ path: [base.path, ...parts].join('/') });
  }
  with(change: { path?: string }): Uri {
    return new Uri(this.scheme, this.authority, change.path ?? this.path);
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.authority}${this.path}`;
  }
}

export class Position {
  constructor(readonly line: number, readonly character: number) {}
}

export class Range {
  constructor(readonly start: Position, readonly end: Position) {}
}

export class Selection extends Range {
  constructor(readonly anchor: Position, readonly active: Position) {
    super(anchor, active);
  }
}

export enum StatusBarAlignment { Left = 1, Right = 2 }

export class ThemeColor {
  constructor(readonly id: string) {}
}

/** The status bar items the extension made, as it last set them. */
export const statusBarItems: FakeStatusBarItem[] = [];

export class FakeStatusBarItem {
  name = '';
  text = '';
  tooltip: string | undefined;
  command: string | undefined;
  backgroundColor: ThemeColor | undefined;
  visible = false;
  constructor(readonly id: string, readonly alignment: StatusBarAlignment) {}
  show(): void {
    this.visible = true;
  }
  dispose(): void {
    this.visible = false;
  }
}

export enum ViewColumn { Active = -1, Beside = -2, One = 1, Two = 2 }
export enum TextEditorRevealType { Default = 0, InCenter = 1, InCenterIfOutsideViewport = 2, AtTop = 3 }

export class CancellationTokenSource {
  readonly token = { isCancellationRequested: false };
  cancel(): void {
    this.token.isCancellationRequested = true;
  }
  dispose(): void {}
}

/** A text editor on a document: its URI, language and cursor. */
export function fakeEditor(uri: string, languageId = 'topology', line = 0, character = 0, viewColumn = ViewColumn.One) {
  const document = { uri: Uri.parse(uri), languageId };
  const position = new Position(line, character);
  return {
    document,
    viewColumn,
    selection: new Selection(position, position),
    revealRange(range: Range, type: TextEditorRevealType) {
      record('editor.revealRange', range, type);
    },
  };
}

export class FakeWebviewPanel {
  readonly posted: unknown[] = [];
  disposed = false;
  visible = true;
  revealedIn: unknown;
  private readonly received: ((message: unknown) => void)[] = [];
  private readonly onDispose: (() => void)[] = [];
  readonly webview = {
    html: '',
    cspSource: 'https://webview.test',
    asWebviewUri: (uri: Uri) => Uri.parse(`https://webview.test${uri.path}`),
    postMessage: (message: unknown) => {
      this.posted.push(message);
      return Promise.resolve(true);
    },
    onDidReceiveMessage: (listener: (message: unknown) => void) => {
      this.received.push(listener);
      return new Disposable();
    },
  };

  constructor(readonly viewType: string, public title: string, readonly showOptions: unknown, readonly options: unknown) {}

  /** A message from the page's script. */
  receive(message: unknown): void {
    this.received.forEach((listener) => listener(message));
  }
  onDidDispose(listener: () => void): Disposable {
    this.onDispose.push(listener);
    return new Disposable();
  }
  reveal(column: unknown): void {
    this.revealedIn = column;
  }
  dispose(): void {
    this.disposed = true;
    this.onDispose.forEach((listener) => listener());
  }
}

export const window = {
  activeTextEditor: undefined as unknown,
  visibleTextEditors: [] as unknown[],
  createWebviewPanel(viewType: string, title: string, showOptions: unknown, options: unknown): FakeWebviewPanel {
    const panel = new FakeWebviewPanel(viewType, title, showOptions, options);
    panels.push(panel);
    return panel;
  },
  showTextDocument(document: { uri: Uri }, options: unknown) {
    record('window.showTextDocument', document.uri.toString(), options);
    const editor = fakeEditor(document.uri.toString());
    shownEditors.push(editor);
    return Promise.resolve(editor);
  },
  showOpenDialog(options: unknown): Promise<Uri[] | undefined> {
    record('window.showOpenDialog', options);
    return Promise.resolve(openDialog.answer);
  },
  showQuickPick<T extends { label: string }>(items: readonly T[], options: unknown): Promise<T | undefined> {
    record('window.showQuickPick', items.map((item) => item.label), options);
    return Promise.resolve(items.find((item) => item.label === quickPick.answer));
  },
  showSaveDialog(options: unknown): Promise<Uri | undefined> {
    record('window.showSaveDialog', options);
    return Promise.resolve(saveDialog.answer);
  },
  onDidChangeTextEditorSelection: listen('window.onDidChangeTextEditorSelection'),
  onDidChangeActiveTextEditor: listen('window.onDidChangeActiveTextEditor'),
  createStatusBarItem(id: string, alignment: StatusBarAlignment): FakeStatusBarItem {
    const item = new FakeStatusBarItem(id, alignment);
    statusBarItems.push(item);
    return item;
  },
  createOutputChannel(name: string, options?: unknown): FakeLogChannel {
    record('window.createOutputChannel', name, options);
    return new FakeLogChannel(name);
  },
  showErrorMessage(message: string, ...items: string[]): Promise<string | undefined> {
    record('window.showErrorMessage', message, ...items);
    return Promise.resolve(replies.error);
  },
  showWarningMessage(message: string, ...items: string[]): Promise<string | undefined> {
    record('window.showWarningMessage', message, ...items);
    return Promise.resolve(replies.warning);
  },
  showInformationMessage(message: string, ...items: string[]): Promise<string | undefined> {
    record('window.showInformationMessage', message, ...items);
    return Promise.resolve(replies.information);
  },
};

export const workspace = {
  textDocuments: [] as { languageId: string }[],
  findFiles(include: string, exclude: string, maxResults: number): Promise<Uri[]> {
    record('workspace.findFiles', include, exclude, maxResults);
    return Promise.resolve(workspaceFiles.slice(0, maxResults));
  },
  onDidOpenTextDocument: listen('workspace.onDidOpenTextDocument'),
  getConfiguration(section?: string) {
    const name = (key: string) => (section ? `${section}.${key}` : key);
    return {
      get<T>(key: string, defaultValue?: T): T | undefined {
        const value = settings.get(name(key));
        return value === undefined ? defaultValue : (value as T);
      },
      inspect(key: string) {
        const value = settings.get(name(key));
        const scope = settingScopes.get(name(key)) ?? 'global';
        return { key: name(key), [`${scope}Value`]: value };
      },
    };
  },
  createFileSystemWatcher(glob: string) {
    return { glob, dispose() {} };
  },
  openTextDocument(options: { language: string; content: string } | Uri) {
    if (options instanceof Uri) {
      record('workspace.openTextDocument', options.toString());
      return Promise.resolve({ uri: options, languageId: 'topology' });
    }
    record('workspace.openTextDocument', options);
    return Promise.resolve({ ...options, uri: { toString: () => 'untitled:Untitled-1' } });
  },
  onDidChangeTextDocument: listen('workspace.onDidChangeTextDocument'),
  registerTextDocumentContentProvider(scheme: string, provider: unknown): Disposable {
    record('workspace.registerTextDocumentContentProvider', scheme, provider);
    return new Disposable();
  },
  fs: {
    writeFile(uri: Uri, content: Uint8Array): Promise<void> {
      record('workspace.fs.writeFile', uri.toString(), new TextDecoder().decode(content));
      return Promise.resolve();
    },
  },
  onDidChangeConfiguration(_listener: unknown) {
    return new Disposable();
  },
};

export const languages = {
  onDidChangeDiagnostics: listen('languages.onDidChangeDiagnostics'),
  getDiagnostics(uri: { toString(): string }): unknown[] {
    return diagnostics.get(uri.toString()) ?? [];
  },
};

export const commands = {
  registerCommand(id: string, handler: (...args: unknown[]) => unknown): Disposable {
    commandHandlers.set(id, handler);
    return new Disposable(() => commandHandlers.delete(id));
  },
  executeCommand(id: string, ...args: unknown[]): Promise<unknown> {
    record('commands.executeCommand', id, ...args);
    return Promise.resolve(commandHandlers.get(id)?.(...args));
  },
};

export const env = { language: 'en' };
