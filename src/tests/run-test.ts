// One run of one test: its hosts and connections, setup/steps under the timeout, teardown always, results on disk.
import { setMaxListeners } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { CheckSet } from '../config/check-types.js';
import { formatDuration } from '../config/duration.js';
import type { TestCase } from '../config/test-types.js';
import type { HostConfig, Inventory } from '../config/types.js';
import type { TestResult, TestStatus } from '../results/test-types.js';
import { isFailedStatus } from '../services/step-result.js';
import type { ConnectTrace } from '../transport/connect-trace.js';
import { Connector } from '../transport/connector.js';
import type { Connection } from '../transport/types.js';
import type { ExecOutcome } from './context-types.js';
import { TestContextImpl } from './context.js';
import type { TestSessionPort } from './session-port.js';
import { describeStep, pad, StepFailure } from './step-failure.js';
import { StepRecorder } from './step-recorder.js';
import type { TestEnv } from './test-env.js';
import { TestHosts } from './test-hosts.js';
import { encodeName } from '../results/safe-name.js';
import { TestWatch } from './test-watch.js';
import { runYamlSteps } from './yaml-runner.js';

/** What one test run needs. */
export interface RunTestRequest {
  test: TestCase;
  /** The id results carry: the test id, with `#N` for --repeat runs. */
  resultId: string;
  allocation: Record<string, string[]>;
  inventory: Inventory;
  checks: CheckSet;
  session?: TestSessionPort | undefined;
  /** Ctrl-C. */
  interrupt: AbortSignal;
  /** Connection detail (-v/-vv). */
  trace?: ConnectTrace | undefined;
  attempt?: number;
  /** Extra time given to a timed-out test's steps to end after their remote work was killed. */
  settleMs?: number;
}

