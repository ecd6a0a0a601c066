// One session (SPEC §4, §7): every operation a command or a script runs, merged into one report and one folder.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Inventory } from '../config/types.js';
import { buildHostResult, buildReport } from '../results/aggregate.js';
import type { SessionState } from '../results/session-types.js';
import { SessionWriter, pruneSessions, safeName } from '../results/session-writer.js';
import type { TestResult } from '../results/test-types.js';
import type { CheckResult, RunReport } from '../results/types.js';
import { emptyMessages } from '../results/types.js';
import { CheckNames, mergeSlots, type OperationSlot } from './merge.js';
import type { OperationSink } from './sink.js';

/** What a session is opened with. */
export interface OpenSessionOptions {
  /** Results root; undefined = no files (--no-results), everything else still works. */
  root?: string | undefined;
  /** What runs: 'run', 'exec', 'bounce kafka', 'test', 'script'... */
  command: string;
  argv?: string[];
  /** The inventory or its file path (recorded in session.json). */
  inventory?: Inventory | string | undefined;
  /** Hosts the session sets out to touch (for "N of M finished"). */
  hosts?: string[];
  filters?: Record<string, unknown> | undefined;
  /** Keep only the newest N sessions under root when closing. */
  keep?: number | undefined;
  /** `K/N` for --shard runs. */
  shard?: string | undefined;
  /** Session folders a merge combined. */
  sources?: string[];
  /** When the work began and ended, for a session assembled from finished reports (sessions merge); default now and at close. */
  startedAt?: Date;
  endedAt?: Date;
}

/** One assertion or expectation of a script or test, recorded as a check result. */
export interface Assertion {
  /** Check name in the report, e.g. `consumed all messages`. */
  name: string;
  /** Host it is about; default the pseudo-host `controller`. */
  host?: string;
  passed: boolean;
  /** What was expected and what came, shown as an error when it failed (info when it passed). */
  message?: string;
  /** Status when it failed; default ERROR. */
  failStatus?: 'WARN' | 'ERROR' | 'UNKNOWN';
}

/** A session every operation goes through; report.json always holds all of them. */
export class Session {
  private readonly slots: OperationSlot[] = [];
  private readonly names = new CheckNames();
  private readonly tests = new Map<string, TestResult>();
  private readonly notes: string[] = [];
  private readonly startedAt: Date;
  private closed: Promise<RunReport> | undefined;
  /** Bumped on every change, so close() knows whether writeReports() already wrote the latest. */
  private version = 0;
  private written: { version: number; report: RunReport } | undefined;

  private constructor(
    private readonly writer: SessionWriter | undefined,
    private readonly opts: OpenSessionOptions,
  ) {
    this.startedAt = opts.startedAt ?? new Date();
  }

  /** Opens a session: with a root, claims results/<id>/ and writes session.json as running (`latest` moves at close). */
  static async open(opts: OpenSessionOptions): Promise<Session> {
    const { version } = await import('../version.js');
    const inventory = typeof opts.inventory === 'string' ? opts.inventory : opts.inventory?.file;
    const writer = opts.root
      ? await SessionWriter.create(opts.root, {
          command: opts.command,
          argv: opts.argv ?? process.argv.slice(2),
          ...(inventory !== undefined ? { inventory } : {}),
          ...(opts.hosts ? { hosts: opts.hosts } : {}),
          ...(opts.filters ? { filters: opts.filters } : {}),
          ...(opts.shard ? { shard: opts.shard } : {}),
          ...(opts.sources ? { sources: opts.sources } : {}),
          versions: { smoker: version, node: process.version },
        })
      : undefined;
    return new Session(writer, opts);
  }

  /** Session id (`YYYY-MM-DD--NNN`), undefined without files. */
  get id(): string | undefined {
    return this.writer?.id;
  }

  /** The session folder, undefined without files. */
  get dir(): string | undefined {
    return this.writer?.dir;
  }

  /** root/id, as reports print it; undefined without files. */
  get label(): string | undefined {
    return this.writer ? `${this.opts.root}/${this.writer.id}` : undefined;
  }

  /** The sink one operation writes through; its partial reports are merged with everything else the session holds. */
  operation(name: string): OperationSink {
    const slot: OperationSlot = { name, names: new Map() };
    this.slots.push(slot);
    this.log(`operation ${name}`);
    return {
      checkDir: (host, check) => this.folder([], ['hosts', host, this.names.reserve(slot, host, check)]),
      subdir: (...parts) => this.folder([], parts),
      log: (m) => this.log(m),
      writeReport: (report) => {
        slot.report = report;
        return this.save();
      },
    };
  }

