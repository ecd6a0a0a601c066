// Service operations (SPEC §6): start, stop, status, wait, restart and the rolling bounce, as one result tree.
import { setMaxListeners } from 'node:events';
import type { ServiceDef } from '../config/check-types.js';
import { selectHosts } from '../config/patterns.js';
import type { HostConfig, Inventory } from '../config/types.js';
import { UsageError } from '../errors.js';
import type { ServiceStatusRow } from '../report/status-table.js';
import { buildReport } from '../results/aggregate.js';
import type { SessionWriter } from '../results/session-writer.js';
import type { RunReport } from '../results/types.js';
import type { Connector } from '../transport/connector.js';
import { collectLogs } from './collect-logs.js';
import { startPhase, statusPhase, stopPhase, waitOnlyPhase } from './phases.js';
import { runRoll, type RollOutcome } from './roll.js';
import { batchSize, parseSerial, splitBatches } from './serial.js';
import { ServiceHost, type OpContext } from './service-host.js';

/** The operations of a service. */
export const SERVICE_OPS = ['start', 'stop', 'status', 'wait', 'restart', 'bounce'] as const;
export type ServiceOp = (typeof SERVICE_OPS)[number];

/** When declared logs are copied into the session. */
export type CollectLogs = 'always' | 'on-failure' | 'never';

/** One operation on one service. */
export interface ServiceRequest {
  op: ServiceOp;
  service: ServiceDef;
  inventory: Inventory;
  /** Hosts selected by -H (default all); the service's own `hosts:` narrows them further. */
  hosts?: readonly HostConfig[];
  /** Hosts at once, `N` or `N%`: start/stop/restart default to all, bounce to the service's bounce.serial. */
  serial?: number | string;
  collectLogs?: CollectLogs;
  session?: SessionWriter;
  signal?: AbortSignal;
}

/** How a rolling operation went: the batches, and which hosts were bounced, failed or left untouched. */
export interface RollSummary {
  batches: string[][];
  bounced: string[];
  failed: string[];
  left: string[];
  /** 1-based number of the batch that stopped the roll. */
  stoppedAtBatch?: number;
  reason?: 'failed' | 'interrupted';
}

/** What an operation returns: the report, the status table (status), the roll (bounce). */
export interface ServiceOutcome {
  report: RunReport;
  rows?: ServiceStatusRow[];
  roll?: RollSummary;
}

/** Why the service cannot do this operation (a missing command), or undefined. */
export function checkOperation(op: ServiceOp, svc: ServiceDef): string | undefined {
  const needs: Record<ServiceOp, (keyof ServiceDef)[]> = { start: ['start'], stop: ['stop'], status: ['status'], wait: [], restart: ['stop', 'start'], bounce: ['stop', 'start'] };
  const missing = needs[op].filter((k) => svc[k] === undefined);
  if (missing.length) return `service ${svc.name} (${svc.file}) has no ${missing.join(' or ')} command, needed by ${op}`;
  if (op === 'wait' && svc.wait.length === 0) return `service ${svc.name} (${svc.file}) has no wait conditions`;
  return undefined;
}

/** The hosts an operation touches: the selection, narrowed to the service's `hosts:` pattern. */
export function serviceHosts(svc: ServiceDef, inventory: Inventory, selected: readonly HostConfig[] = inventory.hosts): HostConfig[] {
  if (svc.hosts === undefined) return [...selected];
  const names = new Set(selectHosts(svc.hosts, { hosts: inventory.hosts.map((h) => h.name), groups: inventory.groups }).hosts);
  return selected.filter((h) => names.has(h.name));
}

