// `check:` and `wait: {check}`: named checks from the check files, run on the test's hosts.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckSet } from '../config/check-types.js';
import type { HostConfig } from '../config/types.js';
import { UsageError } from '../errors.js';
import { encodeName } from '../results/safe-name.js';
import type { OperationSink } from '../session/sink.js';
import type { RunReport } from '../results/types.js';
import { runChecks } from '../run/run-checks.js';
import { outcomeOfReport } from './report-outcome.js';
import type { StepOutcome } from './step-recorder.js';
import type { TestEnv } from './test-env.js';

/** Runs the named checks once on the hosts; files under `dir/<host>/<check>/` when a dir is given. */
export async function runNamedChecks(env: TestEnv, names: readonly string[], hosts: readonly HostConfig[], dir: string | undefined): Promise<RunReport> {
  const known = new Set(env.checks.checks.map((c) => c.name));
  const unknown = names.find((n) => !known.has(n));
  if (unknown !== undefined) throw new UsageError(`unknown check "${unknown}"`);
  // A check a test names runs even when `enabled: false` keeps it out of `smoker run`.
  const checks: CheckSet = { ...env.checks, checks: env.checks.checks.filter((c) => names.includes(c.name)).map((c) => ({ ...c, enabled: true })) };
  const session = dir ? dirSink(dir) : undefined;
  return runChecks({ inventory: env.inventory, hosts, checks, filters: { names }, signal: env.signal(), ...(session ? { session } : {}) }, env.connector);
}

/** `check: [names]`: ERROR or UNKNOWN on any host fails the step; a check that runs on none of the hosts too. */
export async function checkStep(env: TestEnv, names: readonly string[], on: string | undefined, dir: string | undefined): Promise<StepOutcome> {
  const hosts = env.hosts.select(on);
  const report = await runNamedChecks(env, names, hosts, dir);
  const outcome = outcomeOfReport(report);
  const ran = new Set(Object.values(report.hosts).flatMap((h) => Object.values(h.checks).map((c) => c.check)));
  const missing = names.filter((n) => !ran.has(n));
  if (missing.length) {
    outcome.status = 'ERROR';
    outcome.error = [...(outcome.error ?? []), ...missing.map((n) => `check ${n} runs on none of ${hosts.map((h) => h.name).join(', ')} (see its hosts:)`)];
  }
  return outcome;
}

/** A sink that puts check files in a step's folder. */
function dirSink(dir: string): OperationSink {
  const make = async (...parts: string[]) => {
    const d = join(dir, ...parts.map(encodeName));
    await mkdir(d, { recursive: true });
    return d;
  };
  return { checkDir: (host: string, check: string) => make(host, check), subdir: make, log: () => undefined, writeReport: async () => undefined };
}
