// The phases an operation is made of, on one host: stop (then wait stopped), start (then wait), wait, status.
import type { ServiceStatusRow } from '../report/status-table.js';
import type { CheckResult } from '../results/types.js';
import type { ServiceHost } from './service-host.js';
import { formatWaitTime, isFailedStatus, takeLastLines } from './step-result.js';
import { shellQuote } from '../transport/shell-quote.js';
import type { ExecOptions } from '../transport/types.js';
import { describeExit, judgeProbe } from './wait.js';
import { buildMarkScript, buildStoppedProbe, buildWaitProbe, parseMarks, type LogMark, type WaitProbe } from './wait-scripts.js';

/**
 * Commands that end with their output (status, stop, the wait loops, marking logs) may use the host's
 * shared session when it has nothing to do: no channel to open per step. `start` never does (what it
 * starts may keep the session's output open).
 */
const QUICK: ExecOptions = { shareSession: 'idle' };

/** Whether an operation runs a QUICK step on the host (worth a shared session opened ahead): not kill and signal. */
export function usesQuickSteps(op: string, svc: { status?: string | undefined; wait: readonly unknown[] }): boolean {
  if (op === 'kill' || op === 'signal') return false;
  if (op === 'start' || op === 'clean') return svc.status !== undefined || (op === 'start' && svc.wait.length > 0);
  return true;
}

/** Runs one of the service's commands (start, stop, status) as a step: exit 0 is OK. `quick`: see QUICK. */
export async function runCommandStep(h: ServiceHost, name: string, command: string, quick = false): Promise<CheckResult> {
  const timeoutMs = h.svc?.waitTimeoutMs;
  const out = await h.exec(name, command, { ...(quick ? QUICK : {}), ...(timeoutMs ? { timeoutMs } : {}) });
  if (out instanceof Error) return h.add(h.step(name, { status: 'ERROR', error: [out.message] }));
  if (out.aborted) return h.add(h.step(name, { status: 'UNKNOWN', error: ['interrupted'], out }));
  if (out.timedOut) return h.add(h.step(name, { status: 'ERROR', error: [`timed out after ${formatWaitTime(timeoutMs ?? 0)}; process tree killed`], out }));
  if (out.exitCode === 0) return h.add(h.step(name, { status: 'OK', info: takeLastLines(out.stdout, 3), out }));
  const why = takeLastLines(out.stderr, 8);
  const lines = why.length ? why : takeLastLines(out.stdout, 8);
  return h.add(h.step(name, { status: 'ERROR', error: [[describeExit(out), ...lines].join('\n')], out }));
}

/** Runs one wait loop on the host as a step; the loop polls there until it passes or the timeout. */
export async function runProbeStep(h: ServiceHost, probe: WaitProbe, timeoutMs: number): Promise<CheckResult> {
  return h.add(await runDetached(h, probe, timeoutMs));
}

/** Notes where each log of a `log` condition ends now, so its wait matches only lines written later. */
export async function markLogs(h: ServiceHost): Promise<Map<string, LogMark>> {
  const paths = [...new Set((h.svc?.wait ?? []).flatMap((w) => (w.kind === 'log' ? [w.path] : [])))];
  if (paths.length === 0) return new Map();
  const out = await h.exec('mark logs', buildMarkScript(paths), { ...QUICK, timeoutMs: 30_000 });
  return parseMarks(paths, out instanceof Error ? '' : out.stdout);
}

/** Waits for every condition, all at once (each its own loop, each timed on its own). */
export async function waitForConditions(h: ServiceHost, marks: Map<string, LogMark>): Promise<boolean> {
  const svc = h.svc;
  if (!svc) return false;
  const probes = svc.wait.map((c) => buildWaitProbe(c, svc.waitTimeoutMs, c.kind === 'log' ? marks.get(c.path) : undefined));
  // Steps are recorded in the order the conditions are declared, whatever order they finish in.
  const results = await Promise.all(probes.map((p) => runDetached(h, p, svc.waitTimeoutMs)));
  for (const r of results) h.add(r);
  return !results.some((r) => isFailedStatus(r.status));
}

/**
 * `start`: mark the logs, run start, then wait for the conditions. The `start` operation on its own first asks
 * `status`: a service that already runs is OK at once (its log will never say "started" again).
 */
export async function runStart(h: ServiceHost): Promise<boolean> {
  const svc = h.svc;
  if (!svc || !(await h.open())) return false;
  if (h.op === 'start' && svc.status !== undefined && (await isRunning(h, svc.status))) return true;
  const marks = await markLogs(h);
  if (svc.start !== undefined) {
    const r = await runCommandStep(h, 'start', svc.start);
    if (isFailedStatus(r.status)) return false;
  }
  return waitForConditions(h, marks);
}

/** Runs `status`; when it says running, records a `start` step "already running" and returns true. */
async function isRunning(h: ServiceHost, status: string): Promise<boolean> {
  const out = await h.exec('status', status, { ...QUICK, timeoutMs: h.svc?.waitTimeoutMs ?? 30_000 });
  if (out instanceof Error || out.exitCode !== 0) return false;
  const first = takeLastLines(out.stdout, 1)[0];
  h.add(h.step('start', { status: 'OK', info: [`already running (status exit 0${first ? `: ${first}` : ''}); start not run`], out }));
  return true;
}

