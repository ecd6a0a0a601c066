// Service steps of a test: start, stop, restart, bounce (src/services/), clean and collect, on the test's hosts.
import type { ServiceDef } from '../config/check-types.js';
import type { HostConfig } from '../config/types.js';
import { UsageError } from '../errors.js';
import type { SessionWriter } from '../results/session-writer.js';
import { collectLogs } from '../services/collect-logs.js';
import { resolveHostService } from '../services/host-service.js';
import { describeRoll, runServiceOp, selectServiceHosts } from '../services/operations.js';
import { describeExit } from '../services/wait.js';
import { outcomeOfReport } from './report-outcome.js';
import type { TestSink } from './session-port.js';
import type { StepOutcome } from './step-recorder.js';
import type { TestEnv } from './test-env.js';

/** Service verbs. */
export type ServiceVerb = 'start' | 'stop' | 'restart' | 'bounce' | 'clean' | 'collect';

/** The service by name; an unknown name is an error (collection checks YAML; code tests meet it here). */
export function serviceNamed(env: TestEnv, name: string): ServiceDef {
  const svc = env.checks.services.get(name);
  if (!svc) throw new UsageError(`unknown service "${name}" (services: ${[...env.checks.services.keys()].join(', ') || 'none'})`);
  return svc;
}

/** The test's hosts (narrowed by `on`) that run the service. */
export function serviceHosts(env: TestEnv, svc: ServiceDef, on: string | undefined): HostConfig[] {
  const hosts = selectServiceHosts(svc, env.inventory, env.hosts.select(on));
  if (hosts.length === 0) throw new UsageError(`service ${svc.name} runs on none of ${env.hosts.select(on).map((h) => h.name).join(', ')}${svc.hosts ? ` (its hosts: ${svc.hosts})` : ''}`);
  return hosts;
}

/** Runs a service verb as one step's work. */
export async function runServiceVerb(env: TestEnv, verb: ServiceVerb, service: string, opts: { on?: string | undefined; serial?: number | string | undefined }): Promise<StepOutcome> {
  const svc = serviceNamed(env, service);
  const hosts = serviceHosts(env, svc, opts.on);
  await env.watchService(svc, hosts);
  if (verb === 'clean') return clean(env, svc, hosts);
  if (verb === 'collect') return collect(env, svc, hosts);
  const sink = env.sink ? opSink(env.sink, svc.name) : undefined;
  const { report, roll: rolled } = await runServiceOp(
    {
      op: verb,
      service: svc,
      inventory: env.inventory,
      hosts,
      ...(opts.serial !== undefined ? { serial: opts.serial } : {}),
      signal: env.signal(),
      // The op writes services/<svc>/<host>/<op>.log under the test's folder.
      ...(sink ? { session: sink as unknown as SessionWriter } : {}),
    },
    env.connector,
  );
  const outcome = outcomeOfReport(report);
  if (rolled) outcome.info = [describeRoll(svc.name, rolled), ...(outcome.info ?? [])];
  return outcome;
}

/** The sink a service op writes through: its watchers' files go beside its op logs (the test's own watcher owns watch/). */
function opSink(sink: TestSink, service: string): TestSink {
  return {
    ...sink,
    subdir: (...parts) => (parts[0] === 'watch' ? sink.subdir('services', service, ...parts.slice(1), 'watch') : sink.subdir(...parts)),
  };
}

/** `clean`: the service's clean command on each host; refused on a host where status says it runs. */
async function clean(env: TestEnv, svc: ServiceDef, hosts: HostConfig[]): Promise<StepOutcome> {
  if (svc.clean === undefined) throw new UsageError(`service ${svc.name} has no clean: command`);
  const results = await Promise.all(
    hosts.map(async (h) => {
      const r = resolveHostService(svc, h);
      if ('error' in r) return { h: h.name, error: r.error };
      const conn = await env.conn(h);
      const opts = { ...r.service.execOptions, signal: env.signal(), timeoutMs: svc.waitTimeoutMs };
      if (r.service.status !== undefined) {
        const st = await conn.exec(r.service.status, opts);
        if (st.exitCode === 0) return { h: h.name, error: `refused: ${svc.name} is running (stop it first)` };
      }
      const { substituteCommand, hostPlaceholders } = await import('../run/substitute.js');
      const out = await conn.exec(substituteCommand(svc.clean as string, hostPlaceholders(h)), opts);
      return out.exitCode === 0 ? { h: h.name } : { h: h.name, error: `clean: ${describeExit(out)} ${out.stderr.trim().split('\n').pop() ?? ''}`.trim() };
    }),
  );
  const error = results.flatMap((r) => (r.error ? [`${r.h}: ${r.error}`] : []));
  return { status: error.length ? 'ERROR' : 'OK', error, info: results.filter((r) => !r.error).map((r) => `${r.h}: cleaned`), hosts: hosts.map((h) => h.name) };
}

/** `collect`: the service's declared logs copied into the test's services/<svc>/<host>/. */
async function collect(env: TestEnv, svc: ServiceDef, hosts: HostConfig[]): Promise<StepOutcome> {
  const error: string[] = [];
  const info: string[] = [];
  await Promise.all(
    hosts.map(async (h) => {
      const r = resolveHostService(svc, h);
      if ('error' in r) return void error.push(`${h.name}: ${r.error}`);
      const dir = await env.sink?.subdir('services', svc.name, h.name);
      if (!dir) return void info.push(`${h.name}: not collected (no results folder)`);
      for (const l of await collectLogs(await env.conn(h), r.service.logs, dir, r.service.execOptions)) {
        if (l.error) error.push(`${h.name}: ${l.name}: ${l.error}`);
        else info.push(`${h.name}: ${l.name} (${l.bytes ?? 0} bytes)`);
      }
    }),
  );
  return { status: error.length ? 'ERROR' : 'OK', error, info, hosts: hosts.map((h) => h.name) };
}
