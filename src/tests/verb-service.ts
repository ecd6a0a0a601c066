// Service steps of a test: start, stop, restart, bounce (src/services/), clean and collect, on the test's hosts.
import type { ServiceDef } from '../config/check-types.js';
import type { HostConfig } from '../config/types.js';
import { UsageError } from '../errors.js';
import { collectLogs } from '../services/collect-logs.js';
import { resolveHostService } from '../services/host-service.js';
import { describeRoll, runServiceOp, selectServiceHosts, type ServiceOp } from '../services/operations.js';
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
  if (verb === 'collect') return collect(env, svc, hosts);
  return runOp(env, svc, hosts, verb, opts.serial);
}

/** Runs an operation of src/services/ on the test's hosts; its files go under the test's services/. */
export async function runOp(env: TestEnv, svc: ServiceDef, hosts: HostConfig[], op: ServiceOp, serial?: number | string, sendSignal?: string): Promise<StepOutcome> {
  const sink = env.sink ? opSink(env.sink, svc.name) : undefined;
  const { report, roll: rolled } = await runServiceOp(
    {
      op,
      service: svc,
      inventory: env.inventory,
      hosts,
      ...(serial !== undefined ? { serial } : {}),
      ...(sendSignal !== undefined ? { sendSignal } : {}),
      signal: env.signal(),
      // The op writes services/<svc>/<host>/<op>.log under the test's folder.
      ...(sink ? { session: sink } : {}),
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
