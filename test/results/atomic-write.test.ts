// Crash-safety of report.json: another process reading it while a run rewrites it never sees half a file.

import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/results/atomic-write.js';
import { SessionWriter } from '../../src/results/session-writer.js';

/** A reader process: reads `path` as fast as it can until `stop` exists, counting reads that are not whole JSON. */
const READER = `
const { existsSync, readFileSync } = require('node:fs');
const [path, stop] = process.argv.slice(1);
let reads = 0, partial = 0, firstPartial = null;
const versions = new Set();
const deadline = Date.now() + 60000;
process.stdout.write('ready\\n');
while (!existsSync(stop) && Date.now() < deadline) {
  let text;
  try { text = readFileSync(path, 'utf8'); } catch (e) { if (e.code === 'ENOENT') { partial++; continue; } throw e; }
  reads++;
  try {
    const v = JSON.parse(text).version;
    if (!versions.has(v)) { versions.add(v); process.stdout.write('v\\n'); }
  } catch { partial++; firstPartial ??= text.length; }
}
process.stdout.write(JSON.stringify({ reads, partial, firstPartial, versions: versions.size }) + '\\n');
`;

interface ReaderStats {
  reads: number;
  partial: number;
  firstPartial: number | null;
  versions: number;
}

/** What a session of these tests says it ran. */
const META = { command: 'run', argv: ['smoker', 'run'], versions: { smoker: 'test', node: process.version } };

/** How many times a test rewrites the file at least while the reader reads. */
const REWRITES = 100;
/** Versions the reader must have seen, so that reads did overlap rewrites (a loaded machine needs more rewrites). */
const MIN_VERSIONS = 5;

/** Whether to rewrite once more after REWRITES: until the reader saw MIN_VERSIONS, for at most 20 times as many. */
function keepGoing(seen: () => number, i: number): boolean {
  return seen() < MIN_VERSIONS && i < REWRITES * 20;
}

/** A report of about 200 kB whose size changes with the version, so a torn read cannot parse. */
function bigReport(version: number): string {
  const hosts = Array.from({ length: 1000 + (version % 7) * 100 }, (_, i) => ({ host: `web${i}`, status: 'OK', message: `version ${version} `.repeat(8) }));
  return `${JSON.stringify({ version, hosts }, null, 2)}\n`;
}

/** Starts the reader on `path`, runs `rewrite` while it reads, and returns what the reader saw.
 * `rewrite` gets how many versions the reader has seen so far, to go on until reads overlapped writes. */
async function readWhile(dir: string, path: string, rewrite: (seen: () => number) => Promise<void>): Promise<ReaderStats> {
  const stop = join(dir, 'stop');
  const reader = spawn(process.execPath, ['-e', READER, path, stop], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  reader.stdout.setEncoding('utf8');
  const ready = new Promise<void>((resolve) => reader.stdout.on('data', (d: string) => ((out += d), out.includes('ready') && resolve())));
  const exited = new Promise<number | null>((resolve) => reader.once('exit', resolve));
  try {
    await ready;
    await rewrite(() => out.split('\n').filter((l) => l === 'v').length);
  } finally {
    writeFileSync(stop, '');
  }
  expect(await exited).to.equal(0);
  return JSON.parse(out.split('\n').find((l) => l.startsWith('{')) ?? '') as ReaderStats;
}

describe('results/atomic-write: readers never see a partial file', function () {
  this.timeout(120_000);
  let dir: string;

  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'smoker-atomic-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writeFileAtomic: 100 rewrites of a 200 kB file while another process reads it in a loop', async () => {
    const path = join(dir, 'report.json');
    writeFileSync(path, bigReport(0));
    const texts = Array.from({ length: REWRITES }, (_, v) => bigReport(v + 1));
    const stats = await readWhile(dir, path, async (seen) => {
      for (let i = 0; i < REWRITES || keepGoing(seen, i); i++) await writeFileAtomic(path, texts[i % REWRITES]!);
    });
    expect(stats.partial, `reader saw ${stats.partial} partial files, the first ${stats.firstPartial} bytes long`).to.equal(0);
    // The test only means something if reads overlapped the rewrites.
    expect(stats.versions).to.be.at.least(MIN_VERSIONS);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp')), 'temp files left behind').to.deep.equal([]);
  });

  it("SessionWriter.writeReport: a reader of the session's report.json only ever sees whole reports", async () => {
    const writer = await SessionWriter.create(dir, META);
    const path = join(writer.dir, 'report.json');
    await writer.writeReport(JSON.parse(bigReport(0)));
    const reports = Array.from({ length: REWRITES }, (_, v) => JSON.parse(bigReport(v + 1)) as unknown);
    const stats = await readWhile(dir, path, async (seen) => {
      for (let i = 0; i < REWRITES || keepGoing(seen, i); i++) await writer.writeReport(reports[i % REWRITES]);
    });
    await writer.finish('complete');
    expect(stats.partial, `reader saw ${stats.partial} partial reports, the first ${stats.firstPartial} bytes long`).to.equal(0);
    expect(stats.versions).to.be.at.least(MIN_VERSIONS);
  });

  it('concurrent writes of one file each use their own temp file: all succeed, one whole version lands, no temp is left', async () => {
    const path = join(dir, 'report.json');
    const texts = Array.from({ length: 20 }, (_, v) => bigReport(v));
    await Promise.all(texts.map((t) => writeFileAtomic(path, t)));
    expect(texts).to.include(readFileSync(path, 'utf8'));
    expect(readdirSync(dir)).to.deep.equal(['report.json']);
  });

  it('a write that fails rejects with its error, keeps what was there and leaves no temp file', async () => {
    // A non-empty folder at the path: the temp file is written, the rename over the folder fails.
    mkdirSync(join(dir, 'report.json', 'old'), { recursive: true });
    const renamed = await writeFileAtomic(join(dir, 'report.json'), '{}').then(() => undefined, (e: NodeJS.ErrnoException) => e);
    expect(renamed?.code).to.be.oneOf(['EISDIR', 'ENOTEMPTY', 'EEXIST']);
    expect(readdirSync(dir)).to.deep.equal(['report.json']);
    expect(readdirSync(join(dir, 'report.json'))).to.deep.equal(['old']);
    // No folder at all: the temp file cannot be written, and the error is the write's own.
    const written = await writeFileAtomic(join(dir, 'missing', 'report.json'), '{}').then(() => undefined, (e: NodeJS.ErrnoException) => e);
    expect(written?.code).to.equal('ENOENT');
  });

  it('the newest of overlapping writeReport calls lands last', async () => {
    const writer = await SessionWriter.create(dir, META);
    await Promise.all(Array.from({ length: 20 }, (_, v) => writer.writeReport({ version: v, pad: 'x'.repeat((20 - v) * 10_000) })));
    expect(JSON.parse(readFileSync(join(writer.dir, 'report.json'), 'utf8')).version).to.equal(19);
    await writer.finish('complete');
  });
});