  /**
   * A sink whose folders live under `parts` (e.g. ['tests', id]): a test's hosts/, services/, watch/. Its reports
   * are not merged into the session's hosts: the test's TestResult (addTest) carries its outcome.
   */
  scoped(...parts: string[]): OperationSink {
    return {
      checkDir: (host, check) => this.folder(parts, ['hosts', host, check]),
      subdir: (...sub) => this.folder(parts, sub),
      log: (m) => this.log(m),
      writeReport: async () => undefined,
    };
  }

  /** Merges a finished operation's report (checks, exec, service steps); the same host+check twice becomes `name#2`. */
  async addReport(report: RunReport, opName = 'report'): Promise<void> {
    await this.operation(opName).writeReport(report);
  }

  /** Adds (or replaces, same id) a test result and rewrites report.json. */
  async addTest(result: TestResult): Promise<void> {
    this.tests.set(result.id, result);
    this.log(`test ${result.id}: ${result.status}`);
    await this.save();
  }

  /** Records one assertion as a check result on its host (default `controller`); returns whether it passed. */
  async addAssertion(a: Assertion): Promise<boolean> {
    const host = a.host ?? 'controller';
    const messages = emptyMessages();
    if (a.message) (a.passed ? messages.info : messages.error).push(a.message);
    const check: CheckResult = {
      check: a.name,
      host,
      status: a.passed ? 'OK' : (a.failStatus ?? 'ERROR'),
      messages,
      components: {},
      metrics: {},
      exitCode: null,
      signal: null,
      durationMs: 0,
      startedAt: new Date().toISOString(),
      truncated: false,
      attempts: 1,
      type: 'assertion',
    };
    const now = new Date();
    await this.addReport(buildReport([buildHostResult(host, [check], 0)], now, now), `assert ${a.name}`);
    return a.passed;
  }

  /** A line added under the summary in summary.txt (e.g. a bounce's roll). */
  note(line: string): void {
    this.notes.push(line);
    this.version++;
    this.log(line);
  }

  /** The merged report so far. */
  report(ended?: Date): RunReport {
    return mergeSlots(this.slots, this.names, this.tests, this.startedAt, ended);
  }

  /** Appends a debug line to session.log (never secrets). */
  log(message: string): void {
    this.writer?.log(message);
  }

  /** Updates session.json fields while running (e.g. the planned hosts). */
  async plan(hosts: string[]): Promise<void> {
    await this.writer?.update({ hosts });
  }

  /**
   * Writes report.json, summary.txt, junit.xml, report.html and session.json (state, counts), points `latest`
   * at the session and prunes (keep); returns the final report. Calling it again returns the same report.
   */
  close(state: SessionState = 'complete'): Promise<RunReport> {
    this.closed ??= this.finish(state);
    return this.closed;
  }

  /**
   * Writes report.json, summary.txt, junit.xml and report.html now (the session stays running), so that a process
   * blocked or killed afterwards still leaves them; returns the report written. close() skips them if nothing changed.
   */
  async writeReports(ended: Date = this.opts.endedAt ?? new Date()): Promise<RunReport> {
    const report = this.report(ended);
    const w = this.writer;
    const version = this.version;
    if (!w) return report;
    await w.writeReport(report);
    const { renderSummaryText, renderJunit, renderHtml } = await import('../report/index.js');
    const o = { session: this.label as string };
    const summary = renderSummaryText(report, o) + this.notes.map((n) => `${n}\n`).join('');
    await Promise.all([w.writeFile('summary.txt', summary), w.writeFile('junit.xml', renderJunit(report, o)), w.writeFile('report.html', renderHtml(report, o))]);
    this.written = { version, report };
    return report;
  }

  private async finish(state: SessionState): Promise<RunReport> {
    const w = this.writer;
    let report: RunReport;
    try {
      report = this.written?.version === this.version ? this.written.report : await this.writeReports();
    } catch (err) {
      await w?.finish('failed', { counts: this.report().counts }).catch(() => undefined);
      throw err;
    }
    if (!w) return report;
    await w.finish(state, { counts: report.counts });
    if (this.opts.keep !== undefined && this.opts.root) await pruneSessions(this.opts.root, this.opts.keep);
    return report;
  }

  private save(): Promise<void> {
    this.version++;
    if (!this.writer || this.closed) return Promise.resolve();
    return this.writer.writeReport(this.report());
  }

  private async folder(scope: readonly string[], parts: readonly string[]): Promise<string | undefined> {
    if (!this.writer) return undefined;
    const d = join(this.writer.dir, ...[...scope, ...parts].map(safeName));
    await mkdir(d, { recursive: true });
    return d;
  }
}

/** Opens a session (the library's entry point): `const s = await openSession({ root: 'results', command: 'script' })`. */
export function openSession(opts: OpenSessionOptions): Promise<Session> {
  return Session.open(opts);
}
