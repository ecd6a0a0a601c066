// A throw-away folder with a local-transport inventory of several hosts, for end-to-end session tests.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunReport } from '../../src/results/types.js';
import type { SessionMeta } from '../../src/results/session-types.js';
import { smokerSync, type CliResult } from '../support/cli.js';

// NODE_OPTIONS='--import tsx' (one way to run mocha) must not reach the CLI: tsx does not resolve from a temp folder.
const CLEAN_ENV = { NODE_OPTIONS: '' };

/** Runs the built CLI with a clean NODE_OPTIONS. */
export function cli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  return smokerSync(args, { ...opts, env: { ...CLEAN_ENV, ...opts.env } });
}

/** Host name → seconds its `sleepy` check sleeps. */
export type Delays = Record<string, number>;

/** A workspace: run smoker in it, break or mend a host's `flaky` check, read its sessions. */
export interface Workspace {
  dir: string;
  smoker(args: string[], env?: NodeJS.ProcessEnv): CliResult;
  /** Makes `flaky` fail (ERROR) on these hosts and pass on the others. */
  breakHosts(...hosts: string[]): void;
  /** Session ids under results/, oldest first. */
  sessionIds(): string[];
  report(id: string): RunReport;
  meta(id: string): SessionMeta;
  remove(): void;
}

/**
 * Creates the workspace. Checks: `sleepy` (sleeps the host's delay; smokeTest, timing), `flaky` (ERROR while
 * `<host>.broken` exists; healthCheck, app, component api), `steady` (always OK; healthCheck, system, web hosts only).
 */
export function makeWorkspace(delays: Delays = { fast: 0, mid: 0, slow: 0 }, extraChecks = ''): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'smoker-ws-'));
  const hosts = Object.entries(delays).map(([h, d]) => `  ${h}: { transport: local, vars: { delay: ${d} } }`).join('\n');
  const names = Object.keys(delays);
  writeFileSync(join(dir, 'inventory.yaml'), `hosts:\n${hosts}\ngroups:\n  quick: { hosts: [${names.slice(0, 2).join(', ')}] }\nchecks: [checks.yaml]\n`);
  writeFileSync(
    join(dir, 'checks.yaml'),
    [
      'checks:',
      '  sleepy: { command: "sleep {{ delay }}", type: smokeTest, category: timing }',
      '  flaky:  { command: "test ! -e {{ host }}.broken", type: healthCheck, category: app, component: api }',
      `  steady: { command: "true", type: healthCheck, category: system, hosts: "${(names.length > 1 ? names.slice(1) : names).join(',')}" }`,
      extraChecks,
    ].join('\n'),
  );
  const ws: Workspace = {
    dir,
    smoker: (args, env) => cli(args, { cwd: dir, ...(env ? { env } : {}) }),
    breakHosts: (...broken) => {
      for (const h of names) {
        const f = join(dir, `${h}.broken`);
        if (broken.includes(h)) writeFileSync(f, '');
        else rmSync(f, { force: true });
      }
    },
    sessionIds: () => (existsSync(join(dir, 'results')) ? readdirSync(join(dir, 'results')).filter((n) => /^\d{4}-\d\d-\d\d--\d+$/.test(n)).sort(byId) : []),
    report: (id) => JSON.parse(readFileSync(join(dir, 'results', id, 'report.json'), 'utf8')) as RunReport,
    meta: (id) => JSON.parse(readFileSync(join(dir, 'results', id, 'session.json'), 'utf8')) as SessionMeta,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  return ws;
}

function byId(a: string, b: string): number {
  return a.slice(0, 10).localeCompare(b.slice(0, 10)) || Number(a.slice(12)) - Number(b.slice(12));
}

/** Host → check → status of a report, for compact assertions. */
export function statuses(report: RunReport): Record<string, Record<string, string>> {
  return Object.fromEntries(Object.entries(report.hosts).map(([h, r]) => [h, Object.fromEntries(Object.entries(r.checks).map(([c, x]) => [c, x.status]))]));
}
