// One host of a service operation: its connection, its steps in order, its op log and its log watchers.
import type { ServiceDef } from '../config/check-types.js';
import type { HostConfig } from '../config/types.js';
import { TransportError } from '../errors.js';
import { buildHostResult } from '../results/aggregate.js';
import type { OperationSink } from '../session/sink.js';
import type { CheckResult, HostResult } from '../results/types.js';
import type { Connector } from '../transport/connector.js';
import type { CommandOutput, Connection, ExecOptions } from '../transport/types.js';
import { attachFindings, describeWatch } from '../watch/attach.js';
import { StepClock } from '../watch/step-clock.js';
import { startWatchers, type WatchGroup } from '../watch/watch-group.js';
import { resolveHostService, type HostService } from './host-service.js';
import { OpLog } from './op-log.js';
import { usesQuickSteps } from './phases.js';
import { isFailedStatus, buildStepResult, type StepFields } from './step-result.js';

/** What every host of one operation shares. */
export interface OpContext {
  service: ServiceDef;
  /** The operation's name: start, stop, status, wait, restart or bounce (names the op log). */
  op: string;
  connector: Connector;
  session: OperationSink | undefined;
  signal: AbortSignal | undefined;
  /** Whether the service's watchers run (not for status, which changes nothing). */
  watch: boolean;
}

/** A host's part in an operation. Steps run through it so each is timed, logged and watched. */
export class ServiceHost {
  readonly steps: CheckResult[] = [];
  readonly clock = new StepClock();
  readonly svc: HostService | undefined;
  unreachable: string | undefined;
  private conn: Connection | undefined;
  private log: OpLog | undefined;
  private watchers: WatchGroup<string | undefined> | undefined;
  private opened: Promise<boolean> | undefined;
  private prepared: Promise<boolean> | undefined;
  private connectError: string | undefined;
  private preparedAt: Date | undefined;
  private connectedAt: Date | undefined;
  private readonly t0 = Date.now();
  private ended: number | undefined;

  constructor(
    readonly host: HostConfig,
    private readonly ctx: OpContext,
  ) {
    const r = resolveHostService(ctx.service, host);
    if ('error' in r) this.add(this.step(ctx.op, { status: 'ERROR', error: [r.error] }));
    else this.svc = r.service;
  }

  get name(): string {
    return this.host.name;
  }

  /** The operation this host takes part in (start, stop, bounce...). */
  get op(): string {
    return this.ctx.op;
  }

  /** The folder of this host's service files in the session (undefined without a session). */
  get dir(): string | undefined {
    return this.log?.dir;
  }

  /** Connects (once) and starts the watchers; false when the host cannot be used. */
  open(): Promise<boolean> {
    this.opened ??= this.doOpen();
    return this.opened;
  }

  /**
   * Connects (once), without the op log or the watchers: a roll calls it for the
   * next batch while the current one waits, so that batch starts with its connections ready.
   */
  prepare(): Promise<boolean> {
    this.prepared ??= this.doPrepare();
    return this.prepared;
  }

  private async doPrepare(): Promise<boolean> {
    if (!this.svc) return false;
    this.preparedAt = new Date();
    try {
      this.conn = await this.ctx.connector.connect(this.host, this.ctx.signal);
      this.connectedAt = new Date();
      // The shared session the quick steps (stop, status, waits) use, opened while the host is only got ready.
      if (usesQuickSteps(this.ctx.op, this.svc)) await this.conn.warm?.();
    } catch (err) {
      if (!(err instanceof TransportError)) throw err;
      // Said when the host is used (open), not when it was only got ready: a roll may never reach it.
      this.connectError = err.message;
      return false;
    }
    return true;
  }

