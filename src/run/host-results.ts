// Collects host results as hosts finish, keeping the session's report.json current after each one.
import { buildHostResult, buildReport } from '../results/aggregate.js';
import type { SessionWriter } from '../results/session-writer.js';
import type { HostResult, RunReport } from '../results/types.js';
import type { HostOutcome } from './fanout.js';

/** The host results of one run so far, in the order the hosts were planned. */
export class HostResultCollector {
  private readonly results = new Map<string, HostResult>();

  constructor(
    private readonly order: readonly string[],
    private readonly startedAt: Date,
    private readonly session: SessionWriter | undefined,
    private readonly onHostDone: ((h: HostResult) => void) | undefined,
  ) {}

  /** Records one finished host (an unreachable one as an ERROR host) and rewrites report.json. */
  readonly record = async (o: HostOutcome<unknown>): Promise<void> => {
    const hr = 'unreachable' in o ? buildHostResult(o.host.name, [], o.durationMs, o.unreachable) : (o.value as HostResult);
    this.results.set(o.host.name, hr);
    this.onHostDone?.(hr);
    if (this.session) {
      this.session.log(`${o.host.name}: ${'unreachable' in o ? `unreachable: ${o.unreachable}` : hr.status}`);
      await this.session.writeReport(this.report());
    }
  };

  /** The report of the hosts finished so far; with `ended`, stamped as finished. */
  report(ended?: Date): RunReport {
    const done = this.order.map((h) => this.results.get(h)).filter((h): h is HostResult => h !== undefined);
    return buildReport(done, this.startedAt, ended);
  }
}