/** Runs the test and returns its result (also written to tests/<id>/result.json); never throws for a failing test. */
export async function runTest(req: RunTestRequest): Promise<TestResult> {
  const { test, inventory } = req;
  const spec = test.spec;
  const sink = req.session?.scoped('tests', req.resultId);
  const testDir = await sink?.subdir();
  const recorder = new StepRecorder(testDir, req.session?.dir);
  const startedAt = new Date();
  const connector = new Connector({ inventoryHosts: inventory.hosts, warn: (m) => recorder.line(`warning: ${m}`), ...(req.trace ? { trace: req.trace } : {}) });
  const conns = new Map<string, Promise<Connection>>();
  let phase = linked(req.interrupt);
  const watch = new TestWatch(sink, linked(req.interrupt).signal, () => recorder.current()?.index);
  const env: TestEnv = {
    id: req.resultId,
    inventory,
    checks: req.checks,
    connector,
    hosts: new TestHosts(inventory, req.allocation),
    params: test.params,
    recorder,
    sink,
    baseDir: dirname(resolve(process.cwd(), spec.file)),
    signal: () => phase.signal,
    conn: (h: HostConfig) => {
      let c = conns.get(h.name);
      if (!c) {
        c = connector.connect(h, req.interrupt);
        c.catch(() => conns.delete(h.name));
        conns.set(h.name, c);
      }
      return c;
    },
    watchService: (svc, hosts) => watch.watch(svc, hosts, env.conn),
  };
  const t = new TestContextImpl(env);
  const backgrounds = new Map<string, Promise<ExecOutcome>>();
  recorder.line(`test ${req.resultId} (${spec.file}:${spec.pos.line}) on ${Object.entries(req.allocation).map(([g, hs]) => `${g}: ${hs.join(' ')}`).join('; ') || 'no hosts'}; timeout ${formatDuration(spec.timeoutMs)}`);

  let failure: string | undefined;
  // Setup and steps, under the test's timeout.
  const main = (async () => {
    recorder.phase = 'setup';
    if (spec.setupFn) await spec.setupFn(t as never);
    await runYamlSteps(t, env, spec.setup, backgrounds, false);
    recorder.phase = 'steps';
    if (spec.body) await spec.body(t as never);
    await runYamlSteps(t, env, spec.steps, backgrounds, false);
  })();
  const outcome = await raceTimeout(main, spec.timeoutMs, req.interrupt);
  if (outcome.kind === 'timeout') {
    const step = recorder.current();
    failure = `timed out after ${formatDuration(spec.timeoutMs)}${step ? ` in step ${pad(step.index)} ${step.name}` : ''}`;
    recorder.line(`${failure}; killing the test's remote work`);
  } else if (outcome.kind === 'error') failure = failureOf(outcome.error, recorder);
  // Whatever still runs (a timed-out step, backgrounds never joined) is killed: its remote process trees with it.
  phase.abort();
  const settled = await settle([main, ...t.backgrounds], req.settleMs ?? 15_000);
  if (!settled) recorder.line('some steps did not end within 15s of being stopped');
  failure ??= firstFailed(recorder, ['setup', 'steps']);

  // Teardown: always, with its own time budget; after Ctrl-C too (a second Ctrl-C exits at once).
  recorder.phase = 'teardown';
  phase = new AbortController();
  setMaxListeners(0, phase.signal);
  let teardownFailure: string | undefined;
  if (spec.teardown.length || spec.teardownFn) {
    const td = (async () => {
      let first: unknown;
      if (spec.teardownFn) await Promise.resolve(spec.teardownFn(t as never)).catch((e: unknown) => (first = e));
      await runYamlSteps(t, env, spec.teardown, backgrounds, true).catch((e: unknown) => (first ??= e));
      if (first !== undefined) throw first;
    })();
    const r = await raceTimeout(td, spec.timeoutMs, phase.signal);
    if (r.kind === 'timeout') teardownFailure = `teardown timed out after ${formatDuration(spec.timeoutMs)}`;
    else if (r.kind === 'error') teardownFailure = failureOf(r.error, recorder);
    phase.abort();
    await settle([td], req.settleMs ?? 15_000);
  }
  for (const line of await watch.finish(recorder.steps, spec.watchFail)) recorder.line(line);
  // Watcher findings may fail a step after the fact (watch: {fail: true}).
  failure ??= firstFailed(recorder, ['setup', 'steps']);
  teardownFailure ??= firstFailed(recorder, ['teardown']);

  await Promise.all([...conns.values()].map((c) => c.then((x) => x.close()).catch(() => undefined)));
  await connector.close();
  const endedAt = new Date();
  const interrupted = req.interrupt.aborted;
  const failed = failure !== undefined || teardownFailure !== undefined;
  let status: TestStatus = interrupted ? 'INTERRUPTED' : failed ? 'FAIL' : 'PASS';
  if (status === 'FAIL' && spec.okToFail) status = 'OK_TO_FAIL';
  const result: TestResult = {
    id: req.resultId,
    name: spec.name,
    file: spec.file,
    ...(spec.description !== undefined ? { description: spec.description } : {}),
    params: { ...test.params },
    status,
    hosts: req.allocation,
    startedAt: startedAt.toISOString(),
    endedAt: endedAt.toISOString(),
    durationMs: endedAt.getTime() - startedAt.getTime(),
    steps: recorder.steps,
    ...(failure !== undefined ? { failure } : teardownFailure !== undefined ? { failure: `teardown: ${teardownFailure}` } : {}),
    ...(teardownFailure !== undefined ? { teardownFailure } : {}),
    attempts: req.attempt ?? 1,
    dir: testDir && req.session?.dir ? relative(req.session.dir, testDir) : join('tests', encodeName(req.resultId)),
  };
  recorder.line(`test ${req.resultId}: ${status}${result.failure ? ` — ${result.failure}` : ''}${teardownFailure && failure ? `; teardown: ${teardownFailure}` : ''}`);
  await recorder.close();
  if (testDir) {
    await writeFile(join(testDir, 'data.json'), `${JSON.stringify(t.collected, null, 2)}\n`);
    await writeFile(join(testDir, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
  }
  return result;
}

type Race = { kind: 'done' } | { kind: 'error'; error: unknown } | { kind: 'timeout' } | { kind: 'interrupted' };

/** Waits for work, its timeout or Ctrl-C, whichever comes first. */
function raceTimeout(work: Promise<unknown>, timeoutMs: number, interrupt: AbortSignal): Promise<Race> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
    const onAbort = () => finish({ kind: 'interrupted' });
    const finish = (r: Race) => {
      clearTimeout(timer);
      interrupt.removeEventListener('abort', onAbort);
      resolve(r);
    };
    interrupt.addEventListener('abort', onAbort, { once: true });
    work.then(
      () => finish({ kind: 'done' }),
      (error: unknown) => finish({ kind: 'error', error }),
    );
  });
}

/** Waits until every promise settled, at most `ms`; false when some did not. */
async function settle(work: Promise<unknown>[], ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const done = await Promise.race([Promise.allSettled(work).then(() => true), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms)))]);
  clearTimeout(timer);
  return done;
}

/** An abort controller that also aborts with a parent signal. */
function linked(parent: AbortSignal): AbortController {
  const c = new AbortController();
  // Every step, watcher and background of the test listens on it.
  setMaxListeners(0, c.signal);
  if (parent.aborted) c.abort();
  else parent.addEventListener('abort', () => c.abort(), { once: true });
  return c;
}

/** The test's failure text for what its code threw: a failed step, or the error with its stack in test.log. */
function failureOf(err: unknown, recorder: StepRecorder): string {
  if (err instanceof StepFailure) return err.message;
  const e = err as Error;
  // Stacks name code test files without the query that made their import fresh.
  recorder.line(`the test threw: ${(e?.stack ?? String(err)).replace(/\?smoker=[\d.-]+/g, '')}`);
  const at = recorder.current();
  return `threw ${e?.name ?? 'Error'}: ${e?.message ?? String(err)}${at ? ` (in step ${pad(at.index)} ${at.name})` : ''}`;
}

function firstFailed(recorder: StepRecorder, phases: string[]): string | undefined {
  const s = recorder.steps.find((x) => phases.includes(x.phase) && isFailedStatus(x.status));
  return s ? describeStep(s) : undefined;
}
