// `wait:`: poll a check, a command, a port, an HTTP URL or a log line on the test's hosts until OK or the timeout.
import { formatDuration } from '../config/duration.js';
import type { WaitCondition } from '../config/check-types.js';
import type { WaitSpec } from '../config/test-types.js';
import type { HostConfig } from '../config/types.js';
import { substituteCommand, substituteRaw } from '../run/substitute.js';
import { judgeProbe } from '../services/wait.js';
import { buildMarkScript, buildWaitProbe, parseMarks } from '../services/wait-scripts.js';
import { outcomeOfReport } from './report-outcome.js';
import type { StepOutcome } from './step-recorder.js';
import { placeholders, type TestEnv } from './test-env.js';
import { runNamedChecks } from './verb-check.js';
import { sleepFor } from '../sleep-for.js';

/** Options of a wait. */
export interface WaitOptions {
  on?: string | undefined;
  timeoutMs: number;
  everyMs: number;
}

/** Runs a wait as one step's work. */
export async function waitStep(env: TestEnv, what: WaitSpec, opts: WaitOptions): Promise<StepOutcome> {
  const hosts = env.hosts.select(opts.on);
  if (what.kind === 'check' || what.kind === 'exec') return poll(env, what, hosts, opts);
  return Promise.all(hosts.map((h) => probeHost(env, what, h, opts.timeoutMs))).then((rs) => {
    const error = rs.flatMap((r) => (r.status === 'OK' ? [] : (r.error ?? []).map((e) => `${r.host}: ${e}`)));
    return { status: error.length ? 'ERROR' : 'OK', error, info: rs.flatMap((r) => (r.info ?? []).map((i) => `${r.host}: ${i}`)), hosts: hosts.map((h) => h.name) };
  });
}

/** A check or a command, run from the controller every `every` until every host passes. */
async function poll(env: TestEnv, what: Extract<WaitSpec, { kind: 'check' | 'exec' }>, hosts: HostConfig[], opts: WaitOptions): Promise<StepOutcome> {
  const deadline = Date.now() + opts.timeoutMs;
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    const last = what.kind === 'check' ? outcomeOfReport(await runNamedChecks(env, [what.check], hosts, undefined)) : await execOnce(env, what.command, hosts);
    if (last.status === 'OK' || last.status === 'WARN') {
      return { ...last, info: [`${describe(what)} after ${formatDuration(Date.now() - started)} (${attempt} attempt${attempt === 1 ? '' : 's'})`, ...(last.info ?? [])] };
    }
    if (env.signal().aborted) return { status: 'UNKNOWN', error: [`stopped while waiting for ${describe(what)}`], hosts: hosts.map((h) => h.name) };
    if (Date.now() + opts.everyMs > deadline) {
      return { status: 'ERROR', error: [`timed out after ${formatDuration(opts.timeoutMs)} waiting for ${describe(what)} (${attempt} attempts); last:`, ...(last.error ?? [])], hosts: hosts.map((h) => h.name) };
    }
    await sleepFor(opts.everyMs, env.signal());
  }
}

async function execOnce(env: TestEnv, command: string, hosts: HostConfig[]): Promise<StepOutcome> {
  const outs = await Promise.all(
    hosts.map(async (h) => {
      const out = await (await env.conn(h)).exec(substituteCommand(command, placeholders(env, h)), { signal: env.signal(), env: h.env, timeoutMs: 60_000 });
      return { h: h.name, out };
    }),
  );
  const error = outs.filter((o) => o.out.exitCode !== 0).map((o) => `${o.h}: exit ${o.out.exitCode ?? o.out.signal}${o.out.stderr.trim() ? `: ${o.out.stderr.trim().split('\n').pop()}` : ''}`);
  return { status: error.length ? 'ERROR' : 'OK', error, hosts: hosts.map((h) => h.name) };
}

/** Port, HTTP and log: the service wait loops, polled on the host itself. */
async function probeHost(env: TestEnv, what: Exclude<WaitSpec, { kind: 'check' | 'exec' }>, h: HostConfig, timeoutMs: number): Promise<StepOutcome & { host: string }> {
  const values = placeholders(env, h);
  const cond: WaitCondition =
    what.kind === 'port'
      ? { kind: 'port', port: what.port, host: '127.0.0.1' }
      : what.kind === 'http'
        ? { kind: 'http', url: substituteRaw(what.url, values) }
        : { kind: 'log', path: substituteRaw(what.path, values), pattern: substituteRaw(what.pattern, values) };
  const conn = await env.conn(h);
  // A log wait matches only lines written after the step began, as a service's wait does.
  const mark = cond.kind === 'log' ? parseMarks([cond.path], (await conn.exec(buildMarkScript([cond.path]), { timeoutMs: 30_000, signal: env.signal() })).stdout).get(cond.path) : undefined;
  const probe = buildWaitProbe(cond, timeoutMs, mark);
  const out = await conn.exec(probe.script, { timeoutMs, signal: env.signal(), env: h.env });
  const v = judgeProbe(out, probe, timeoutMs);
  return { host: h.name, status: v.status, ...(v.info ? { info: v.info } : {}), ...(v.error ? { error: v.error } : {}) };
}

function describe(what: WaitSpec): string {
  if (what.kind === 'check') return `check ${what.check} OK`;
  if (what.kind === 'exec') return `command ${JSON.stringify(what.command)} to succeed`;
  return what.kind;
}
