// `run --every` keeps the newest 100 sessions unless --keep says otherwise (issue 15 item 16).
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from '../support/cli.js';

describe('cli: run --every default --keep', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'smoker-every-keep-'));
    writeFileSync(join(dir, 'checks.yaml'), 'checks:\n  ok: { command: "true" }\n');
    writeFileSync(join(dir, 'inventory.yaml'), 'hosts:\n  a: { transport: local }\nchecks: [checks.yaml]\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prunes to the newest 100 sessions after a round', async () => {
    const results = join(dir, 'results');
    for (let i = 1; i <= 120; i++) mkdirSync(join(results, `2020-01-01--${String(i).padStart(3, '0')}`), { recursive: true });
    const child = spawn(process.execPath, [CLI, 'run', join(dir, 'inventory.yaml'), '--every', '1s', '--results', results], { env: { ...process.env, NO_COLOR: '1' } });
    child.stdin.end();
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      if (/^1 host: /m.test(stdout)) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, stdout).to.equal(130);
    const ids = readdirSync(results).filter((n) => /^\d{4}-\d\d-\d\d--\d+$/.test(n));
    expect(ids).to.have.length(100);
    expect(ids).to.not.include('2020-01-01--001');
  });
});
