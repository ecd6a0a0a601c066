// Inline reports for the results unit tests: hosts with named check statuses, built as the run builds them.
import { buildHostResult, buildReport } from '../../src/results/aggregate.js';
import type { Status } from '../../src/results/status.js';
import type { CheckResult, HostResult, RunReport } from '../../src/results/types.js';

/** A check result with the given status and optional metadata. */
export function check(host: string, name: string, status: Status, meta: Partial<CheckResult> = {}): CheckResult {
  return {
    check: name, host, status, messages: { info: [], warn: [], error: [] }, components: {}, metrics: {},
    exitCode: status === 'OK' ? 0 : 1, signal: null, durationMs: 10, startedAt: '2026-11-22T10:00:00.000Z', truncated: false, attempts: 1, ...meta,
  };
}

/** A host from `{ check: status }`, or an unreachable host when `unreachable` is given. */
export function host(name: string, checks: Record<string, Status>, unreachable?: string): HostResult {
  return buildHostResult(name, Object.entries(checks).map(([c, s]) => check(name, c, s)), 50, unreachable);
}

/** A report from `{ host: { check: status } }`; a string value makes the host unreachable with that message. */
export function report(spec: Record<string, Record<string, Status> | string>): RunReport {
  const hosts = Object.entries(spec).map(([h, v]) => (typeof v === 'string' ? host(h, {}, v) : host(h, v)));
  return buildReport(hosts, new Date('2026-11-22T10:00:00.000Z'), new Date('2026-11-22T10:00:01.500Z'));
}
