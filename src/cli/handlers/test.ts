// Handler of `smoker test`: load config, collect (exit 2 on any problem, nothing run), run or list, print, exit code.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateCheckFiles } from '../../config/checks.js';
import type { CheckSet } from '../../config/check-types.js';
import { formatDuration } from '../../config/duration.js';
import { loadAnyInventory } from '../../config/load-any-inventory.js';
import { collectTests, groupHosts } from '../../config/test-collect.js';
import type { TestCase } from '../../config/test-types.js';
import type { Inventory } from '../../config/types.js';
import { ConfigError, ExitCode, UsageError } from '../../errors.js';
import { exitCodeFor } from '../../results/exit-code.js';
import type { ReportFormat } from '../../report/options.js';
import type { TestResult } from '../../results/test-types.js';
import type { RunReport } from '../../results/types.js';
import { allocateHosts } from '../../tests/allocate.js';
import { parseParamOption } from '../../tests/params.js';
import { ALL_GROUP } from '../../tests/scheduler.js';
import { applyConnectionArgs, connectionTrace, type ConnectionArgs } from '../connection-options.js';
import { trapInterrupts } from '../interrupt.js';
import { resultsRoot, type SessionArgs } from '../session-options.js';
import { ensureNewline } from '../../report/text.js';

/** Options of the test command. */
export interface TestCommandOptions {
  selectors: string[];
  inventory: string;
  checks: string[] | undefined;
  keywords: string[];
  exclude: string[];
  collectOnly: boolean;
  /** --plan: each test's hosts and steps with the exact commands per host; connects nowhere. */
  plan?: boolean;
  repeat: number | undefined;
  deflake: number | undefined;
  exitFirst: boolean;
  maxParallel: number | undefined;
  params: string[];
  output: string;
  failed: boolean;
  failOn: 'error' | 'flaky';
  session: SessionArgs;
  /** -u, --private-key, -e, --become, -v/-vv: as for run and exec, on every host a test gets. */
  connection?: ConnectionArgs | undefined;
  argv: string[];
}

/** Runs `smoker test`. */
export async function runTestCommand(opts: TestCommandOptions): Promise<void> {
  const loaded = await loadAnyInventory(opts.inventory);
  const inventory: Inventory = { ...loaded.inventory, hosts: applyConnectionArgs(loaded.inventory.hosts, opts.connection) };
  for (const w of inventory.warnings) process.stderr.write(`warning: ${w}\n`);
  const checks = loadChecks(inventory, opts.checks);
  const params = new Map<string, unknown>();
  for (const p of opts.params) {
    const kv = parseParamOption(p);
    if (!kv) throw new UsageError(`--param: expected KEY=VALUE, got "${p}"`);
    params.set(kv.key, kv.value);
  }
  let cases = await collectTests({ selectors: opts.selectors, inventory, checks, keywords: opts.keywords, exclude: opts.exclude, params });
  if (opts.failed) cases = onlyFailed(cases, resultsRoot(opts.session));
  if (opts.collectOnly) return printCollected(cases, inventory, opts.output);
  if (opts.plan) return printPlan(cases, inventory, checks, opts.output);

  const { Session } = await import('../../session/session.js');
  const session = await Session.open({
    root: resultsRoot(opts.session),
    command: 'test',
    argv: opts.argv,
    inventory,
    hosts: inventory.hosts.map((h) => h.name),
    filters: { tests: cases.map((c) => c.id) },
    keep: opts.session.keep,
  });
  const trap = trapInterrupts(() => session.log('interrupted by user'));
  const machine = MACHINE.includes(opts.output);
  const { runTests } = await import('../../tests/run-tests.js');
  let report: RunReport;
  try {
    await runTests({
      cases,
      inventory,
      checks,
      session,
      interrupt: trap.signal,
      trace: connectionTrace(opts.connection?.verbose, (line) => session.log(line)),
      ...(opts.repeat !== undefined ? { repeat: opts.repeat } : {}),
      ...(opts.deflake !== undefined ? { deflake: opts.deflake } : {}),
      exitFirst: opts.exitFirst,
      ...(opts.maxParallel !== undefined ? { maxParallel: opts.maxParallel } : {}),
      onResult: (r) => {
        if (!machine) process.stdout.write(resultLine(r));
      },
    });
    report = await session.close(trap.signal.aborted ? 'interrupted' : 'complete');
  } catch (err) {
    await session.close(trap.signal.aborted ? 'interrupted' : 'failed').catch(() => undefined);
    throw err;
  } finally {
    trap.dispose();
  }
  const { renderReport, renderSummaryLine } = await import('../../report/index.js');
  if (machine) process.stdout.write(ensureNewline(renderReport(report, opts.output as ReportFormat, { ...(session.label ? { session: session.label } : {}), failOn: opts.failOn })));
  else process.stdout.write(`${renderSummaryLine(report, session.label)}\n`);
  process.exitCode = trap.signal.aborted ? ExitCode.interrupted : exitCodeFor(report, opts.failOn);
}

