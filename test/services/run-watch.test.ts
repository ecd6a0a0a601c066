// `run` with watchers: a check's `watch: SERVICE`, and `run --watch SERVICE` (transport: local, end to end).
import { expect } from 'chai';
import { mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunReport } from '../../src/results/types.js';
import { smoker } from '../support/cli.js';

describe('run: log watchers during checks (local)', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'smoker-runwatch-'));
  const log = join(dir, 'app.log');
  const results = join(dir, 'results');
  const inventory = join(dir, 'inventory.yaml');
  const append = (lines: string[]) => lines.map((l) => `printf '%s\\n' ${JSON.stringify(l)} >> ${log}`).join('; ');

  before(() => {
    writeFileSync(log, 'Traceback (most recent call last):\nold news\n');
    writeFileSync(inventory, `hosts:\n  here: { transport: local }\nchecks: [checks.yaml]\n`);
    writeFileSync(
      join(dir, 'checks.yaml'),
      `services:
  app:
    status: "true"
    watch: { path: ${log}, name: app.log, patterns: ["deadline exceeded"] }
checks:
  writer:
    command: ${JSON.stringify(`${append(['INFO working', 'Traceback (most recent call last):', '  File "job.py", line 3, in <module>', 'ZeroDivisionError: division by zero'])}; sleep 0.5`)}
    watch: app
  quiet:
    command: ${JSON.stringify(`sleep 0.3; ${append(['ERROR rpc deadline exceeded'])}; sleep 0.5`)}
`,
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const report = (): RunReport => JSON.parse(readFileSync(join(results, readlinkSync(join(results, 'latest')), 'report.json'), 'utf8')) as RunReport;

  it('a check with watch: SERVICE gets a WARN `log watcher` component for what its run wrote; watch/ holds the tail', async () => {
    const r = await smoker(['run', inventory, '-p', 'writer', '--results', results, '-o', 'long']);
    expect(r.code, r.stdout + r.stderr).to.equal(0);
    const writer = report().hosts['here']?.checks['writer'];
    expect(writer?.status).to.equal('WARN');
    expect(writer?.components['log watcher']?.messages.warn[0]).to.match(/^app\.log line 2: Python traceback: ZeroDivisionError: division by zero\n  Traceback/);
    expect(r.stdout).to.match(/-- log watcher +\[WARN\]/);
    const seen = readFileSync(join(results, 'latest', 'watch', 'here', 'app.log'), 'utf8');
    expect(seen).to.contain('ZeroDivisionError').and.not.to.contain('old news');
  });

  it('run --watch SERVICE watches every check of the host and puts findings on the check that was running', async () => {
    const r = await smoker(['run', inventory, '-p', 'quiet', '--watch', 'app', '--results', results]);
    expect(r.code, r.stdout + r.stderr).to.equal(0);
    const quiet = report().hosts['here']?.checks['quiet'];
    expect(quiet?.status).to.equal('WARN');
    expect(quiet?.components['log watcher']?.messages.warn).to.deep.equal(['app.log line 1: matched pattern: ERROR rpc deadline exceeded']);
  });

  it('run --watch with an unknown service is a usage error', async () => {
    const r = await smoker(['run', inventory, '--watch', 'ap', '--results', results]);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.contain('--watch: unknown service "ap" (did you mean "app"?)');
  });
});
