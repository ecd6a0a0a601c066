// run's human output streams: each host as it finishes, fast hosts before a slow one ends; --sort waits (issue 15 item 12).
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT } from '../support/cli.js';
import { spawnOnPty, waitFor } from '../transport/integration-support.js';

// The slow host's check waits for the test to open a gate (at most 30 s, so a failing test never hangs it):
// the fast hosts' output must be on screen while the slow host is provably still running.
const CHECKS = [
  'checks:',
  '  wait: { command: "if [ {{ host }} = slow ]; then i=0; while [ ! -e {{ gate }} ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done; fi; true" }',
  '  fails: { command: "test {{ host }} != fast2" }',
  '',
].join('\n');

/** An inventory of local hosts `slow` (listed first), the fast ones, and a gate file the slow one waits for. */
function writeWorld(dir: string, fast: string[]): { inventory: string; gate: string } {
  const gate = join(dir, 'gate');
  const inventory = join(dir, 'inventory.yaml');
  const hosts = ['slow', ...fast].map((h) => `  ${h}: { transport: local }`).join('\n');
  writeFileSync(inventory, `vars: { gate: ${JSON.stringify(gate)} }\nhosts:\n${hosts}\nchecks: [checks.yaml]\n`);
  writeFileSync(join(dir, 'checks.yaml'), CHECKS);
  return { inventory, gate };
}

/** Spawns `smoker ARGS` with stdout and stderr on pipes; `out()` is what stdout said so far. */
function spawnPiped(args: string[]) {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', CI: '', NODE_OPTIONS: '' } });
  child.stdin.end();
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { out: () => stdout, err: () => stderr, code };
}

const HOST_LINE = (h: string) => new RegExp(`^${h} +\\[(?:OK|ERROR)\\]`, 'm');

describe('cli: run streams human output as hosts finish', function () {
  this.timeout(90_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'smoker-stream-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('on a pipe: the fast hosts’ blocks come while the slow host still runs; its block, then the summary, after', async () => {
    const { inventory, gate } = writeWorld(dir, ['fast1', 'fast2']);
    const run = spawnPiped(['run', inventory, '--no-results']);
    const seen = await waitFor(async () => HOST_LINE('fast1').test(run.out()) && HOST_LINE('fast2').test(run.out()), 20_000, 20);
    const before = run.out();
    writeFileSync(gate, '');
    expect(await run.code, run.err()).to.equal(1);
    expect(seen, `fast hosts not printed while slow ran:\n${before}`).to.equal(true);
    expect(before).to.not.match(HOST_LINE('slow'));
    expect(before).to.include('fast2                              [ERROR]\n- wait                             [OK]\n- fails                            [ERROR]');
    const out = run.out();
    expect(out.indexOf('slow ')).to.be.above(out.indexOf('fast2 '));
    expect(out.trimEnd().split('\n').at(-1)).to.match(/^3 hosts: 2 OK, 1 ERROR · 6 checks: 5 OK, 1 ERROR/);
    expect(out.match(/^fast1 /gm), 'each host once').to.have.length(1);
    expect(out + run.err(), 'no spinner bytes on a pipe').to.not.match(/\u001b|\r|[\u2800-\u28ff]/);
  });

  it('--sort: waits for every host and prints them in inventory order', async () => {
    const { inventory, gate } = writeWorld(dir, ['fast1', 'fast2']);
    writeFileSync(gate, '');
    const run = spawnPiped(['run', inventory, '--no-results', '--sort']);
    expect(await run.code, run.err()).to.equal(1);
    const order = run.out().split('\n').filter((l) => /^\S+ +\[/.test(l)).map((l) => l.split(' ')[0]);
    expect(order).to.deep.equal(['slow', 'fast1', 'fast2']);
  });

  it('machine formats never stream: -o json is one document', async () => {
    const { inventory, gate } = writeWorld(dir, ['fast1']);
    writeFileSync(gate, '');
    const run = spawnPiped(['run', inventory, '--no-results', '-o', 'json']);
    expect(await run.code).to.equal(0);
    expect(Object.keys((JSON.parse(run.out()) as { hosts: object }).hosts)).to.deep.equal(['slow', 'fast1']);
  });

  it('a folding view (normal, over 10 hosts): a line per non-OK host as it finishes, the folded view at the end', async () => {
    const fast = Array.from({ length: 11 }, (_, i) => `fast${i + 1}`);
    const { inventory, gate } = writeWorld(dir, fast);
    const run = spawnPiped(['run', inventory, '--no-results']);
    const seen = await waitFor(async () => /^fast2 +\[ERROR\] fails$/m.test(run.out()), 20_000, 20);
    const before = run.out();
    writeFileSync(gate, '');
    expect(await run.code, run.err()).to.equal(1);
    expect(seen, before).to.equal(true);
    expect(before.trimEnd().split('\n'), 'nothing but the non-OK host while the slow one runs').to.have.length(1);
    const out = run.out();
    expect(out).to.match(/^slow,fast\[1,3-11\] \(11\) +\[OK\] 2 checks each, all OK$/m);
    expect(out).to.match(/^fast2 \(1\) - fails +\[ERROR\]$/m);
  });

  it('on a TTY: fast hosts’ blocks come while the slow host runs, each line starting clear of the spinner', async () => {
    const { inventory, gate } = writeWorld(dir, ['fast1', 'fast2']);
    const run = await spawnOnPty(['run', inventory, '--no-results'], { NO_COLOR: '1', NODE_OPTIONS: '' });
    const seen = await waitFor(async () => /fast1 +\[OK\]/.test(run.output()) && /fast2 +\[ERROR\]/.test(run.output()), 20_000, 20);
    const before = run.output();
    writeFileSync(gate, '');
    const exit = await run.exited;
    expect(exit.exitCode, run.output()).to.equal(1);
    expect(seen, before).to.equal(true);
    expect(before).to.not.match(/slow +\[OK\]/);
    const out = run.output();
    expect(out, 'the spinner ran').to.match(/run: \d\/3 hosts/);
    for (const host of ['fast1', 'fast2', 'slow']) {
      const lines = out.match(new RegExp(`${host} +\\[`, 'g')) ?? [];
      // At a line start, or just after the spinner was erased (cursor to column 1, clear to the end of line).
      const clean = out.match(new RegExp(`(?:\\n|\\u001b\\[1G\\u001b\\[0K)${host} +\\[`, 'g')) ?? [];
      expect(lines, `${host} printed once`).to.have.length(1);
      expect(clean, `${host}'s line starts clear of the spinner:\n${JSON.stringify(out)}`).to.have.length(1);
    }
    expect(existsSync(gate)).to.equal(true);
  });
});
