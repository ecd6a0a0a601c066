// Shared by the `smoker run` integration tests: a lab, check files written per test, the CLI as JSON.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { smoker, type CliResult, ROOT } from '../support/cli.js';
import { startLab, type Lab, type LabInventoryOptions } from '../lab/index.js';
import type { CheckResult, RunReport } from '../../src/results/types.js';

export { ROOT };
/** Absolute path of the repository's fixtures folder (hosts see the controller's filesystem outside /tmp). */
export const FIXTURES = join(ROOT, 'fixtures');

/** A lab plus a scratch folder on the controller for check files and inventories. */
export interface RunLab {
  lab: Lab;
  /** Controller-side scratch folder (removed by close). */
  dir: string;
  /** Writes an inventory for the lab (vars.fixtures set) and returns its path. */
  inventory(name?: string, opts?: LabInventoryOptions): string;
  /** Writes a check file into the scratch folder and returns its path. */
  checks(name: string, yaml: string): string;
  close(): Promise<void>;
}

/** Starts a lab of `hosts` hosts with a scratch folder. */
export async function startRunLab(hosts = 3): Promise<RunLab> {
  const lab = await startLab({ hosts });
  const dir = mkdtempSync(join(tmpdir(), 'smoker-run-test-'));
  let n = 0;
  return {
    lab,
    dir,
    inventory(name = `inventory-${++n}.yaml`, opts = {}) {
      // Fewer channels than the default 8: with 8, sshd often refuses a channel ("no more sessions") while
      // it still counts sessions the client already closed; many-checks.test.ts covers that on its own.
      const defaults = { maxChannels: 4, ...opts.defaults };
      return lab.writeInventory(join(dir, name), { ...opts, defaults, vars: { fixtures: FIXTURES, ...opts.vars } });
    },
    checks(name, yaml) {
      const path = join(dir, name);
      writeFileSync(path, yaml);
      return path;
    },
    async close() {
      await lab.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A run's outcome with its parsed JSON report. */
export interface JsonRun extends CliResult {
  report: RunReport;
}

/** Runs `smoker run ARGS -o json --no-results` and parses the report (throws with the output when it is not JSON). */
export async function runJson(args: string[], env: NodeJS.ProcessEnv = {}): Promise<JsonRun> {
  const r = await smoker(['run', ...args, '-o', 'json', '--no-results'], { env });
  try {
    return { ...r, report: JSON.parse(r.stdout) as RunReport };
  } catch {
    throw new Error(`smoker run ${args.join(' ')} printed no JSON (exit ${r.code})\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  }
}

/** Runs `smoker run ARGS --no-results` with any other options given (e.g. -o long). */
export function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return smoker(['run', ...args, '--no-results'], { env });
}

/** Every `host/check` pair of a report, sorted. */
export function pairs(report: RunReport): string[] {
  return Object.values(report.hosts)
    .flatMap((h) => Object.keys(h.checks).map((c) => `${h.host}/${c}`))
    .sort();
}

/** One check's result on one host; throws with the report when it is missing. */
export function result(report: RunReport, host: string, check: string): CheckResult {
  const r = report.hosts[host]?.checks[check];
  if (!r) throw new Error(`no result for ${host}/${check} in ${JSON.stringify(report, null, 2)}`);
  return r;
}

/** All messages of a result (and its components), one array, for `include` assertions. */
export function allMessages(r: { messages: { info: string[]; warn: string[]; error: string[] }; components?: Record<string, { messages: { info: string[]; warn: string[]; error: string[] } }> }): string[] {
  const own = [...r.messages.error, ...r.messages.warn, ...r.messages.info];
  const sub = Object.values(r.components ?? {}).flatMap((c) => allMessages(c));
  return [...own, ...sub];
}

/** A short, readable description of a result for assertion messages. */
export function explain(r: CheckResult): string {
  return `${r.host}/${r.check}: ${r.status} ${JSON.stringify({ messages: r.messages, components: r.components, stdout: r.stdoutTail, stderr: r.stderrTail })}`;
}
