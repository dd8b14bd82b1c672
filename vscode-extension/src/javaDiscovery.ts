// Finds a Java runtime that can run the language server, the way users expect from Red
// Hat's Java-based extensions: the `topology.java.home` setting, then JAVA_HOME, then
// PATH. Nothing here imports `vscode`: the file system, environment and process runner
// are injected so that every branch is unit-tested without an editor.
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';

export const MIN_JAVA_VERSION = 17;
export const JAVA_HOME_SETTING = 'topology.java.home';

export type JavaSource = 'setting' | 'JAVA_HOME' | 'PATH';

/** Where a Java came from, as messages name it. */
export function describeSource(source: JavaSource): string {
  return source === 'setting' ? `the "${JAVA_HOME_SETTING}" setting` : source;
}

export interface JavaRuntime {
  /** The `java` executable to launch. */
  readonly executable: string;
  /** The version as printed by `java -version`, e.g. `17.0.15` or `1.8.0_292`. */
  readonly version: string;
  /** The feature release: 17 for `17.0.15`, 8 for `1.8.0_292`. */
  readonly major: number;
  readonly source: JavaSource;
}

/** What the user must fix; the message is shown as is. */
export class JavaError extends Error {}

export interface DiscoveryHost {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homedir: string;
  kind(file: string): 'file' | 'directory' | undefined;
  /** The combined stdout and stderr of `<executable> -version`; rejects if it cannot run. */
  versionOutput(executable: string): Promise<string>;
}

export function nodeHost(): DiscoveryHost {
  return {
    platform: process.platform,
    env: process.env,
    homedir: homedir(),
    kind(file) {
      try {
        const stat = statSync(file);
        return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : undefined;
      } catch {
        return undefined;
      }
    },
    versionOutput(executable) {
      return new Promise((resolve, reject) => {
        // `java -version` writes to stderr; a broken or foreign binary must not hang start-up.
        execFile(executable, ['-version'], { timeout: 15_000, windowsHide: true }, (error, stdout, stderr) =>
          error ? reject(error) : resolve(`${stdout}${stderr}`));
      });
    },
  };
}

/** Reads the version from `java -version` output; undefined when there is none. */
export function parseJavaVersion(output: string): { version: string; major: number } | undefined {
  const match = /version "([^"]+)"/.exec(output);
  const parts = match && /^(\d+)(?:\.(\d+))?/.exec(match[1]);
  if (!match || !parts) {
    return undefined;
  }
  // Before Java 9 the feature release was the second number: 1.8.0_292 is Java 8.
  const first = Number(parts[1]);
  const major = first === 1 && parts[2] !== undefined ? Number(parts[2]) : first;
  return { version: match[1], major };
}

/**
 * The setting is the user's explicit choice: when it is set, it alone is used and any
 * problem with it is reported, never papered over by another Java. Otherwise JAVA_HOME
 * and PATH are tried in turn and the first Java recent enough wins.
 */
export async function findJava(setting: string | null | undefined, host: DiscoveryHost = nodeHost()): Promise<JavaRuntime> {
  const configured = setting?.trim();
  if (configured) {
    return checkVersion(executableFromSetting(configured, host), 'setting', host);
  }
  const problems: string[] = [];
  const javaHome = host.env.JAVA_HOME?.trim();
  if (javaHome) {
    const executable = javaInHome(javaHome, host);
    if (executable) {
      try {
        return await checkVersion(executable, 'JAVA_HOME', host);
      } catch (error) {
        problems.push(errorMessage(error));
      }
    } else {
      problems.push(`JAVA_HOME is set to "${javaHome}", but there is no ${binaryName(host)} in its bin folder.`);
    }
  }
  const onPath = javaOnPath(host);
  if (onPath) {
    try {
      return await checkVersion(onPath, 'PATH', host);
    } catch (error) {
      problems.push(errorMessage(error));
    }
  } else {
    problems.push(`No ${binaryName(host)} was found on the PATH.`);
  }
  throw new JavaError(
    `No Java ${MIN_JAVA_VERSION} or newer was found to run the Topology language server. ${problems.join(' ')} ` +
    `Install a JDK ${MIN_JAVA_VERSION}+ and point the "${JAVA_HOME_SETTING}" setting at its folder.`);
}

/** Accepts the JDK folder, its bin folder, or the java executable itself (a frequent mix-up). */
function executableFromSetting(configured: string, host: DiscoveryHost): string {
  const p = pathApi(host);
  // join(..., '.') normalises and drops a trailing separator: `/jdk/` and `/jdk` are one place.
  const value = /^~(?=$|[\\/])/.test(configured) ? p.join(host.homedir, configured.slice(1), '.') : p.join(configured, '.');
  const kind = host.kind(value);
  if (kind === undefined) {
    throw new JavaError(`The "${JAVA_HOME_SETTING}" setting points to "${value}", which does not exist.`);
  }
  if (kind === 'file') {
    if (p.basename(value).toLowerCase() === binaryName(host)) {
      return value;
    }
    throw new JavaError(
      `The "${JAVA_HOME_SETTING}" setting points to the file "${value}", which is not the ${binaryName(host)} launcher. ` +
      'Point it at the JDK folder (the one that contains bin).');
  }
  const executable = javaInHome(value, host) ?? javaInDirectory(value, host);
  if (!executable) {
    throw new JavaError(
      `The "${JAVA_HOME_SETTING}" setting points to "${value}", but neither bin${p.sep}${binaryName(host)} nor ` +
      `${binaryName(host)} is in that folder. Point it at the JDK folder (the one that contains bin).`);
  }
  return executable;
}

async function checkVersion(executable: string, source: JavaSource, host: DiscoveryHost): Promise<JavaRuntime> {
  const origin = describeSource(source);
  let output: string;
  try {
    output = await host.versionOutput(executable);
  } catch (error) {
    throw new JavaError(`Could not run "${executable} -version" (from ${origin}): ${errorMessage(error)}.`);
  }
  const parsed = parseJavaVersion(output);
  if (!parsed) {
    const firstLine = output.trim().split(/\r?\n/)[0] ?? '';
    throw new JavaError(`Could not read the Java version of "${executable}" (from ${origin}); it printed "${firstLine}".`);
  }
  if (parsed.major < MIN_JAVA_VERSION) {
    throw new JavaError(
      `Java ${parsed.version} at "${executable}" (from ${origin}) is too old; ` +
      `the language server needs Java ${MIN_JAVA_VERSION} or newer.`);
  }
  return { executable, version: parsed.version, major: parsed.major, source };
}

function javaInHome(home: string, host: DiscoveryHost): string | undefined {
  return javaInDirectory(pathApi(host).join(home, 'bin'), host);
}

function javaInDirectory(directory: string, host: DiscoveryHost): string | undefined {
  const candidate = pathApi(host).join(directory, binaryName(host));
  return host.kind(candidate) === 'file' ? candidate : undefined;
}

function javaOnPath(host: DiscoveryHost): string | undefined {
  // Windows spells the variable `Path`; entries there may be quoted.
  const value = host.env.PATH ?? host.env.Path ?? '';
  const separator = host.platform === 'win32' ? ';' : ':';
  for (const entry of value.split(separator)) {
    const directory = entry.trim().replace(/^"(.*)"$/, '$1');
    const found = directory ? javaInDirectory(directory, host) : undefined;
    if (found) {
      return found;
    }
  }
  return undefined;
}

function binaryName(host: DiscoveryHost): string {
  return host.platform === 'win32' ? 'java.exe' : 'java';
}

function pathApi(host: DiscoveryHost): path.PlatformPath {
  return host.platform === 'win32' ? path.win32 : path.posix;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