/** Runs the operation; failures are results, only usage problems throw. */
export async function runServiceOp(req: ServiceRequest, connector: Connector): Promise<ServiceOutcome> {
  const svc = req.service;
  validateServiceRequest(req);
  const configs = serviceHosts(svc, req.inventory, req.hosts);
  if (configs.length === 0) throw new UsageError(`service ${svc.name}: no selected host runs it${svc.hosts ? ` (its hosts: ${svc.hosts})` : ''}`);
  const size = batchSizeFor(req, configs.length);
  const startedAt = new Date();
  const ctx: OpContext = { service: svc, op: req.op, connector, session: req.session, signal: req.signal, watch: req.op !== 'status' };
  // Every step and watcher of every host listens for Ctrl-C on the one signal.
  if (req.signal) setMaxListeners(0, req.signal);
  const hosts = configs.map((h) => new ServiceHost(h, ctx));
  const batches = splitBatches(hosts, size ?? hosts.length);
  const save = async () => {
    if (req.session) await req.session.writeReport(buildReport(hosts.filter((h) => h.steps.length > 0 || h.unreachable !== undefined).map((h) => h.result()), startedAt));
  };
  const roll = { signal: req.signal, onBatchDone: save };
  let outcome: Omit<ServiceOutcome, 'report'> = {};
  try {
    switch (req.op) {
      case 'start':
        markLeft(await runRoll(batches, startPhase, roll), 'start', 'not started', batches.length);
        break;
      case 'stop':
        markLeft(await runRoll(batches, stopPhase, roll), 'stop', 'not stopped', batches.length);
        break;
      case 'wait':
        await runRoll([hosts], waitOnlyPhase, roll);
        break;
      case 'status':
        outcome = { rows: await Promise.all(hosts.map(statusPhase)) };
        break;
      case 'restart':
        await restart(batches, roll);
        break;
      case 'bounce':
        outcome = { roll: await rollingBounce(batches, svc.bounce.pauseMs, roll) };
        break;
    }
    await Promise.all(hosts.map((h) => h.finish()));
    // A status that finds the service stopped is an answer, not a failed operation.
    const collect = req.collectLogs ?? 'on-failure';
    await collectPhase(hosts, req.op === 'status' && collect === 'on-failure' ? 'never' : collect);
  } finally {
    await Promise.all(hosts.map((h) => h.close()));
  }
  return { ...outcome, report: buildReport(hosts.map((h) => h.result()), startedAt, new Date()) };
}

/** Throws the usage error a request would meet before touching any host (missing command, bad --serial). */
export function validateServiceRequest(req: Pick<ServiceRequest, 'op' | 'service' | 'serial'>): void {
  const problem = checkOperation(req.op, req.service);
  if (problem) throw new UsageError(problem);
  batchSizeFor(req, 1);
}

function batchSizeFor(req: Pick<ServiceRequest, 'op' | 'service' | 'serial'>, total: number): number | undefined {
  const raw = req.serial ?? (req.op === 'bounce' ? req.service.bounce.serial : undefined);
  if (raw === undefined) return undefined;
  const serial = parseSerial(raw);
  if (!serial) throw new UsageError(`--serial: expected a number of hosts or a percentage like 25%, got "${raw}"`);
  return batchSize(serial, total);
}

/** Gives each host a roll never reached one step saying why it was left alone. */
function markLeft(outcome: RollOutcome<ServiceHost>, step: string, verb: string, batches: number): void {
  const why = outcome.reason === 'interrupted' ? 'interrupted' : `the roll stopped after batch ${(outcome.stoppedAt ?? 0) + 1} of ${batches} failed`;
  for (const h of outcome.left) h.add(h.step(step, { status: 'UNKNOWN', error: [`${verb}: ${why}`] }));
}

/** `restart`: stop every host (in batches with --serial), then start the ones that stopped. */
async function restart(batches: ServiceHost[][], roll: { signal: AbortSignal | undefined; onBatchDone: () => Promise<void> }): Promise<void> {
  const stopped = await runRoll(batches, stopPhase, roll);
  markLeft(stopped, 'restart', 'not restarted', batches.length);
  const left = new Set(stopped.left);
  const again = batches.map((b) => b.filter((h) => !left.has(h) && !h.failed())).filter((b) => b.length > 0);
  markLeft(await runRoll(again, startPhase, roll), 'start', 'not started', again.length);
}

