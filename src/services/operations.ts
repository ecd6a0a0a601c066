// Service operations (SPEC §6): start, stop, status, wait, restart and the rolling bounce, as one result tree.
import { setMaxListeners } from 'node:events';
import type { ServiceDef } from '../config/check-types.js';
import { selectHosts } from '../config/patterns.js';
import type { HostConfig, Inventory } from '../config/types.js';
import { UsageError } from '../errors.js';
import type { ServiceStatusRow } from '../report/status-table.js';
import { buildReport } from '../results/aggregate.js';
import type { OperationSink } from '../session/sink.js';
import type { RunReport } from '../results/types.js';
import type { Connector } from '../transport/connector.js';
import { collectFailedLogs, type CollectLogs } from './collect-phase.js';
import { runClean, runSignal, runStart, runStatus, runStop, runWaitOnly } from './phases.js';
import { normalizeSignal } from '../transport/host-ops.js';
import { runRoll } from './roll.js';
import { markLeft, runBounce, runRestart, type RollSummary } from './rolling.js';
import { computeBatchSize, parseSerial, splitBatches } from './serial.js';
import { ServiceHost, type OpContext } from './service-host.js';

/** The operations of a service. */
export const SERVICE_OPS = ['start', 'stop', 'status', 'wait', 'restart', 'bounce', 'clean', 'kill', 'signal'] as const;
export type ServiceOp = (typeof SERVICE_OPS)[number];

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
  session?: OperationSink;
  signal?: AbortSignal;
  /** kill/signal: the signal to send (kill: default KILL; signal: default TERM), a name (`HUP`, `SIGHUP`) or number. */
  sendSignal?: string | number;
}

/** What an operation returns: the report, the status table (status), the roll (bounce). */
export interface ServiceOutcome {
  report: RunReport;
  rows?: ServiceStatusRow[];
  roll?: RollSummary;
}

/** Why the service cannot do this operation (a missing command), or undefined. */
export function checkOperation(op: ServiceOp, svc: ServiceDef): string | undefined {
  const needs: Record<ServiceOp, (keyof ServiceDef)[]> = { start: ['start'], stop: ['stop'], status: ['status'], wait: [], restart: ['stop', 'start'], bounce: ['stop', 'start'], clean: ['clean'], kill: [], signal: [] };
  const missing = needs[op].filter((k) => svc[k] === undefined);
  if (missing.length) return `service ${svc.name} (${svc.file}) has no ${missing.join(' or ')} command, needed by ${op}`;
  if ((op === 'kill' || op === 'signal') && svc.pidFile === undefined && svc.pids === undefined) return `service ${svc.name} (${svc.file}) has no pidFile: or pids: command, needed by ${op} to find its processes`;
  if (op === 'wait' && svc.wait.length === 0) return `service ${svc.name} (${svc.file}) has no wait conditions`;
  return undefined;
}

/** The hosts an operation touches: the selection, narrowed to the service's `hosts:` pattern. */
export function selectServiceHosts(svc: ServiceDef, inventory: Inventory, selected: readonly HostConfig[] = inventory.hosts): HostConfig[] {
  if (svc.hosts === undefined) return [...selected];
  const names = new Set(selectHosts(svc.hosts, { hosts: inventory.hosts.map((h) => h.name), groups: inventory.groups }).hosts);
  return selected.filter((h) => names.has(h.name));
}

