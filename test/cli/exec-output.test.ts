// 50 MB of stdout: all of it in the session file, 1 MiB in memory, `truncated`, the controller's memory bounded (SPEC §5).
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lab } from '../lab/index.js';
import { CLI, ROOT } from '../support/cli.js';
import { cliEnv, closeLabHome, hostOf, onlySession, openLabHome, parseExecJson } from '../transport/integration-support.js';

const SIZE = 50_000_000;
const MiB = 1024 * 1024;

/** Preloaded into the CLI process: samples its RSS and Buffer memory every 10 ms and writes the peaks at exit. */
const RSS_PROBE = `
import { writeFileSync } from 'node:fs';
const base = process.memoryUsage().rss;
let peak = base;
let buffers = 0;
const sample = () => {
  const m = process.memoryUsage();
  if (m.rss > peak) peak = m.rss;
  if (m.arrayBuffers > buffers) buffers = m.arrayBuffers;
};
setInterval(sample, 10).unref();
process.on('exit', () => { sample(); writeFileSync(process.env.RSS_OUT, JSON.stringify({ base, peak, buffers })); });
`;

interface ProbedRun {
  code: number | null;
  stdout: string;
  stderr: string;
  base: number;
  peak: number;
  /** Peak of process.memoryUsage().arrayBuffers: Buffers held, output chunks included. */
  buffers: number;
}

/** Runs the CLI with the RSS probe preloaded. */
function runProbed(args: string[], env: NodeJS.ProcessEnv, probe: string, rssOut: string): Promise<ProbedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', probe, CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env, RSS_OUT: rssOut } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const { base, peak, buffers } = JSON.parse(readFileSync(rssOut, 'utf8')) as { base: number; peak: number; buffers: number };
      resolve({ code, stdout, stderr, base, peak, buffers });
    });
    child.stdin.end();
  });
}

/** Whether every byte of a file is `byte`. */
async function allBytesAre(file: string, byte: number): Promise<boolean> {
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) if (chunk[i] !== byte) return false;
  }
  return true;
}

describe('smoker exec with 50 MB of output @lab', function () {
  this.timeout(180_000);
  let lab: Lab;
  let home: string;
  let inventory: string;
  let probe: string;

  before(async () => {
    ({ lab, home, inventory } = await openLabHome({ hosts: 1 }, 'smoker-output-'));
    probe = join(home, 'rss-probe.mjs');
    writeFileSync(probe, RSS_PROBE);
  });

  after(() => closeLabHome(lab, home));

  it('writes all 50 MB to the session, keeps 1 MiB with truncated: true, and RSS stays bounded', async () => {
    const small = await runProbed(['exec', inventory, '--no-results', '-o', 'json', '--', 'echo small'], cliEnv(home), probe, join(home, 'rss-small.json'));
    expect(small.code, small.stderr).to.equal(0);

    const results = join(home, 'results');
    const t0 = Date.now();
    const command = `head -c ${SIZE} /dev/zero | tr '\\0' 'a'; echo tail >&2`;
    const big = await runProbed(['exec', inventory, '--results', results, '-o', 'json', '--', command], cliEnv(home), probe, join(home, 'rss-big.json'));
    const elapsed = Date.now() - t0;
    expect(big.code, big.stderr).to.equal(0);

    const growth = big.peak - big.base;
    console.log(
      `      [measure] ${SIZE / 1e6} MB stdout: ${elapsed} ms; RSS peak ${(big.peak / MiB).toFixed(0)} MiB, growth ${(growth / MiB).toFixed(0)} MiB, ` +
        `Buffers peak ${(big.buffers / MiB).toFixed(1)} MiB (an "echo small" run: RSS growth ${((small.peak - small.base) / MiB).toFixed(0)} MiB, ` +
        `Buffers ${(small.buffers / MiB).toFixed(1)} MiB)`,
    );
    // Holding the output (chunks, their concatenation, the string, the JSON) would cost several times 50 MB.
    expect(growth, 'RSS growth of the controller (bytes)').to.be.below(150 * MiB);

    const h = hostOf(parseExecJson(big.stdout, big.stderr), 'host1');
    expect(h.truncated).to.equal(true);
    expect(h.stdout?.length).to.equal(MiB);
    expect(h.stderr).to.equal('tail\n');

    const dir = join(onlySession(results), 'hosts', 'host1', 'exec');
    expect(statSync(join(dir, 'stdout')).size).to.equal(SIZE);
    expect(await allBytesAre(join(dir, 'stdout'), 0x61)).to.equal(true);
    expect(readFileSync(join(dir, 'stderr'), 'utf8')).to.equal('tail\n');
    const result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as { truncated: boolean; status: string };
    expect(result).to.include({ truncated: true, status: 'OK' });
  });
});
