// dist/bin/smoker.js runs the bundle from a per-command V8 code cache (scripts/cli-launcher.cjs).
import { expect } from 'chai';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, smokerSync } from '../support/cli.js';

const CACHE = join(CLI, '..', 'cache');
const BUILD = /const BUILD = '([0-9a-f]{16})'/.exec(readFileSync(CLI, 'utf8'))?.[1];
const cacheOf = (command: string) => join(CACHE, `${BUILD}-${command}.bin`);
const traced = (args: string[]) => smokerSync(args, { cwd: ROOT, env: { ...process.env, SMOKER_CODE_CACHE: 'trace' } });
const verdict = (stderr: string) => /^code cache: (\w+)/m.exec(stderr)?.[1];

describe('cli: code cache', () => {
  const inventory = join(ROOT, 'inventories/local.yaml');

  it('the first run of a command writes its cache, the next uses it, and both print the same', () => {
    expect(BUILD, 'the build hash in the launcher').to.be.a('string');
    rmSync(cacheOf('hosts'), { force: true });
    const first = traced(['hosts', inventory]);
    expect(first.code, first.stderr).to.equal(0);
    expect(verdict(first.stderr)).to.equal('none');
    expect(existsSync(cacheOf('hosts'))).to.equal(true);
    const second = traced(['hosts', inventory]);
    expect(verdict(second.stderr)).to.equal('used');
    expect(second.stdout).to.equal(first.stdout);
  });

  it('a damaged cache is rejected by V8, the command still works, and the cache is written anew', () => {
    traced(['hosts', inventory]);
    writeFileSync(cacheOf('hosts'), Buffer.alloc(4096, 7));
    const r = traced(['hosts', inventory]);
    expect(r.code, r.stderr).to.equal(0);
    expect(verdict(r.stderr)).to.equal('rejected');
    expect(r.stdout).to.include('local');
    expect(verdict(traced(['hosts', inventory]).stderr)).to.equal('used');
  });

  it('a usage error (exit 2) leaves no cache behind, and no temporary file', () => {
    rmSync(cacheOf('frobnicate'), { force: true });
    const r = traced(['frobnicate']);
    expect(r.code).to.equal(2);
    expect(existsSync(cacheOf('frobnicate'))).to.equal(false);
    expect(readdirSync(CACHE).filter((f) => !f.endsWith('.bin'))).to.deep.equal([]);
  });

  it('a run from the cache still imports custom parser modules (the launcher lends the bundle its import())', () => {
    const dir = mkdtempSync(join(tmpdir(), 'smoker-cache-'));
    try {
      writeFileSync(join(dir, 'inventory.yaml'), 'hosts:\n  here: { transport: local }\nchecks: [checks.yaml]\n');
      writeFileSync(join(dir, 'checks.yaml'), 'checks:\n  custom: { command: "echo 3", parser: ./triple.mjs }\n');
      writeFileSync(join(dir, 'triple.mjs'), "export function parse({ stdout }) { return { status: 'OK', messages: { info: [`tripled ${Number(stdout) * 3}`] } }; }\n");
      const run = () => smokerSync(['run', join(dir, 'inventory.yaml'), '--no-results', '-o', 'json'], { cwd: dir, env: { ...process.env, SMOKER_CODE_CACHE: 'trace' } });
      run();
      const r = run();
      expect(verdict(r.stderr)).to.equal('used');
      expect(r.code, r.stderr).to.equal(0);
      expect(r.stdout).to.include('tripled 9');
      expect(r.stderr).to.not.include('Warning');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('SMOKER_CODE_CACHE=off neither reads nor writes a cache', () => {
    rmSync(cacheOf('checks'), { force: true });
    const r = smokerSync(['checks', inventory], { cwd: ROOT, env: { ...process.env, SMOKER_CODE_CACHE: 'off' } });
    expect(r.code, r.stderr).to.equal(0);
    expect(existsSync(cacheOf('checks'))).to.equal(false);
  });
});
