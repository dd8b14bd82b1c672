// How the bundled server is started: `java [vmargs] <log flags> -jar server/topo.jar lsp`
// over stdio. Only types come from vscode-languageclient, so this stays unit-testable.
import * as path from 'node:path';
import type { Executable } from 'vscode-languageclient/node';

/** Where `npm run package` puts the server jar inside the extension. */
export const SERVER_JAR = path.join('server', 'topo.jar');

// The JVM may print on stdout (a stale class-data-sharing archive, or a user's `-Xlog:gc`,
// which logs to stdout by default), and any stray byte corrupts the protocol stream.
// These come after the user's vmargs so that they win.
const LOG_TO_STDERR = ['-Xlog:disable', '-Xlog:all=warning:stderr'];

/**
 * A class-data archive for this server and this Java: the first start writes it as the JVM
 * exits, later starts map it in and answer `initialize` about 75 ms sooner
 * (docs/performance.md). A stale or broken archive is ignored by the JVM, never fatal.
 */
export interface ClassDataArchive {
  path: string;
  exists: boolean;
}

export function serverExecutable(java: string, extensionPath: string, vmargs: string | undefined,
  archive?: ClassDataArchive): Executable {
  const userArgs = splitVmArgs(vmargs);
  return {
    command: java,
    args: [...userArgs, ...LOG_TO_STDERR, ...archiveArgs(archive, userArgs), '-jar', path.join(extensionPath, SERVER_JAR), 'lsp'],
    // No `transport`: with TransportKind.stdio the client would append `--stdio` to the
    // arguments, which the server's command line does not know. Unset means stdio too.
  };
}

/** The archive's flag, unless the user already chose how the JVM shares classes. */
function archiveArgs(archive: ClassDataArchive | undefined, userArgs: string[]): string[] {
  const userChose = userArgs.some((a) => /^-Xshare|SharedArchiveFile|ArchiveClassesAtExit/.test(a));
  if (!archive || userChose) {
    return [];
  }
  // Writing the archive warns about every old class file it skips (picocli's): not news.
  return [archive.exists ? `-XX:SharedArchiveFile=${archive.path}` : `-XX:ArchiveClassesAtExit=${archive.path}`,
    '-Xlog:cds*=off:stderr'];
}

/**
 * Splits the `topology.server.vmargs` setting like a shell would for the simple cases:
 * whitespace separates arguments, and single or double quotes group text that contains
 * spaces (`-Dtopo.dir="C:\My Files"`). Backslashes are kept as they are, because they are
 * path separators on Windows.
 */
export function splitVmArgs(text: string | undefined): string[] {
  const args: string[] = [];
  let current = '';
  let started = false;
  let quote: string | undefined;
  for (const ch of text ?? '') {
    if (quote) {
      if (ch === quote) {
        quote = undefined;
      } else {
        current += ch;
      }
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      started = true;
    } else if (/\s/.test(ch)) {
      if (started) {
        args.push(current);
        current = '';
        started = false;
      }
    } else {
      current += ch;
      started = true;
    }
  }
  if (started) {
    args.push(current);
  }
  return args;
}