/** Runs the operation; failures are results, only usage problems throw. */
export async function runServiceOp(req: ServiceRequest, connector: Connector): Promise<ServiceOutcome> {
  const svc = req.service;
  validateServiceRequest(req);
  const configs = selectServiceHosts(svc, req.inventory, req.hosts);
  if (configs.length === 0) throw new UsageError(`service ${svc.name}: no selected host runs it${svc.hosts ? ` (its hosts: ${svc.hosts})` : ''}`);
  const size = resolveBatchSize(req, configs.length);
  const startedAt = new Date();
  const ctx: OpContext = { service: svc, op: req.op, connector, session: req.session, signal: req.signal, watch: req.op !== 'status' && req.op !== 'kill' && req.op !== 'signal' };
  // Every step and watcher of every host listens for Ctrl-C on the one signal.
  if (req.signal) setMaxListeners(0, req.signal);
  const hosts = configs.map((h) => new ServiceHost(h, ctx));
  const batches = splitBatches(hosts, size ?? hosts.length);
  // The report after each batch is written while the next batch goes on (in order; a failure surfaces at the end).
  let saving: Promise<void> = Promise.resolve();
  const save = async () => {
    const session = req.session;
    if (!session) return;
    const report = buildReport(hosts.filter((h) => h.steps.length > 0 || h.unreachable !== undefined).map((h) => h.result()), startedAt);
    saving = saving.then(() => session.writeReport(report));
    saving.catch(() => undefined);
  };
  // The next batch connects while the current one works, so nothing but the pause lies between batches.
  const roll = { signal: req.signal, onBatchDone: save, prepare: (h: ServiceHost) => void h.prepare().catch(() => undefined) };
  let outcome: Omit<ServiceOutcome, 'report'> = {};
  try {
    switch (req.op) {
      case 'start':
        markLeft(await runRoll(batches, runStart, roll), 'start', 'not started', batches.length);
        break;
      case 'stop':
        markLeft(await runRoll(batches, runStop, roll), 'stop', 'not stopped', batches.length);
        break;
      case 'wait':
        await runRoll([hosts], runWaitOnly, roll);
        break;
      case 'status':
        outcome = { rows: await Promise.all(hosts.map(runStatus)) };
        break;
      case 'restart':
        await runRestart(batches, roll);
        break;
      case 'bounce':
        outcome = { roll: await runBounce(batches, svc.bounce.pauseMs, roll) };
        break;
      case 'clean':
        markLeft(await runRoll(batches, runClean, roll), 'clean', 'not cleaned', batches.length);
        break;
      case 'kill':
      case 'signal': {
        const sig = normalizeSignal(req.sendSignal ?? (req.op === 'kill' ? 'KILL' : 'TERM'));
        markLeft(await runRoll(batches, (h) => runSignal(h, sig), roll), req.op, 'not signalled', batches.length);
        break;
      }
    }
    await saving;
    await Promise.all(hosts.map((h) => h.finish()));
    // A status that finds the service stopped is an answer, not a failed operation; after Ctrl-C, leave at once.
    const collect = req.collectLogs ?? 'on-failure';
    if (!req.signal?.aborted) await collectFailedLogs(hosts, req.op === 'status' && collect === 'on-failure' ? 'never' : collect);
  } finally {
    await Promise.all(hosts.map((h) => h.close()));
  }
  return { ...outcome, report: buildReport(hosts.map((h) => h.result()), startedAt, new Date()) };
}

/** Throws the usage error a request would meet before touching any host (missing command, bad --serial). */
export function validateServiceRequest(req: Pick<ServiceRequest, 'op' | 'service' | 'serial' | 'sendSignal'>): void {
  const problem = checkOperation(req.op, req.service);
  if (problem) throw new UsageError(problem);
  if (req.sendSignal !== undefined) {
    try {
      normalizeSignal(req.sendSignal);
    } catch (err) {
      throw new UsageError(`--signal: ${(err as Error).message}`);
    }
  }
  resolveBatchSize(req, 1);
}

/** Hosts per batch for `total` hosts: --serial, else bounce's bounce.serial; undefined means all at once. */
export function resolveBatchSize(req: Pick<ServiceRequest, 'op' | 'service' | 'serial'>, total: number): number | undefined {
  const raw = req.serial ?? (req.op === 'bounce' ? req.service.bounce.serial : undefined);
  if (raw === undefined) return undefined;
  const serial = parseSerial(raw);
  if (!serial) throw new UsageError(`--serial: expected a number of hosts or a percentage like 25%, got "${raw}"`);
  return computeBatchSize(serial, total);
}

export { describeRoll, type RollSummary } from './rolling.js';
export type { CollectLogs } from './collect-phase.js';
