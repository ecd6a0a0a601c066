// The user story of issue 12, as a script written against the public API only: start the demo (one host's start
// fails), run a workload with runExec, bounce, assert with connect().exec(), stop — all into one session.
import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunReport } from '../../src/results/types.js';
import { smokerSync } from '../support/cli.js';

export type Api = typeof import('../../src/api.js');

/** Where the story runs: the inventory, the host whose first start fails, how to set and clear its crash flag. */
export interface StoryStage {
  inventoryPath: string;
  results: string;
  service: string;
  brokenHost: string;
  /** Makes the demo on brokenHost crash at start, or mends it. */
  setCrash(on: boolean): Promise<void>;
  /** The workload command (runs on every host of the service). */
  workload: string;
}

/** Runs the story and returns the session's folder and final report. */
export async function runStory(api: Api, stage: StoryStage): Promise<{ dir: string; report: RunReport }> {
  const inventory = await api.loadInventory(stage.inventoryPath);
  const service = api.loadChecks(inventory).services.get(stage.service);
  if (!service) throw new Error(`no service ${stage.service}`);
  const session = await api.openSession({ root: stage.results, command: 'script', inventory });
  await stage.setCrash(true);
  const first = await api.runService({ op: 'start', service, inventory, session });
  expect(first.report.status, 'the first start fails on the broken host').to.equal('ERROR');
  await stage.setCrash(false);
  const second = await api.runService({ op: 'start', service, inventory, session });
  expect(second.report.status).to.equal('OK');
  const hosts = inventory.hosts.filter((h) => Object.keys(second.report.hosts).includes(h.name));
  const load = await api.runExec({ hosts, command: stage.workload, session });
  expect(load.report.status, JSON.stringify(load.outputs.get(hosts[0]!.name))).to.equal('OK');
  await api.bounce({ service, inventory, session, serial: 1 });
  const conn = await api.connect(inventory, stage.brokenHost);
  try {
    const out = await conn.exec(`grep -c ' started$' "$DEMO_LOG"`, { env: { DEMO_LOG: logPath(service.env) } });
    await session.addAssertion({ name: 'demo started again after the bounce', host: stage.brokenHost, passed: Number(out.stdout.trim()) >= 2, message: `started lines: ${out.stdout.trim()}` });
  } finally {
    await conn.close();
  }
  await api.runService({ op: 'stop', service, inventory, session });
  const report = await session.close();
  return { dir: session.dir as string, report };
}

function logPath(env: Readonly<Record<string, string>> | undefined): string {
  return `${env?.DEMO_DIR ?? '/tmp/demo'}/demo.log`;
}

/** What the session must hold: every operation including the failed start; inspect exits 1 and shows it; the files. */
export function expectStorySession(dir: string, report: RunReport, brokenHost: string): void {
  const onDisk = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as RunReport;
  const checks = Object.values(onDisk.hosts[brokenHost]?.checks ?? {});
  const names = checks.map((c) => c.check);
  const failedStart = checks.find((c) => c.check === 'start');
  expect(failedStart?.status, names.join(', ')).to.equal('ERROR');
  // Every operation is there: two starts, the workload, the bounce's stop and start, the assertion, the stop.
  expect(names).to.include.members(['start', 'start#2', 'exec', 'stop', 'start#3', 'demo started again after the bounce', 'stop#2']);
  expect(onDisk.hosts[brokenHost]?.checks['demo started again after the bounce']?.status).to.equal('OK');
  expect(onDisk.status).to.equal('ERROR');
  expect(report.counts.checks.ERROR).to.be.greaterThan(0);
  for (const f of ['summary.txt', 'junit.xml', 'report.html', 'session.log']) expect(existsSync(join(dir, f)), f).to.equal(true);
  expect(readFileSync(join(dir, 'summary.txt'), 'utf8')).to.match(/^FAIL/);
  expect(JSON.parse(readFileSync(join(dir, 'session.json'), 'utf8')).state).to.equal('complete');
  const inspect = smokerSync(['inspect', dir, '-o', 'minimal'], { env: { NODE_OPTIONS: '' } });
  expect(inspect.code, inspect.stdout + inspect.stderr).to.equal(1);
  expect(inspect.stdout).to.match(/- start\s+\[ERROR\]/);
  const sessions = smokerSync(['sessions', '--results', join(dir, '..')], { env: { NODE_OPTIONS: '' } });
  expect(sessions.stdout).to.match(/script.*ERROR/);
}
