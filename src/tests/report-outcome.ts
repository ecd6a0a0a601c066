// Turns an operation's RunReport (service op, checks) into one step outcome: worst status, messages per host.
import type { RunReport } from '../results/types.js';
import type { StepOutcome } from './step-recorder.js';

/** The step's status is the report's; failed checks become `host: check: message` errors. */
export function outcomeOfReport(report: RunReport, okStatuses: readonly string[] = ['OK', 'WARN']): StepOutcome {
  const error: string[] = [];
  const warn: string[] = [];
  const info: string[] = [];
  for (const [host, h] of Object.entries(report.hosts)) {
    if (h.unreachable) error.push(`${host}: unreachable: ${h.unreachable}`);
    for (const c of Object.values(h.checks)) {
      const first = [...c.messages.error, ...c.messages.warn, ...c.messages.info][0]?.split('\n')[0];
      const line = `${host}: ${c.check} ${c.status}${first ? `: ${first}` : ''}`;
      if (!okStatuses.includes(c.status)) error.push(line);
      else if (c.status === 'WARN') warn.push(line);
      else info.push(line);
    }
  }
  const hosts = Object.keys(report.hosts);
  const failed = error.length > 0;
  return { status: failed ? (report.status === 'OK' || report.status === 'WARN' ? 'ERROR' : report.status) : report.status, error, warn, info, hosts };
}
