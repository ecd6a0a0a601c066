// Helpers of the service tests: the demo service on lab hosts, a services file, sessions, a port poller.
import { mkdirSync, mkdtempSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Lab } from '../lab/index.js';
import type { CheckResult, HostResult, RunReport } from '../../src/results/types.js';
import { ROOT, smoker, type CliResult } from '../support/cli.js';

export const DEMO_SCRIPT = join(ROOT, 'fixtures/service/demo-service.sh');
export const DEMO_PORT = 8000;

/** Copies fixtures/service/demo-service.sh to /tmp/demo on every host, owned by the login user. */
export async function installDemo(lab: Lab): Promise<void> {
  const script = readFileSync(DEMO_SCRIPT, 'utf8');
  await Promise.all(
    lab.hosts.map(async (h) => {
      const r = await lab.exec(h.name, `mkdir -p /tmp/demo && cat > /tmp/demo/demo-service.sh && chmod 755 /tmp/demo/demo-service.sh && chown -R ${lab.user} /tmp/demo`, { input: script });
      if (r.code !== 0) throw new Error(`install on ${h.name}: ${r.stderr}`);
    }),
  );
}

/** A scratch folder with an isolated HOME, an inventory for the lab listing `services` as its check file. */
export function prepareHome(lab: Lab, servicesYaml: string): { home: string; inventory: string; results: string } {
  const home = mkdtempSync(join(tmpdir(), 'smoker-svc-'));
  mkdirSync(join(home, '.ssh'), { mode: 0o700 });
  const checks = join(home, 'services.yaml');
  writeFileSync(checks, servicesYaml);
  const inventory = lab.writeInventory(join(home, 'inventory.yaml'), { checks: [checks] });
  return { home, inventory, results: join(home, 'results') };
}

/** Runs `smoker ARGS -i INVENTORY` with an isolated HOME and results under home/results. */
export function smokerIn(env: { home: string; inventory: string; results: string }, args: string[]): Promise<CliResult> {
  return smoker([...args, '-i', env.inventory, '--results', env.results], { env: { HOME: env.home, SSH_AUTH_SOCK: '' } });
}

/** The session the last command wrote (results/latest). */
export function latestSession(results: string): string {
  return join(results, readlinkSync(join(results, 'latest')));
}

/** report.json of a session. */
export function readReport(session: string): RunReport {
  return JSON.parse(readFileSync(join(session, 'report.json'), 'utf8')) as RunReport;
}

/** A host of a report (throws when missing). */
export function hostIn(report: RunReport, name: string): HostResult {
  const h = report.hosts[name];
  if (!h) throw new Error(`no host ${name} in report (hosts: ${Object.keys(report.hosts).join(', ')})`);
  return h;
}

/** Step names and statuses of a host, e.g. ["start OK", "wait port 8000 OK"]. */
export function stepsOf(report: RunReport, host: string): string[] {
  return Object.values(hostIn(report, host).checks).map((c: CheckResult) => `${c.check} ${c.status}`);
}

/** The demo's pid on a host, or undefined when not running. */
export async function demoPid(lab: Lab, host: string): Promise<number | undefined> {
  const r = await lab.exec(host, 'p=$(cat /tmp/demo/demo.pid 2>/dev/null) && kill -0 "$p" 2>/dev/null && echo "$p"');
  return r.code === 0 ? Number(r.stdout.trim()) : undefined;
}

/** Whether a TCP connect to address:port succeeds within `timeoutMs`. */
export function canConnect(address: string, port: number, timeoutMs = 200): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: address, port });
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

/** One poll of every host: the time and which were down. */
export interface PollTick {
  at: number;
  down: string[];
}

/** Polls every host's port from the controller every `everyMs` until stopped. */
export function startPoller(hosts: readonly { name: string; address: string }[], port: number, everyMs = 50): { stop: () => Promise<PollTick[]> } {
  const ticks: PollTick[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t0 = Date.now();
      const up = await Promise.all(hosts.map((h) => canConnect(h.address, port)));
      ticks.push({ at: t0, down: hosts.filter((_, i) => !up[i]).map((h) => h.name) });
      await new Promise((r) => setTimeout(r, Math.max(0, everyMs - (Date.now() - t0))));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return ticks;
    },
  };
}
