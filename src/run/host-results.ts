// Collects host results as hosts finish, keeping the session's report.json current while they do.
import { buildHostResult, buildReport } from '../results/aggregate.js';
import type { OperationSink } from '../session/sink.js';
import type { HostResult, RunReport } from '../results/types.js';
import type { HostOutcome } from './fanout.js';

/** Least time between two interim report.json writes (the last host's result is always written by finish). */
const MIN_WRITE_GAP_MS = 1_000;

/** The host results of one run so far, in the order the hosts were planned. */
export class HostResultCollector {
  private readonly results = new Map<string, HostResult>();
  private writing: Promise<void> | undefined;
  private dirty = false;
  private hurry: (() => void) | undefined;
  private finishing = false;
  private writeError: unknown;

  constructor(
    private readonly order: readonly string[],
    private readonly startedAt: Date,
    private readonly session: OperationSink | undefined,
    private readonly onHostDone: ((h: HostResult) => void) | undefined,
  ) {}

  /** Records one finished host (an unreachable one as an ERROR host) and schedules a report.json rewrite. */
  readonly record = async (o: HostOutcome<unknown>): Promise<void> => {
    const hr = 'unreachable' in o ? buildHostResult(o.host.name, [], o.durationMs, o.unreachable) : (o.value as HostResult);
    this.results.set(o.host.name, hr);
    this.onHostDone?.(hr);
    if (this.session) {
      this.session.log(`${o.host.name}: ${'unreachable' in o ? `unreachable: ${o.unreachable}` : hr.status}`);
      this.dirty = true;
      if (this.writeError === undefined) this.writing ??= this.writeWhileDirty(this.session);
    }
  };

  /** The report of the hosts finished so far; with `ended`, stamped as finished. */
  report(ended?: Date): RunReport {
    const done = this.order.map((h) => this.results.get(h)).filter((h): h is HostResult => h !== undefined);
    return buildReport(done, this.startedAt, ended);
  }

  /** Waits for report.json to hold every recorded host, then returns the final report; a failed write throws here. */
  async finish(ended: Date): Promise<RunReport> {
    this.finishing = true;
    this.hurry?.();
    while (this.writing) await this.writing;
    if (this.writeError !== undefined) throw this.writeError;
    return this.report(ended);
  }

  /**
   * Rewrites report.json until nothing new arrived. One rewrite per host would be quadratic (1,000 hosts:
   * ~0.5 GB of JSON, and queued writes holding it all): each write takes every host finished by then, and
   * the next waits MIN_WRITE_GAP_MS or ten times as long as this one took, unless finish() is waiting.
   */
  private async writeWhileDirty(session: OperationSink): Promise<void> {
    try {
      while (this.dirty) {
        this.dirty = false;
        const start = Date.now();
        await session.writeReport(this.report());
        if (!this.dirty || this.finishing) continue;
        const gap = Math.max(MIN_WRITE_GAP_MS, 10 * (Date.now() - start));
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, gap);
          this.hurry = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.hurry = undefined;
      }
    } catch (err) {
      this.writeError = err;
    } finally {
      this.writing = undefined;
    }
  }
}
