// Service ops fit for tests (issue 12 item 4), end to end on this machine: start when running, clean, kill, signal.
import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunReport } from '../../src/results/types.js';
import { smoker } from '../support/cli.js';
import { freePort } from '../support/free-port.js';
import { DEMO_SCRIPT } from './support.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('service ops for tests: start when running, clean, kill, signal (transport: local)', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'smoker-svc-ops-'));
  const results = join(dir, 'results');
  const inventory = join(dir, 'inventory.yaml');
  const demo = join(dir, 'demo');
  const run = (args: string[]) => smoker([...args, '-i', inventory, '--results', results]);
  const report = (): RunReport => JSON.parse(readFileSync(join(results, readlinkSync(join(results, 'latest')), 'report.json'), 'utf8')) as RunReport;
  const steps = () => Object.values(report().hosts['here']?.checks ?? {}).map((c) => `${c.check} ${c.status}`);
  const pid = () => Number(readFileSync(join(demo, 'demo.pid'), 'utf8').trim());

  before(async () => {
    const port = await freePort();
    writeFileSync(inventory, 'hosts:\n  here: { transport: local }\nchecks: [services.yaml]\n');
    const common = `    start: sh ${DEMO_SCRIPT} start
    stop: sh ${DEMO_SCRIPT} stop
    status: sh ${DEMO_SCRIPT} status
    env: { DEMO_DIR: ${demo}, DEMO_PORT: "${port}", DEMO_DELAY: "0.2" }
    wait: [{ port: ${port} }, { log: { path: ${demo}/demo.log, pattern: " started$" } }]
    waitTimeout: 5s`;
    writeFileSync(join(dir, 'services.yaml'), `services:
  demo:
${common}
    clean: rm -rf ${demo}/demo.log ${demo}/data && touch ${demo}/cleaned
    pidFile: ${demo}/demo.pid
  bypids:
${common}
    pids: cat ${demo}/demo.pid
  nopid:
${common}
`);
  });
  after(async () => {
    await run(['stop', 'demo']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('the check-file schema knows clean:, pidFile: and pids:; a typo is a config error with did-you-mean', async () => {
    const loads = await smoker(['checks', inventory]);
    expect(loads.code, loads.stdout + loads.stderr).to.equal(0);
    const schema = JSON.parse((await smoker(['schema', 'checks'])).stdout);
    const service = JSON.stringify(schema);
    for (const key of ['"clean"', '"pidFile"', '"pids"']) expect(service).to.contain(key);
    writeFileSync(join(dir, 'typo.yaml'), 'services:\n  d:\n    start: "true"\n    pidFle: /x\n');
    writeFileSync(join(dir, 'typo-inventory.yaml'), 'hosts:\n  here: { transport: local }\nchecks: [typo.yaml]\n');
    const typo = await smoker(['checks', join(dir, 'typo-inventory.yaml')]);
    expect(typo.code).to.equal(2);
    expect(typo.stderr).to.contain('typo.yaml:4:5').and.contain('did you mean "pidFile"');
  });

  it('start of a running service is OK at once: no wait on a log line that will never come again', async () => {
    expect((await run(['start', 'demo'])).code).to.equal(0);
    const first = pid();
    const t0 = Date.now();
    const again = await run(['start', 'demo']);
    expect(again.code, again.stdout).to.equal(0);
    expect(Date.now() - t0, 'well under the 5s waitTimeout').to.be.lessThan(4000);
    expect(steps()).to.deep.equal(['start OK']);
    expect(report().hosts['here']?.checks['start']?.messages.info[0]).to.match(/^already running/);
    expect(pid()).to.equal(first);
  });

  it('clean is refused while status says running (exit 1), and runs after stop', async () => {
    const refused = await run(['clean', 'demo']);
    expect(refused.code).to.equal(1);
    expect(report().hosts['here']?.checks['clean']?.messages.error[0]).to.match(/refused: demo is running/);
    expect(existsSync(join(demo, 'demo.log')), 'nothing removed').to.equal(true);
    expect((await run(['stop', 'demo'])).code).to.equal(0);
    const cleaned = await run(['clean', 'demo']);
    expect(cleaned.code, cleaned.stdout).to.equal(0);
    expect(existsSync(join(demo, 'cleaned'))).to.equal(true);
    expect(existsSync(join(demo, 'demo.log'))).to.equal(false);
  });

  it('kill sends KILL to the pid in pidFile, without the stop script; killing it again is an ERROR', async () => {
    expect((await run(['start', 'demo'])).code).to.equal(0);
    const p = pid();
    const killed = await run(['kill', 'demo']);
    expect(killed.code, killed.stdout).to.equal(0);
    expect(steps()).to.deep.equal(['kill KILL OK']);
    expect(report().hosts['here']?.checks['kill KILL']?.messages.info).to.deep.equal([`sent KILL to pid ${p}`]);
    for (let i = 0; i < 50 && alive(p); i++) await new Promise((r) => setTimeout(r, 50));
    expect(alive(p)).to.equal(false);
    expect(readFileSync(join(demo, 'demo.log'), 'utf8'), 'the stop script would have logged').to.not.contain('stopping');
    expect((await run(['kill', 'demo'])).code).to.equal(1);
  });

  it('signal sends TERM (or --signal) to the pids the pids: command prints', async () => {
    expect((await run(['start', 'bypids'])).code).to.equal(0);
    const p = pid();
    const sent = await run(['signal', 'bypids', '--signal', 'SIGTERM']);
    expect(sent.code, sent.stdout).to.equal(0);
    expect(steps()).to.deep.equal(['signal TERM OK']);
    for (let i = 0; i < 50 && alive(p); i++) await new Promise((r) => setTimeout(r, 50));
    expect(alive(p)).to.equal(false);
    expect(readFileSync(join(demo, 'demo.log'), 'utf8')).to.contain('stopping (signal 15)');
  });

  it('usage errors, exit 2, nothing run: kill without pidFile/pids, a bad --signal, clean without clean:', async () => {
    const nopid = await run(['kill', 'nopid']);
    expect(nopid.code).to.equal(2);
    expect(nopid.stderr).to.contain('has no pidFile: or pids: command');
    const bad = await run(['signal', 'demo', '--signal', 'NO SUCH']);
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.contain('--signal');
    const noclean = await run(['clean', 'nopid']);
    expect(noclean.code).to.equal(2);
    expect(noclean.stderr).to.contain('has no clean command');
  });
});
