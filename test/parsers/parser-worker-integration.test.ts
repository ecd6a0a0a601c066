// Custom parser modules run in worker threads: bounded in time, the run goes on meanwhile, secrets not in their env.
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunReport } from '../../src/results/types.js';
import { smoker } from '../support/cli.js';
import { cliEnv, closeLabHome, labInventory, onlySession, openLabHome, writeInventoryDoc, type LabHome } from '../transport/integration-support.js';

const SECRET = 'hunter2-parser-must-not-see';

describe('parsers: custom modules are bounded and kept apart @lab', function () {
  this.timeout(45_000);
  let env: LabHome | undefined;

  before(async () => {
    env = await openLabHome({ hosts: 2 }, 'smoker-parser-worker-');
    const { lab, home } = env;
    // Busy for a minute, synchronously: in-process, nothing else could run meanwhile.
    writeFileSync(join(home, 'busy.mjs'), "export function parse() { const end = Date.now() + 60_000; while (Date.now() < end); return { status: 'OK' }; }\n");
    writeFileSync(join(home, 'peek.mjs'), "export function parse({ stdout }) { return { status: 'OK', messages: { info: [`secret=${process.env.SMOKER_TEST_SECRET}`, `out=${stdout.trim()}`] } }; }\n");
    writeFileSync(
      join(home, 'checks.yaml'),
      `checks:
  busy: { command: "echo x", parser: ./busy.mjs, timeout: 2s, hosts: host1 }
  peek: { command: "echo seen", parser: ./peek.mjs }
  plain: { command: "sleep 1; echo fine" }
`,
    );
    const doc = labInventory(lab);
    // A secret the inventory names (never used: no sudo): a parser module must not find it in its environment.
    doc.defaults['sudoPasswordEnv'] = 'SMOKER_TEST_SECRET';
    writeInventoryDoc(join(home, 'inventory.yaml'), { ...doc, checks: ['checks.yaml'] });
  });
  after(async () => closeLabHome(env?.lab, env?.home));

  it('a parser busy for a minute is ERROR "parser timed out after 2s"; the other checks and hosts finish meanwhile', async () => {
    const { home } = env!;
    const results = join(home, 'results');
    const t0 = Date.now();
    const r = await smoker(['run', join(home, 'inventory.yaml'), '--results', results, '-o', 'json'], { env: cliEnv(home, { SMOKER_TEST_SECRET: SECRET }) });
    const seconds = (Date.now() - t0) / 1000;
    expect(r.code, r.stderr).to.equal(1);
    const report = JSON.parse(readFileSync(join(onlySession(results), 'report.json'), 'utf8')) as RunReport;
    const busy = report.hosts['host1']?.checks['busy'];
    expect(busy?.status).to.equal('ERROR');
    expect(busy?.messages.error.join('\n')).to.match(/parser timed out after 2s/);
    for (const host of ['host1', 'host2']) {
      expect(report.hosts[host]?.checks['plain']?.status, host).to.equal('OK');
      expect(report.hosts[host]?.checks['peek']?.messages.info, host).to.deep.equal(['secret=undefined', 'out=seen']);
    }
    expect(readFileSync(join(onlySession(results), 'report.json'), 'utf8')).to.not.include(SECRET);
    // The busy parser would hold the process for 60 s: ending well before shows it was stopped (a hang guard, not a speed test).
    expect(seconds).to.be.below(30);
  });
});
