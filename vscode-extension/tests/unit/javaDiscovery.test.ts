import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DiscoveryHost, findJava, JavaError, nodeHost, parseJavaVersion } from '../../src/javaDiscovery';

const JAVA_17 = 'openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment Temurin-17.0.15+6 (build 17.0.15+6)\n';
const JAVA_21 = 'openjdk version "21" 2023-09-19\nOpenJDK Runtime Environment (build 21+35-2513)\n';
const JAVA_8 = 'java version "1.8.0_292"\nJava(TM) SE Runtime Environment (build 1.8.0_292-b10)\n';

/** A fake machine: `files` maps paths to what `java -version` prints there (or an Error). */
function host(options: {
  platform?: NodeJS.Platform;
  env?: Record<string, string>;
  files?: Record<string, string | Error>;
  directories?: string[];
}): DiscoveryHost & { ran: string[] } {
  const files = options.files ?? {};
  const directories = new Set(options.directories ?? []);
  const ran: string[] = [];
  return {
    ran,
    platform: options.platform ?? 'linux',
    env: options.env ?? {},
    homedir: '/home/ada',
    kind: (file) => (file in files ? 'file' : directories.has(file) ? 'directory' : undefined),
    versionOutput(executable) {
      ran.push(executable);
      const output = files[executable];
      return output instanceof Error ? Promise.reject(output) : Promise.resolve(output ?? '');
    },
  };
}

async function rejects(promise: Promise<unknown>, ...fragments: string[]): Promise<string> {
  const error = await promise.then(() => assert.fail('expected a JavaError'), (e: unknown) => e);
  assert.ok(error instanceof JavaError, `not a JavaError: ${String(error)}`);
  for (const fragment of fragments) {
    assert.ok(error.message.includes(fragment), `"${error.message}" lacks "${fragment}"`);
  }
  return error.message;
}

describe('parseJavaVersion', () => {
  const cases: [string, string, number][] = [
    [JAVA_17, '17.0.15', 17],
    [JAVA_8, '1.8.0_292', 8],
    [JAVA_21, '21', 21],
    ['openjdk version "25.0.1" 2025-10-21 LTS', '25.0.1', 25],
    ['openjdk version "17-ea" 2021-09-14', '17-ea', 17],
    ['java version "1.7.0_80"', '1.7.0_80', 7],
    ['Picked up JAVA_TOOL_OPTIONS: -Dfile.encoding=UTF-8\nopenjdk version "11.0.2" 2019-01-15', '11.0.2', 11],
  ];
  for (const [output, version, major] of cases) {
    it(`reads ${version} as Java ${major}`, () => {
      assert.deepEqual(parseJavaVersion(output), { version, major });
    });
  }
  it('gives undefined for output without a version', () => {
    assert.equal(parseJavaVersion('Error: could not find libjava.so'), undefined);
    assert.equal(parseJavaVersion('openjdk version "abc"'), undefined);
  });
});

describe('findJava with the topology.java.home setting', () => {
  const files = { '/jdk17/bin/java': JAVA_17 };
  const directories = ['/jdk17', '/jdk17/bin'];

  for (const setting of ['/jdk17', '/jdk17/', '/jdk17/bin', '/jdk17/bin/java', '  /jdk17  ']) {
    it(`accepts "${setting}"`, async () => {
      const java = await findJava(setting, host({ files, directories }));
      assert.deepEqual(java, { executable: '/jdk17/bin/java', version: '17.0.15', major: 17, source: 'setting' });
    });
  }

  it('accepts the Windows JDK folder, its bin folder and java.exe', async () => {
    const windows = host({
      platform: 'win32',
      files: { 'C:\\Program Files\\Java\\jdk-21\\bin\\java.exe': JAVA_21 },
      directories: ['C:\\Program Files\\Java\\jdk-21', 'C:\\Program Files\\Java\\jdk-21\\bin'],
    });
    for (const setting of ['C:\\Program Files\\Java\\jdk-21', 'C:\\Program Files\\Java\\jdk-21\\bin', 'C:\\Program Files\\Java\\jdk-21\\bin\\java.exe']) {
      const java = await findJava(setting, windows);
      assert.equal(java.executable, 'C:\\Program Files\\Java\\jdk-21\\bin\\java.exe');
      assert.equal(java.major, 21);
    }
  });

  it('expands ~ to the home folder', async () => {
    const java = await findJava('~/jdk', host({ files: { '/home/ada/jdk/bin/java': JAVA_17 }, directories: ['/home/ada/jdk'] }));
    assert.equal(java.executable, '/home/ada/jdk/bin/java');
  });

  it('says when the folder does not exist, and does not fall back to JAVA_HOME or PATH', async () => {
    const machine = host({ env: { JAVA_HOME: '/jdk17', PATH: '/jdk17/bin' }, files, directories });
    await rejects(findJava('/opt/jdk-17', machine), '"topology.java.home"', '"/opt/jdk-17"', 'does not exist');
    assert.deepEqual(machine.ran, []);
  });

  it('says when the folder holds no java', async () => {
    await rejects(findJava('/opt', host({ directories: ['/opt'] })), '"/opt"', 'bin/java', 'JDK folder');
  });

  it('says when it points at another file than the java launcher', async () => {
    await rejects(findJava('/jdk17/bin/javac', host({ files: { ...files, '/jdk17/bin/javac': '' }, directories })),
      'the file "/jdk17/bin/javac"', 'not the java launcher');
  });

  it('rejects Java older than 17 with both versions in the message', async () => {
    await rejects(findJava('/jdk8', host({ files: { '/jdk8/bin/java': JAVA_8 }, directories: ['/jdk8', '/jdk8/bin'] })),
      'Java 1.8.0_292', '"/jdk8/bin/java"', '"topology.java.home" setting', 'too old', 'Java 17 or newer');
  });

  it('reports a java that cannot run', async () => {
    const broken = host({ files: { '/jdk/bin/java': new Error('spawn /jdk/bin/java EACCES') }, directories: ['/jdk'] });
    await rejects(findJava('/jdk', broken), 'Could not run "/jdk/bin/java -version"', 'EACCES');
  });

  it('reports output without a version', async () => {
    await rejects(findJava('/jdk', host({ files: { '/jdk/bin/java': 'Segmentation fault\n' }, directories: ['/jdk'] })),
      'Could not read the Java version', 'Segmentation fault');
  });
});

