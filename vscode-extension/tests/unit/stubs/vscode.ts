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
/** The button the "user" clicks in the next notifications, by message kind. */
export const replies: { error?: string; information?: string; warning?: string } = {};
export const commandHandlers = new Map<string, (...args: unknown[]) => unknown>();

export function reset(): void {
  calls.length = 0;
  settings.clear();
  commandHandlers.clear();
  delete replies.error;
  delete replies.information;
  delete replies.warning;
  window.activeTextEditor = undefined;
  env.language = 'en';
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

export const window = {
  activeTextEditor: undefined as unknown,
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
  getConfiguration(section: string) {
    return {
      get<T>(key: string, defaultValue?: T): T | undefined {
        const value = settings.get(`${section}.${key}`);
        return value === undefined ? defaultValue : (value as T);
      },
    };
  },
  createFileSystemWatcher(glob: string) {
    return { glob, dispose() {} };
  },
  openTextDocument(options: { language: string; content: string }) {
    record('workspace.openTextDocument', options);
    return Promise.resolve({ ...options, uri: { toString: () => 'untitled:Untitled-1' } });
  },
  onDidChangeConfiguration(_listener: unknown) {
    return new Disposable();
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