/** `stop`: run stop, then wait until status fails (when the service has a status command). */
export async function runStop(h: ServiceHost): Promise<boolean> {
  const svc = h.svc;
  if (!svc || !(await h.open())) return false;
  if (svc.stop !== undefined) {
    const r = await runCommandStep(h, 'stop', svc.stop, true);
    if (isFailedStatus(r.status)) return false;
  }
  if (svc.status === undefined) return true;
  const r = await runProbeStep(h, buildStoppedProbe(svc.status, svc.waitTimeoutMs), svc.waitTimeoutMs);
  return !isFailedStatus(r.status);
}

/** `wait` on its own: the conditions, with logs marked now. */
export async function runWaitOnly(h: ServiceHost): Promise<boolean> {
  if (!(await h.open())) return false;
  return waitForConditions(h, await markLogs(h));
}

/** `status`: run the status command; exit 0 is running (OK), non-zero stopped (ERROR). Returns the table row. */
export async function runStatus(h: ServiceHost): Promise<ServiceStatusRow> {
  const row = (state: ServiceStatusRow['state'], detail?: string): ServiceStatusRow => ({ service: h.svc?.name ?? '', host: h.name, state, ...(detail ? { detail } : {}) });
  const svc = h.svc;
  if (!svc) return row('unknown', h.steps[0]?.messages.error[0]);
  if (!(await h.open())) return row('unreachable', h.unreachable);
  const out = await h.exec('status', svc.status ?? 'false', { ...QUICK, timeoutMs: svc.waitTimeoutMs });
  if (out instanceof Error) {
    h.add(h.step('status', { status: 'UNKNOWN', error: [out.message] }));
    return row('unknown', out.message);
  }
  const first = takeLastLines(out.stdout, 1)[0] ?? takeLastLines(out.stderr, 1)[0];
  if (out.exitCode === 0) {
    h.add(h.step('status', { status: 'OK', info: [`running${first ? `: ${first}` : ''}`], out }));
    return row('running', first);
  }
  if (out.exitCode === null || out.exitCode === 126 || out.exitCode === 127) {
    const why = out.timedOut ? `status timed out after ${formatWaitTime(svc.waitTimeoutMs)}` : out.aborted ? 'interrupted' : `status could not run: ${describeExit(out)}${first ? `: ${first}` : ''}`;
    h.add(h.step('status', { status: 'UNKNOWN', error: [why], out }));
    return row('unknown', why);
  }
  h.add(h.step('status', { status: 'ERROR', error: [`not running (status exit ${out.exitCode})${first ? `: ${first}` : ''}`], out }));
  return row('stopped', first ?? `exit ${out.exitCode}`);
}

/** Runs a probe without recording it yet (parallel probes are recorded in declaration order). */
async function runDetached(h: ServiceHost, probe: WaitProbe, timeoutMs: number): Promise<CheckResult> {
  const out = await h.exec(probe.name, probe.script, { ...QUICK, timeoutMs });
  if (out instanceof Error) return h.step(probe.name, { status: 'ERROR', error: [out.message] });
  return h.step(probe.name, { ...judgeProbe(out, probe, timeoutMs), out });
}

/** `clean`: refused while `status` says the service runs; else runs the service's clean command. */
export async function runClean(h: ServiceHost): Promise<boolean> {
  const svc = h.svc;
  if (!svc || !(await h.open())) return false;
  if (svc.clean === undefined) return false;
  if (svc.status !== undefined) {
    const out = await h.exec('status', svc.status, { timeoutMs: svc.waitTimeoutMs });
    if (out instanceof Error) {
      h.add(h.step('clean', { status: 'ERROR', error: [`cannot tell whether it runs: ${out.message}`] }));
      return false;
    }
    if (out.exitCode === 0) {
      h.add(h.step('clean', { status: 'ERROR', error: [`refused: ${svc.name} is running (status exit 0); stop it first`], out }));
      return false;
    }
  }
  const r = await runCommandStep(h, 'clean', svc.clean);
  return !isFailedStatus(r.status);
}

/** `kill`/`signal`: sends the signal to the service's processes (its `pids` command, else its pidFile); no stop script. */
export async function runSignal(h: ServiceHost, signal: string): Promise<boolean> {
  const svc = h.svc;
  if (!svc || !(await h.open())) return false;
  const name = `${h.op} ${signal}`;
  const find = svc.pids ?? (svc.pidFile !== undefined ? `cat ${shellQuote(svc.pidFile)}` : undefined);
  if (find === undefined) return false;
  const found = await h.exec('pids', find, { timeoutMs: svc.waitTimeoutMs });
  if (found instanceof Error) {
    h.add(h.step(name, { status: 'ERROR', error: [found.message] }));
    return false;
  }
  const pids = found.stdout.split(/\s+/).filter((p) => /^\d+$/.test(p) && Number(p) > 1);
  if (found.exitCode !== 0 || pids.length === 0) {
    const where = svc.pids !== undefined ? `pids command (exit ${found.exitCode})` : `pidFile ${svc.pidFile}`;
    h.add(h.step(name, { status: 'ERROR', error: [`no process of ${svc.name} found by its ${where}`], out: found }));
    return false;
  }
  const out = await h.exec(name, `kill -s ${signal} ${pids.join(' ')}`, { timeoutMs: 30_000 });
  if (out instanceof Error) {
    h.add(h.step(name, { status: 'ERROR', error: [out.message] }));
    return false;
  }
  if (out.exitCode !== 0) {
    h.add(h.step(name, { status: 'ERROR', error: [`kill -s ${signal} ${pids.join(' ')}: ${describeExit(out)} ${takeLastLines(out.stderr, 3).join('; ')}`.trim()], out }));
    return false;
  }
  h.add(h.step(name, { status: 'OK', info: [`sent ${signal} to pid ${pids.join(', ')}`], out }));
  return true;
}