describe('findJava without the setting', () => {
  it('uses JAVA_HOME first', async () => {
    const machine = host({ env: { JAVA_HOME: '/jdk21', PATH: '/usr/bin' }, files: { '/jdk21/bin/java': JAVA_21, '/usr/bin/java': JAVA_17 } });
    assert.deepEqual(await findJava(null, machine), { executable: '/jdk21/bin/java', version: '21', major: 21, source: 'JAVA_HOME' });
  });

  it('falls back to PATH when JAVA_HOME is too old', async () => {
    const machine = host({ env: { JAVA_HOME: '/jdk8', PATH: '/usr/local/bin:/usr/bin' }, files: { '/jdk8/bin/java': JAVA_8, '/usr/bin/java': JAVA_17 } });
    const java = await findJava(undefined, machine);
    assert.equal(java.executable, '/usr/bin/java');
    assert.equal(java.source, 'PATH');
  });

  it('treats an empty setting as unset', async () => {
    const java = await findJava('  ', host({ env: { PATH: '/usr/bin' }, files: { '/usr/bin/java': JAVA_17 } }));
    assert.equal(java.source, 'PATH');
  });

  it('takes the first java on the PATH, as the shell would', async () => {
    const machine = host({ env: { PATH: '/a:/b' }, files: { '/a/java': JAVA_8, '/b/java': JAVA_17 } });
    await rejects(findJava(undefined, machine), 'Java 1.8.0_292 at "/a/java" (from PATH) is too old');
  });

  it('reads a Windows Path with quoted entries', async () => {
    const machine = host({
      platform: 'win32',
      env: { Path: 'C:\\Windows;"C:\\Program Files\\Java\\jdk-17\\bin";' },
      files: { 'C:\\Program Files\\Java\\jdk-17\\bin\\java.exe': JAVA_17 },
    });
    assert.equal((await findJava(undefined, machine)).executable, 'C:\\Program Files\\Java\\jdk-17\\bin\\java.exe');
  });

  it('explains every place it looked when nothing fits', async () => {
    const message = await rejects(findJava(undefined, host({ env: { JAVA_HOME: '/gone', PATH: '/usr/bin' } })),
      'No Java 17 or newer was found', 'JAVA_HOME is set to "/gone"', 'No java was found on the PATH', '"topology.java.home"');
    assert.ok(!message.includes('undefined'), message);
  });

  it('says which Java is too old when JAVA_HOME is old and PATH has none', async () => {
    await rejects(findJava(undefined, host({ env: { JAVA_HOME: '/jdk8' }, files: { '/jdk8/bin/java': JAVA_8 } })),
      'Java 1.8.0_292 at "/jdk8/bin/java" (from JAVA_HOME) is too old', 'No java was found on the PATH');
  });
});

describe('nodeHost', { skip: process.platform === 'win32' && 'uses a POSIX shell script as a fake java' }, () => {
  it('runs the real `java -version` of a JDK folder and reads its stderr', async () => {
    const jdk = mkdtempSync(path.join(tmpdir(), 'topo-jdk-'));
    mkdirSync(path.join(jdk, 'bin'));
    const java = path.join(jdk, 'bin', 'java');
    writeFileSync(java, `#!/bin/sh\necho 'openjdk version "17.0.15" 2025-04-15' >&2\n`);
    chmodSync(java, 0o755);
    const found = await findJava(jdk, nodeHost());
    assert.deepEqual(found, { executable: java, version: '17.0.15', major: 17, source: 'setting' });
  });

  it('reports a file that cannot be executed', async () => {
    const jdk = mkdtempSync(path.join(tmpdir(), 'topo-jdk-'));
    const java = path.join(jdk, 'java');
    writeFileSync(java, 'not a program');
    chmodSync(java, 0o644);
    await rejects(findJava(java, nodeHost()), `Could not run "${java} -version"`);
  });
});