/** `bounce`: batch by batch stop, start, wait, pause; the first failed batch ends the roll. */
async function rollingBounce(batches: ServiceHost[][], pauseMs: number, roll: { signal: AbortSignal | undefined; onBatchDone: () => Promise<void> }): Promise<RollSummary> {
  const n = batches.length;
  const outcome = await runRoll(
    batches,
    async (h, i) => {
      const ok = (await stopPhase(h)) && (await startPhase(h));
      await h.finish();
      if (ok && !h.failed()) h.add(h.step('bounce', { status: 'OK', info: [`bounced in batch ${i + 1} of ${n}`] }));
      else h.add(h.step('bounce', { status: 'ERROR', error: [`bounce failed in batch ${i + 1} of ${n}; the roll stops here`] }));
      return ok && !h.failed();
    },
    { ...roll, pauseMs },
  );
  const why = outcome.reason === 'interrupted' ? 'the roll was interrupted' : `the roll stopped after batch ${(outcome.stoppedAt ?? 0) + 1} of ${n} failed`;
  for (const h of outcome.left) h.add(h.step('bounce', { status: 'UNKNOWN', error: [`left untouched: ${why}`] }));
  const left = new Set(outcome.left);
  const all = batches.flat();
  return {
    batches: batches.map((b) => b.map((h) => h.name)),
    bounced: all.filter((h) => !left.has(h) && !h.failed()).map((h) => h.name),
    failed: all.filter((h) => !left.has(h) && h.failed()).map((h) => h.name),
    left: outcome.left.map((h) => h.name),
    ...(outcome.stoppedAt !== undefined ? { stoppedAtBatch: outcome.stoppedAt + 1, reason: outcome.reason ?? 'failed' } : {}),
  };
}

/** Copies the declared logs of every host that failed (or of all, with `always`) into the session, all hosts at once. */
async function collectPhase(hosts: readonly ServiceHost[], mode: CollectLogs): Promise<void> {
  if (mode === 'never') return;
  await Promise.all(
    hosts.map(async (h) => {
      const conn = h.connection();
      const logs = h.svc?.logs ?? {};
      if (!conn || !h.dir || Object.keys(logs).length === 0 || (mode === 'on-failure' && !h.failed())) return;
      const t0 = Date.now();
      const got = await collectLogs(conn, logs, h.dir, h.sudoOptions());
      const ok = got.filter((g) => g.error === undefined);
      const bad = got.filter((g) => g.error !== undefined);
      h.add(
        h.step('collect logs', {
          status: bad.length ? 'WARN' : 'OK',
          info: ok.map((g) => `${g.remotePath} → ${g.localPath} (${g.bytes ?? 0} bytes)`),
          warn: bad.map((g) => `${g.remotePath}: ${g.error ?? 'failed'}`),
          startedAt: new Date(t0).toISOString(),
          durationMs: Date.now() - t0,
        }),
      );
    }),
  );
}

/** One line saying how a roll went: `bounce demo: 2 bounced (a, b) · 1 failed (c) · 1 left (d)`. */
export function describeRoll(service: string, roll: RollSummary): string {
  const part = (n: string[], what: string) => `${n.length} ${what}${n.length ? ` (${n.join(', ')})` : ''}`;
  const where = roll.stoppedAtBatch !== undefined ? ` · ${roll.reason === 'interrupted' ? 'interrupted' : 'stopped'} at batch ${roll.stoppedAtBatch} of ${roll.batches.length}` : ` · ${roll.batches.length} batches`;
  return `bounce ${service}: ${[part(roll.bounced, 'bounced'), part(roll.failed, 'failed'), part(roll.left, 'left')].join(' · ')}${where}`;
}


/** The rolling bounce as a function of its own (the library's `bounce`). */
export function bounce(req: Omit<ServiceRequest, 'op'>, connector: Connector): Promise<ServiceOutcome> {
  return runServiceOp({ ...req, op: 'bounce' }, connector);
}
