// `sessions merge`: the per-host files of the merged sessions end up in the new session, the sessions' own files do not.
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { copySessionFiles } from '../../src/results/session-merge-files.js';

/** Every file under dir, relative to it, sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe('results/session-merge-files', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'smoker-mergefiles-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** A session folder with the given files (path → content). */
  const folder = (name: string, files: Record<string, string>): string => {
    const dir = join(root, name);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    mkdirSync(dir, { recursive: true });
    return dir;
  };

  it("copies hosts/, services/, watch/ and tests/ of every source, and none of the sessions' own files", async () => {
    const a = folder('a', {
      'session.json': '{}',
      'report.json': '{}',
      'summary.txt': 'PASS',
      'hosts/web01/disk/stdout': 'a disk',
      'services/kafka/web01/start.log': 'started',
      'watch/web01/syslog.log': 'line',
      'tests/t1/report.json': '{}',
      'other/x': 'not per host',
    });
    const b = folder('b', { 'session.json': '{}', 'hosts/web02/disk/stdout': 'b disk', 'hosts/web02/disk/result.json': '{}' });
    const into = folder('merged', { 'session.json': '{"merged":true}' });
    await copySessionFiles([a, b], into);
    expect(filesUnder(into)).to.deep.equal([
      'hosts/web01/disk/stdout',
      'hosts/web02/disk/result.json',
      'hosts/web02/disk/stdout',
      'services/kafka/web01/start.log',
      'session.json',
      'tests/t1/report.json',
      'watch/web01/syslog.log',
    ]);
    expect(readFileSync(join(into, 'hosts/web02/disk/stdout'), 'utf8')).to.equal('b disk');
    expect(readFileSync(join(into, 'session.json'), 'utf8')).to.equal('{"merged":true}');
  });

  it('never overwrites a file already there: the first source given wins', async () => {
    const a = folder('a', { 'hosts/web01/disk/stdout': 'from a' });
    const b = folder('b', { 'hosts/web01/disk/stdout': 'from b', 'hosts/web01/disk/stderr': 'only b' });
    const into = folder('merged', {});
    await copySessionFiles([a, b], into);
    expect(readFileSync(join(into, 'hosts/web01/disk/stdout'), 'utf8')).to.equal('from a');
    expect(readFileSync(join(into, 'hosts/web01/disk/stderr'), 'utf8')).to.equal('only b');
  });

  it('a source without any per-host folder (killed before its first host) adds nothing and fails nothing', async () => {
    const empty = folder('empty', { 'session.json': '{}' });
    const into = folder('merged', {});
    await copySessionFiles([empty], into);
    expect(filesUnder(into)).to.deep.equal([]);
  });
});
