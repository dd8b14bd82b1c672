import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { serverExecutable, splitVmArgs } from '../../src/serverLauncher';

describe('splitVmArgs', () => {
  const cases: [string | undefined, string[]][] = [
    [undefined, []],
    ['', []],
    ['   ', []],
    ['-Xmx1g', ['-Xmx1g']],
    ['  -Xmx1g   -XX:+UseSerialGC ', ['-Xmx1g', '-XX:+UseSerialGC']],
    ['-Dtopo.dir="C:\\My Files\\topo" -Xss4m', ['-Dtopo.dir=C:\\My Files\\topo', '-Xss4m']],
    ["'-Dgreeting=hello world' -ea", ['-Dgreeting=hello world', '-ea']],
    ['-Da="it\'s" -Db=\'say "hi"\'', ["-Da=it's", '-Db=say "hi"']],
    ['-Dempty="" -ea', ['-Dempty=', '-ea']],
    ['""', ['']],
    ['-Xmx1g\t-ea\n-esa', ['-Xmx1g', '-ea', '-esa']],
    ['-Dunterminated="a b', ['-Dunterminated=a b']],
  ];
  for (const [text, expected] of cases) {
    it(`splits ${JSON.stringify(text)}`, () => {
      assert.deepEqual(splitVmArgs(text), expected);
    });
  }
});

describe('serverExecutable', () => {
  const extension = path.join(path.sep, 'ext', 'topo.topology-0.1.0');
  const jar = path.join(extension, 'server', 'topo.jar');

  it('runs the bundled jar in lsp mode over stdio, logging only to stderr', () => {
    assert.deepEqual(serverExecutable('/jdk/bin/java', extension, ''), {
      command: '/jdk/bin/java',
      args: ['-Xlog:disable', '-Xlog:all=warning:stderr', '-jar', jar, 'lsp'],
    });
  });

  it('puts the user vmargs first, so the stdout-protecting log flags win', () => {
    const { args } = serverExecutable('java', extension, '-Xmx1g -Xlog:gc "-Dtopo.home=/a b"');
    assert.deepEqual(args, ['-Xmx1g', '-Xlog:gc', '-Dtopo.home=/a b', '-Xlog:disable', '-Xlog:all=warning:stderr', '-jar', jar, 'lsp']);
  });

  it('writes a class-data archive on the first start and maps it in afterwards', () => {
    const first = serverExecutable('java', extension, '', { path: '/s/topo.jsa', exists: false }).args ?? [];
    assert.deepEqual(first.slice(2, 4), ['-XX:ArchiveClassesAtExit=/s/topo.jsa', '-Xlog:cds*=off:stderr']);
    const later = serverExecutable('java', extension, '', { path: '/s/topo.jsa', exists: true }).args ?? [];
    assert.deepEqual(later.slice(2, 4), ['-XX:SharedArchiveFile=/s/topo.jsa', '-Xlog:cds*=off:stderr']);
  });

  it('leaves class sharing alone when the user set it', () => {
    const args = serverExecutable('java', extension, '-Xshare:off', { path: '/s/topo.jsa', exists: true }).args ?? [];
    assert.equal(args.some((a) => a.includes('topo.jsa')), false);
  });

  it('sets no transport, so the client adds no --stdio argument', () => {
    assert.equal('transport' in serverExecutable('java', extension, undefined), false);
  });
});