  private async doOpen(): Promise<boolean> {
    if (!this.svc) return false;
    const ready = await this.prepare();
    // The op log (and the host's folder) exist only for hosts the operation used; its lines keep the times of the connection.
    this.log = await OpLog.open(this.ctx.session, this.ctx.service.name, this.name, this.ctx.op);
    this.log.line(`${this.ctx.op} ${this.ctx.service.name} on ${this.name}`, this.preparedAt);
    if (!ready || !this.conn) {
      this.unreachable = this.connectError ?? 'not connected';
      this.log.line(`unreachable: ${this.unreachable}`);
      return false;
    }
    this.log.line('connected', this.connectedAt);
    if (this.ctx.watch && this.svc.watch.length > 0) {
      const dir = this.ctx.session ? await this.ctx.session.subdir('watch', this.name) : undefined;
      this.watchers = await startWatchers(this.conn, this.svc.watch, {
        ...(dir ? { dir } : {}),
        ...this.sudoOptions(),
        ...(this.ctx.signal ? { signal: this.ctx.signal } : {}),
        tag: () => this.clock.current(),
      });
      this.log?.line(`watching ${this.svc.watch.map((w) => w.path).join(', ')}`);
    }
    return true;
  }

  /** Runs a command of the service as one step, or returns the transport failure as a value. */
  async exec(name: string, command: string, opts: ExecOptions = {}): Promise<CommandOutput | Error> {
    const conn = this.conn;
    if (!conn || !this.svc) return new Error('not connected');
    this.log?.line(`>> ${name}: ${command.split('\n')[0]}${command.includes('\n') ? ' …' : ''}`);
    const end = this.clock.begin(name);
    try {
      const out = await conn.exec(command, { ...this.svc.execOptions, ...(this.ctx.signal ? { signal: this.ctx.signal } : {}), ...opts });
      this.log?.output(out);
      return out;
    } catch (err) {
      if (!(err instanceof TransportError)) throw err;
      return err;
    } finally {
      end();
    }
  }

  /** Builds a step result for this host. */
  step(name: string, fields: StepFields): CheckResult {
    return buildStepResult(this.ctx.service.name, this.name, name, fields);
  }

  /** Records a finished step (its name made unique among this host's steps). */
  add(step: CheckResult): CheckResult {
    let name = step.check;
    for (let i = 2; this.steps.some((s) => s.check === name); i++) name = `${step.check} (${i})`;
    step.check = name;
    this.steps.push(step);
    this.log?.result(step);
    return step;
  }

  /** Whether the host failed: unreachable, or a step ERROR/UNKNOWN. */
  failed(): boolean {
    return this.unreachable !== undefined || this.steps.some((s) => isFailedStatus(s.status));
  }

  /** Stops the watchers and puts their findings on the steps; the connection stays open for log collection. */
  async finish(): Promise<void> {
    this.ended ??= Date.now();
    const w = this.watchers;
    this.watchers = undefined;
    if (!w) return;
    const results = await w.stop();
    attachFindings(this.steps, results);
    for (const r of results) this.log?.line(`watcher: ${describeWatch(r)}`);
  }

  /** The open connection (after open() succeeded). */
  connection(): Connection | undefined {
    return this.conn;
  }

  /** The sudo settings of the service's commands (watchers and log collection use them too). */
  sudoOptions(): Pick<ExecOptions, 'sudo' | 'sudoPasswordEnv'> {
    const o = this.svc?.execOptions;
    return { ...(o?.sudo ? { sudo: true } : {}), ...(o?.sudoPasswordEnv ? { sudoPasswordEnv: o.sudoPasswordEnv } : {}) };
  }

  /** The host's result: its steps, or the reason it was unreachable. */
  result(): HostResult {
    return buildHostResult(this.name, this.steps, (this.ended ?? Date.now()) - this.t0, this.unreachable);
  }

  /** Closes the op log and the connection. */
  async close(): Promise<void> {
    // A connection got ready for a batch the roll never reached may still be on its way.
    await this.prepared?.catch(() => undefined);
    await this.finish();
    await this.log?.close();
    await this.conn?.close().catch(() => undefined);
    this.conn = undefined;
  }
}
