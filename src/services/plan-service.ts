// `--plan` of a service operation: the batches in order and the commands each host would run, templates filled; connects nowhere.
import type { ServiceDef, WaitCondition } from '../config/check-types.js';
import { formatDuration } from '../config/duration.js';
import type { HostConfig, Inventory } from '../config/types.js';
import { shellQuote } from '../transport/shell-quote.js';
import { normalizeSignal } from '../transport/host-ops.js';
import { resolveHostService, type HostService } from './host-service.js';
import { resolveBatchSize, selectServiceHosts, type ServiceOp } from './operations.js';
import { splitBatches } from './serial.js';

/** One thing a host would do: a named step and its shell command, or a wait described. */
export interface PlannedServiceStep {
  step: string;
  command?: string;
  /** When it runs or what it waits for, e.g. "start is skipped when this exits 0". */
  note?: string;
}

/** One host's part of an operation: its steps in order, or why they cannot be prepared. */
export interface PlannedServiceHost {
  host: string;
  sudo: boolean;
  steps: PlannedServiceStep[];
  error?: string;
}

/** A pass over the hosts in batches (restart makes two: stop all, then start all). */
export interface PlannedRound {
  name: string;
  batches: PlannedServiceHost[][];
}

/** What an operation would do. */
export interface ServicePlan {
  op: ServiceOp;
  service: string;
  hosts: number;
  /** Hosts per batch; all of them when no --serial (or bounce.serial) applies. */
  batchSize: number;
  /** bounce: the pause between batches. */
  pauseMs: number;
  rounds: PlannedRound[];
}

/** What a service operation would run on `selected` hosts (narrowed to the service's hosts:), in order. */
export function planServiceOp(req: { op: ServiceOp; service: ServiceDef; inventory: Inventory; hosts: readonly HostConfig[]; serial?: number | string; sendSignal?: string }): ServicePlan {
  const { op, service } = req;
  const hosts = selectServiceHosts(service, req.inventory, req.hosts);
  const size = resolveBatchSize(req, hosts.length) ?? hosts.length;
  const batchesOf = (steps: (s: HostService) => PlannedServiceStep[]) => splitBatches(hosts.map((h) => planHost(service, h, steps)), Math.max(1, size));
  const signal = op === 'kill' || op === 'signal' ? normalizeSignal(req.sendSignal ?? (op === 'kill' ? 'KILL' : 'TERM')) : '';
  const rounds: PlannedRound[] =
    op === 'restart'
      ? [
          { name: 'stop', batches: batchesOf(stopSteps) },
          { name: 'start', batches: batchesOf((s) => startSteps(s, false)) },
        ]
      : [{ name: op, batches: batchesOf((s) => stepsOf(op, s, signal)) }];
  return { op, service: service.name, hosts: hosts.length, batchSize: size, pauseMs: op === 'bounce' ? service.bounce.pauseMs : 0, rounds };
}

function planHost(svc: ServiceDef, h: HostConfig, steps: (s: HostService) => PlannedServiceStep[]): PlannedServiceHost {
  const resolved = resolveHostService(svc, h);
  if ('error' in resolved) return { host: h.name, sudo: svc.sudo || h.sudo, steps: [], error: resolved.error };
  return { host: h.name, sudo: resolved.service.execOptions.sudo ?? false, steps: steps(resolved.service) };
}

function stepsOf(op: ServiceOp, s: HostService, signal: string): PlannedServiceStep[] {
  switch (op) {
    case 'start':
      return startSteps(s, true);
    case 'stop':
      return stopSteps(s);
    case 'bounce':
      return [...stopSteps(s), ...startSteps(s, false)];
    case 'restart':
      return [...stopSteps(s), ...startSteps(s, false)];
    case 'status':
      return [{ step: 'status', command: s.status ?? 'false', note: 'exit 0 is running' }];
    case 'wait':
      return waitSteps(s);
    case 'clean':
      return [
        ...(s.status !== undefined ? [{ step: 'status', command: s.status, note: 'clean is refused when this exits 0' }] : []),
        { step: 'clean', command: s.clean ?? '' },
      ];
    case 'kill':
    case 'signal':
      return [
        { step: 'pids', command: s.pids ?? `cat ${shellQuote(s.pidFile ?? '')}` },
        { step: `${op} ${signal}`, command: `kill -s ${signal} PIDS`, note: 'PIDS: what the pids step printed' },
      ];
  }
}

function stopSteps(s: HostService): PlannedServiceStep[] {
  return [
    ...(s.stop !== undefined ? [{ step: 'stop', command: s.stop }] : []),
    ...(s.status !== undefined ? [{ step: 'wait stopped', command: s.status, note: `until this fails, up to ${formatDuration(s.waitTimeoutMs)}` }] : []),
  ];
}

/** start: `status` first only for the start operation itself (a running service is left alone). */
function startSteps(s: HostService, askStatus: boolean): PlannedServiceStep[] {
  return [
    ...(askStatus && s.status !== undefined ? [{ step: 'status', command: s.status, note: 'start is skipped when this exits 0' }] : []),
    ...(s.start !== undefined ? [{ step: 'start', command: s.start }] : []),
    ...waitSteps(s),
  ];
}

function waitSteps(s: HostService): PlannedServiceStep[] {
  const upTo = `up to ${formatDuration(s.waitTimeoutMs)}`;
  return s.wait.map((w) => waitStep(w, upTo));
}

function waitStep(w: WaitCondition, upTo: string): PlannedServiceStep {
  switch (w.kind) {
    case 'port':
      return { step: 'wait port', note: `until ${w.host}:${w.port} accepts connections, ${upTo}` };
    case 'http':
      return { step: 'wait http', note: `until ${w.url} answers 2xx/3xx, ${upTo}` };
    case 'log':
      return { step: 'wait log', note: `until a new line of ${w.path} matches /${w.pattern}/, ${upTo}` };
    case 'command':
      return { step: 'wait command', command: w.command, note: `until this exits 0, ${upTo}` };
  }
}
