// A test run: every selected test (× --repeat) scheduled on disjoint hosts, retried by --deflake, stopped by
// --exit-first or Ctrl-C; each result goes to the session as it finishes.
import type { CheckSet } from '../config/check-types.js';
import type { TestCase } from '../config/test-types.js';
import type { Inventory } from '../config/types.js';
import type { TestResult, TestStatus } from '../results/test-types.js';
import { groupHosts } from '../config/test-collect.js';
import type { ConnectTrace } from '../transport/connect-trace.js';
import { runTest } from './run-test.js';
import { Scheduler, type Job } from './scheduler.js';
import type { TestSessionPort } from './session-port.js';
import { encodeName } from '../results/safe-name.js';

/** What to run and how. */
export interface RunTestsRequest {
  cases: readonly TestCase[];
  inventory: Inventory;
  checks: CheckSet;
  session?: TestSessionPort | undefined;
  interrupt: AbortSignal;
  /** Connection detail (-v/-vv) of every test's connections. */
  trace?: ConnectTrace | undefined;
  /** --repeat N: each test N times (ids `#1..#N`). */
  repeat?: number;
  /** --deflake N: a failed test is tried up to N times in all; a later pass is FLAKY. */
  deflake?: number;
  /** --exit-first: no new test starts after the first FAIL; the rest are NOT_RUN. */
  exitFirst?: boolean;
  /** --max-parallel N (default: as many as the hosts allow). */
  maxParallel?: number;
  /** Called as each test run ends (progress, session). */
  onResult?: (r: TestResult) => void;
  /** Called as each test run starts. */
  onStart?: (id: string, allocation: Record<string, string[]>) => void;
}

interface Payload {
  test: TestCase;
  resultId: string;
  attempt: number;
}

/** Runs the tests; returns one result per test run, in the order they were planned. */
export async function runTests(req: RunTestsRequest): Promise<TestResult[]> {
  const repeat = Math.max(1, req.repeat ?? 1);
  const tries = Math.max(1, req.deflake ?? 1);
  const scheduler = new Scheduler<Payload>(groupHosts(req.inventory), req.inventory.hosts.map((h) => h.name), req.maxParallel ?? Infinity);
  const order: string[] = [];
  const results = new Map<string, TestResult>();
  const record = async (r: TestResult) => {
    results.set(r.id, r);
    await req.session?.addTest(r);
    req.onResult?.(r);
  };
  for (let rep = 1; rep <= repeat; rep++) {
    for (const test of req.cases) {
      const resultId = repeat > 1 ? `${test.id}#${rep}` : test.id;
      order.push(resultId);
      if (test.spec.ignore) await record(placeholder(test, resultId, 'IGNORED'));
      else scheduler.add({ key: resultId, needs: test.spec.needs, payload: { test, resultId, attempt: 1 } });
    }
  }
  const running = new Map<string, Promise<void>>();
  const earlier = new Map<string, TestResult>();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const j of scheduler.stop()) await record(placeholder(j.payload.test, j.payload.resultId, 'NOT_RUN'));
  };
  const onAbort = () => void stop();
  req.interrupt.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      for (const { job, allocation } of scheduler.take()) {
        const { test, resultId, attempt } = job.payload;
        req.onStart?.(resultId, allocation);
        const run = (async () => {
          const r = await runTest({
            test,
            resultId,
            allocation,
            inventory: req.inventory,
            checks: req.checks,
            session: attempt > 1 ? retrySession(req.session, resultId, attempt) : req.session,
            interrupt: req.interrupt,
            ...(req.trace ? { trace: req.trace } : {}),
            attempt,
          });
          scheduler.release(job.key);
          const failed = r.status === 'FAIL';
          if (failed && attempt < tries && !req.interrupt.aborted && !stopped) {
            earlier.set(resultId, r);
            scheduler.add({ ...job, payload: { ...job.payload, attempt: attempt + 1 } } as Job<Payload>, true);
            return;
          }
          // A pass after failed tries is FLAKY.
          const final = r.status === 'PASS' && attempt > 1 ? { ...r, status: 'FLAKY' as TestStatus, failure: `passed on try ${attempt} of ${tries}; try ${attempt - 1}: ${earlier.get(resultId)?.failure ?? 'failed'}` } : r;
          await record(final);
          if (failed && req.exitFirst) await stop();
        })().finally(() => running.delete(job.key));
        running.set(job.key, run);
      }
      if (running.size === 0) break;
      await Promise.race(running.values());
    }
    // Anything still queued could never get its hosts (collection rejects such tests; this is a guard).
    await stop();
  } finally {
    req.interrupt.removeEventListener('abort', onAbort);
  }
  return order.flatMap((id) => results.get(id) ?? []);
}

/** Retries write to `tests/<id> (try N)/`; the result keeps the test's id. */
function retrySession(session: TestSessionPort | undefined, resultId: string, attempt: number): TestSessionPort | undefined {
  if (!session) return undefined;
  return {
    ...(session.dir !== undefined ? { dir: session.dir } : {}),
    scoped: (...parts: string[]) => (parts[0] === 'tests' && parts[1] === resultId ? session.scoped('tests', `${resultId} (try ${attempt})`) : session.scoped(...parts)),
    addTest: (r) => session.addTest(r),
    log: (m) => session.log(m),
  };
}

/** The result of a test that did not run (IGNORED, NOT_RUN). */
function placeholder(test: TestCase, id: string, status: TestStatus): TestResult {
  const now = new Date().toISOString();
  return {
    id,
    name: test.spec.name,
    file: test.spec.file,
    ...(test.spec.description !== undefined ? { description: test.spec.description } : {}),
    params: { ...test.params },
    status,
    hosts: {},
    startedAt: now,
    endedAt: now,
    durationMs: 0,
    steps: [],
    attempts: 0,
    dir: `tests/${encodeName(id)}`,
  };
}
