// A stand-in for `vscode-languageclient/node` in the activation tests: the real one needs
// a running editor. It records how the extension constructs, starts and stops clients.

export const clients: LanguageClient[] = [];

export class LanguageClient {
  state: 'new' | 'started' | 'disposed' = 'new';
  static failStart: Error | undefined;

  constructor(
    readonly id: string,
    readonly name: string,
    readonly serverOptions: { command: string; args: string[] },
    readonly clientOptions: Record<string, unknown>,
  ) {
    clients.push(this);
  }

  start(): Promise<void> {
    if (LanguageClient.failStart) {
      return Promise.reject(LanguageClient.failStart);
    }
    this.state = 'started';
    return Promise.resolve();
  }

  dispose(): Promise<void> {
    this.state = 'disposed';
    return Promise.resolve();
  }

  sendRequest(): Promise<unknown> {
    return Promise.resolve(null);
  }
}