const MACHINE = ['json', 'tap', 'junit'];

/** The check files the tests name (none is fine: tests may only exec). */
function loadChecks(inventory: Inventory, paths: readonly string[] | undefined): CheckSet {
  const list = paths?.length ? paths : inventory.checks;
  if (list.length === 0) return { files: [], checks: [], actions: new Map(), services: new Map(), warnings: [] };
  const r = validateCheckFiles(list);
  if ('issues' in r) throw new ConfigError(r.issues);
  for (const w of r.set.warnings) process.stderr.write(`warning: ${w}\n`);
  return r.set;
}

/** --failed: the tests that FAILed (or were interrupted) in the latest session. */
function onlyFailed(cases: TestCase[], root: string | undefined): TestCase[] {
  const file = root ? join(root, 'latest', 'report.json') : undefined;
  if (!file || !existsSync(file)) throw new UsageError(`--failed: no latest session${root ? ` in ${root}` : ''}`);
  const report = JSON.parse(readFileSync(file, 'utf8')) as RunReport;
  if (!report.tests) throw new UsageError(`--failed: the latest session (${join(root as string, 'latest')}) is not a test session`);
  const failed = new Set(Object.values(report.tests).filter((t) => t.status === 'FAIL' || t.status === 'INTERRUPTED').map((t) => t.id.replace(/#\d+$/, '')));
  if (failed.size === 0) throw new UsageError('--failed: no test failed in the latest test session');
  const out = cases.filter((c) => failed.has(c.id));
  if (out.length === 0) throw new UsageError(`--failed: none of the failed tests (${[...failed].join(', ')}) is in the selection`);
  return out;
}

/** --plan: each test's hosts and steps, commands filled per host; exit 2 when a step cannot be prepared. */
async function printPlan(cases: TestCase[], inventory: Inventory, checks: CheckSet, output: string): Promise<void> {
  const { planTests } = await import('../../tests/plan-test.js');
  const plans = planTests(cases, inventory, checks);
  if (output === 'json') process.stdout.write(`${JSON.stringify({ tests: plans }, null, 2)}\n`);
  else {
    const { renderTestPlans } = await import('../../report/test-plan-text.js');
    process.stdout.write(renderTestPlans(plans));
  }
  const errors = plans.flatMap((p) => p.steps.flatMap((s) => (s.error !== undefined ? [s.error] : [])));
  for (const e of errors) process.stderr.write(`${e}\n`);
  process.exitCode = errors.length ? ExitCode.usage : ExitCode.ok;
}

/** --collect-only: each test id, its needs, timeout and the hosts it would get on its own. */
function printCollected(cases: TestCase[], inventory: Inventory, output: string): void {
  const groups = groupHosts(inventory);
  const rows = cases.map((c) => ({
    id: c.id,
    file: c.spec.file,
    needs: c.spec.needs,
    timeout: formatDuration(c.spec.timeoutMs),
    timeoutMs: c.spec.timeoutMs,
    hosts: Object.keys(c.spec.needs).length ? (allocateHosts(c.spec.needs, groups) ?? {}) : { [ALL_GROUP]: inventory.hosts.map((h) => h.name) },
    ...(c.spec.ignore ? { ignore: true } : {}),
    ...(c.spec.okToFail ? { okToFail: true } : {}),
  }));
  if (output === 'json') {
    process.stdout.write(`${JSON.stringify({ tests: rows }, null, 2)}\n`);
    return;
  }
  const width = Math.max(4, ...rows.map((r) => r.id.length));
  const lines = rows.map((r) => `${r.id.padEnd(width)}  ${JSON.stringify(r.needs).padEnd(16)}  ${r.timeout.padEnd(7)}  ${Object.entries(r.hosts).map(([g, hs]) => `${g}: ${hs.join(' ')}`).join('; ')}${r.ignore ? '  (ignored)' : ''}`);
  process.stdout.write([`${'TEST'.padEnd(width)}  ${'NEEDS'.padEnd(16)}  TIMEOUT  HOSTS`, ...lines, `${rows.length} test${rows.length === 1 ? '' : 's'}`].join('\n') + '\n');
}

/** `PASS  name@{...}  3.2s`, and the failure under a failed test. */
function resultLine(r: TestResult): string {
  const head = `${r.status.padEnd(10)} ${r.id}  ${formatDuration(r.durationMs)}`;
  const why = [r.failure, r.teardownFailure && r.failure !== `teardown: ${r.teardownFailure}` ? `teardown: ${r.teardownFailure}` : undefined].filter(Boolean).map((l) => `    ${l}`);
  return [head, ...why].join('\n') + '\n';
}
