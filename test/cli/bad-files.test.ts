// Hostile or broken files are configuration errors at file:line:col (exit 2, nothing runs), never a crash (SPEC §3, §4).
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { smokerSync } from '../support/cli.js';

/** A billion-laughs document: ten levels of nine aliases each, 9^10 strings once expanded. */
function aliasBomb(): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

/** A map nested `levels` deep in block style under `prefix`, two spaces per level. */
function deepBlock(prefix: string, levels: number): string {
  const lines = [prefix];
  for (let i = 0; i < levels; i++) lines.push(`${'  '.repeat(i + 1)}k${i}:`);
  lines.push(`${'  '.repeat(levels + 1)}v: 1`);
  return `${lines.join('\n')}\n`;
}

describe('bad files: alias bombs, deep nesting, a results/latest that is not a link, a results path that is a file (e2e)', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'smoker-badfiles-'));
    writeFileSync(join(dir, 'checks.yaml'), 'checks:\n  ok: { command: "true" }\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function run(args: string[]) {
    return smokerSync(args, { cwd: dir, env: { NODE_OPTIONS: '' } });
  }

  function expectConfigError(r: ReturnType<typeof run>, where: RegExp, message: string): void {
    expect(r.code, r.stderr).to.equal(2);
    expect(r.stderr).to.match(where);
    expect(r.stderr).to.contain(message).and.contain('nothing was run');
    expect(r.stderr, 'no stack trace').not.to.match(/internal error|\n\s+at /);
    expect(r.stdout).to.equal('');
  }

  it('an alias bomb in an inventory: exit 2 at the first alias, for validate, hosts and run', () => {
    writeFileSync(join(dir, 'inventory.yaml'), `vars:\n${aliasBomb().replace(/^/gm, '  ')}hosts:\n  web1: { transport: local }\nchecks: [checks.yaml]\n`);
    for (const args of [['validate'], ['hosts', '-o', 'json'], ['run']]) {
      expectConfigError(run(args), /^inventory\.yaml:3:\d+ /m, 'aliases expand too far');
    }
    expect(readdirSync(dir), 'nothing ran, no session').not.to.include('results');
  });

  it('an alias bomb in a check file: exit 2 naming that file', () => {
    writeFileSync(join(dir, 'inventory.yaml'), 'hosts:\n  web1: { transport: local }\nchecks: [bomb.yaml]\n');
    writeFileSync(join(dir, 'bomb.yaml'), `checks:\n  c:\n    command: "true"\n    params:\n${aliasBomb().replace(/^/gm, '      ')}`);
    expectConfigError(run(['run']), /^bomb\.yaml:\d+:\d+ /m, 'aliases expand too far');
  });

  it('3,000 levels of block nesting (and of flow nesting): exit 2, file:line:col', () => {
    writeFileSync(join(dir, 'inventory.yaml'), `hosts:\n  web1: { transport: local }\n${deepBlock('vars:', 3000)}`);
    expectConfigError(run(['validate']), /^inventory\.yaml:\d+:\d+ /m, 'nesting deeper than 64 levels');
    writeFileSync(join(dir, 'inventory.yaml'), `hosts:\n  web1: { transport: local, vars: { x: ${'['.repeat(3000)}${']'.repeat(3000)} } }\n`);
    const flow = run(['validate']);
    expectConfigError(flow, /^inventory\.yaml:2:\d+ /m, 'nesting deeper than 64 levels');
    expect(flow.stderr.trim().split('\n'), 'one problem, not one per level').to.have.length(2);
  });

  it('nesting the parser survives but past the limit (100 levels) is refused at the deepest node', () => {
    writeFileSync(join(dir, 'inventory.yaml'), `hosts:\n  web1: { transport: local }\n${deepBlock('vars:', 100)}checks: [checks.yaml]\n`);
    expectConfigError(run(['run']), /^inventory\.yaml:67:\d+ /m, 'nesting deeper than 64 levels');
    writeFileSync(join(dir, 'inventory.yaml'), `hosts:\n  web1: { transport: local }\n${deepBlock('vars:', 20)}checks: [checks.yaml]\n`);
    expect(run(['run', '--no-results']).code, 'ordinary nesting still runs').to.equal(0);
  });

  it('results/latest a real directory: a clear error before anything runs, never exit 70 after a green run', () => {
    writeFileSync(join(dir, 'inventory.yaml'), 'hosts:\n  web1: { transport: local }\nchecks: [checks.yaml]\n');
    mkdirSync(join(dir, 'results', 'latest'), { recursive: true });
    const r = run(['run']);
    expect(r.code, r.stderr).to.equal(2);
    expect(r.stderr).to.contain('results/latest is a directory, not the symlink smoker keeps there');
    expect(r.stderr).not.to.match(/internal error|\n\s+at /);
    expect(r.stdout, 'nothing ran').to.equal('');
    expect(readdirSync(join(dir, 'results'))).to.deep.equal(['latest']);
    expect(run(['run', '--no-results']).code, 'without a session it runs').to.equal(0);
  });

  it('--results naming a file: exit 70 with a message naming it, no stack trace, nothing run', () => {
    writeFileSync(join(dir, 'inventory.yaml'), 'hosts:\n  web1: { transport: local }\nchecks: [checks.yaml]\n');
    writeFileSync(join(dir, 'afile'), '');
    const r = run(['run', '--results', 'afile']);
    expect(r.code, r.stderr).to.equal(70);
    expect(r.stderr).to.match(/^smoker: cannot write a session in afile: ENOTDIR/);
    expect(r.stderr).not.to.match(/internal error|\n\s+at /);
    expect(r.stdout, 'nothing ran').to.equal('');
  });
});
