// The `t` of a test: every verb is a numbered step with a result; a failed step throws StepFailure.
import { parseDuration, formatDuration } from '../config/duration.js';
import type { WaitSpec } from '../config/test-types.js';
import { UsageError } from '../errors.js';
import { isFailedStatus } from '../services/step-result.js';
import type { StepResult } from '../results/test-types.js';
import type { ExecOutcome, Expectation, ServiceStepOptions, TestContext, TestExecOptions } from './context-types.js';
import { buildExpectation } from './expect.js';
import { sleepFor } from '../sleep-for.js';
import { StepFailure } from './step-failure.js';
import type { StepHandle, StepOutcome } from './step-recorder.js';
import type { TestEnv } from './test-env.js';
import { execOnHosts, judgeExec } from './verb-exec.js';
import { checkStep } from './verb-check.js';
import { copyStep, fetchStep } from './verb-files.js';
import { signalStep, type ProcessTarget } from './verb-process.js';
import { runServiceVerb, type ServiceVerb } from './verb-service.js';
import { waitStep } from './verb-wait.js';
import { DEFAULT_EVERY_MS, DEFAULT_WAIT_MS } from '../config/test-steps.js';
import type { HostConfig } from '../config/types.js';

/** The implementation of `t`; YAML steps call the same methods. */
export class TestContextImpl implements TestContext {
  /** Background work not yet joined (killed at the end of the test's steps). */
  readonly backgrounds = new Set<Promise<unknown>>();
  private readonly dataObj: Record<string, unknown> = {};

  constructor(private readonly env: TestEnv) {}

  get params(): Readonly<Record<string, unknown>> {
    return this.env.params;
  }

  get id(): string {
    return this.env.id;
  }

  /** What t.data() collected (data.json). */
  get collected(): Record<string, unknown> {
    return this.dataObj;
  }

  hosts(group?: string): string[] {
    return this.env.hosts.names(group);
  }

  /** Runs one step; a failed step throws StepFailure (the recorder keeps the result either way). */
  async step(kind: string, name: string, work: (h: StepHandle) => Promise<StepOutcome>): Promise<StepResult> {
    const r = await this.env.recorder.run(kind, name, work);
    if (isFailedStatus(r.status)) throw new StepFailure(r);
    return r;
  }

  private service(verb: ServiceVerb, service: string, opts: ServiceStepOptions = {}): Promise<void> {
    const label = [verb, service, opts.on ? `on ${opts.on}` : '', opts.serial !== undefined ? `serial ${opts.serial}` : ''].filter(Boolean).join(' ');
    return this.step(verb, label, () => runServiceVerb(this.env, verb, service, opts)).then(() => undefined);
  }

  start(service: string, opts?: ServiceStepOptions): Promise<void> {
    return this.service('start', service, opts);
  }
  stop(service: string, opts?: ServiceStepOptions): Promise<void> {
    return this.service('stop', service, opts);
  }
  restart(service: string, opts?: ServiceStepOptions): Promise<void> {
    return this.service('restart', service, opts);
  }
  bounce(service: string, opts?: ServiceStepOptions): Promise<void> {
    return this.service('bounce', service, opts);
  }
  clean(service: string, opts?: ServiceStepOptions): Promise<void> {
    return this.service('clean', service, opts);
  }
  collect(service: string, opts?: ServiceStepOptions): Promise<void> {
    return this.service('collect', service, opts);
  }

  exec(on: string, command: string, opts: TestExecOptions = {}): Promise<ExecOutcome> {
    const expect = {
      ...(opts.expect?.exit !== undefined ? { exit: opts.expect.exit } : {}),
      ...(opts.expect?.stdout !== undefined ? { stdout: source(opts.expect.stdout) } : {}),
      ...(opts.expect?.stderr !== undefined ? { stderr: source(opts.expect.stderr) } : {}),
    };
    const timeoutMs = opts.timeout === undefined ? undefined : parseDuration(opts.timeout);
    return this.execWith(on, () => command, `exec on ${on}: ${short(command)}`, expect, timeoutMs);
  }

  /** exec with a command per host (YAML substitutes `{{ }}` per host). */
  async execWith(on: string | undefined, command: (h: HostConfig) => string, label: string, expect: { exit?: number | undefined; stdout?: string | undefined; stderr?: string | undefined }, timeoutMs?: number): Promise<ExecOutcome> {
    let value: ExecOutcome | undefined;
    await this.step('exec', label, async (h) => {
      const hosts = this.env.hosts.select(on);
      const outs = await execOnHosts(this.env, hosts, command, h.dir, timeoutMs);
      const judged = judgeExec(outs, expect, timeoutMs);
      value = judged.value;
      return judged.outcome;
    });
    return value as ExecOutcome;
  }

  background<T>(work: Promise<T>, name?: string): Promise<T> {
    // Handled here so a failure is not an unhandled rejection; whoever awaits it still gets it (the step is a result anyway).
    work.catch(() => undefined);
    this.backgrounds.add(work);
    void work.finally(() => this.backgrounds.delete(work)).catch(() => undefined);
    if (name) this.env.recorder.line(`background ${name} started`);
    return work;
  }

  async check(names: string | string[], opts: { on?: string } = {}): Promise<void> {
    const list = Array.isArray(names) ? names : [names];
    await this.step('check', `check ${list.join(', ')}${opts.on ? ` on ${opts.on}` : ''}`, (h) => checkStep(this.env, list, opts.on, h.dir));
  }

  async wait(what: Parameters<TestContext['wait']>[0], opts: { on?: string; timeout?: string | number; every?: string | number } = {}): Promise<void> {
    const spec = toWaitSpec(what);
    const timeoutMs = opts.timeout === undefined ? DEFAULT_WAIT_MS : parseDuration(opts.timeout);
    const everyMs = opts.every === undefined ? DEFAULT_EVERY_MS : parseDuration(opts.every);
    if (timeoutMs === undefined || everyMs === undefined) throw new UsageError(`wait: expected durations like 60s, got timeout ${String(opts.timeout)}, every ${String(opts.every)}`);
    await this.waitFor(spec, opts.on, timeoutMs, everyMs);
  }

  /** wait with a validated spec. */
  async waitFor(spec: WaitSpec, on: string | undefined, timeoutMs: number, everyMs: number): Promise<void> {
    await this.step('wait', `wait ${describeWait(spec)}${on ? ` on ${on}` : ''} (timeout ${formatDuration(timeoutMs)})`, () => waitStep(this.env, spec, { on, timeoutMs, everyMs }));
  }

  async kill(target: string | ProcessTarget, opts: { on?: string; signal?: string } = {}): Promise<void> {
    await this.signalWith('kill', typeof target === 'string' ? { service: target } : target, opts.signal ?? 'KILL', opts.on);
  }

  async signal(target: string | ProcessTarget, signal: string, opts: { on?: string } = {}): Promise<void> {
    await this.signalWith('signal', typeof target === 'string' ? { service: target } : target, signal, opts.on);
  }

  /** kill/signal as one step. */
  async signalWith(kind: 'kill' | 'signal', target: ProcessTarget, signal: string, on: string | undefined): Promise<void> {
    const what = target.service ?? (target.pidFile ? `pid in ${target.pidFile}` : `processes /${target.process ?? ''}/`);
    await this.step(kind, `${kind} -${signal.toUpperCase().replace(/^SIG/, '')} ${what}${on ? ` on ${on}` : ''}`, () => signalStep(this.env, kind, target, signal, on));
  }

  async copy(src: string, dest: string, opts: { on?: string } = {}): Promise<void> {
    await this.step('copy', `copy ${src} to ${dest}${opts.on ? ` on ${opts.on}` : ''}`, () => copyStep(this.env, src, dest, opts.on));
  }

  async fetch(src: string, dest: string, opts: { on?: string } = {}): Promise<void> {
    await this.step('fetch', `fetch ${src} to ${dest}${opts.on ? ` from ${opts.on}` : ''}`, () => fetchStep(this.env, src, dest, opts.on, this.env.recorder.dir));
  }

  async sleep(duration: string | number): Promise<void> {
    const ms = parseDuration(duration);
    if (ms === undefined) throw new UsageError(`sleep: expected a duration like 2s, got ${String(duration)}`);
    await this.step('sleep', `sleep ${formatDuration(ms)}`, async () => {
      await sleepFor(ms, this.env.signal());
      return this.env.signal().aborted ? { status: 'UNKNOWN', error: ['stopped'] } : { status: 'OK' };
    });
  }

  expect(actual: unknown, label?: string): Expectation {
    return buildExpectation(actual, (v) => {
      const r = this.env.recorder.recordNow('expect', `expect${label ? ` ${label}:` : ''} ${short(v.text, 100)}`, v.passed ? { status: 'OK', info: [v.text] } : { status: 'ERROR', error: [v.text] });
      if (!v.passed) throw new StepFailure(r);
    });
  }

  log(message: string): void {
    this.env.recorder.line(`log: ${message}`);
  }

  data(obj: Record<string, unknown>): void {
    Object.assign(this.dataObj, obj);
  }
}

function source(p: string | RegExp): string {
  return typeof p === 'string' ? p : p.source;
}

function short(text: string, max = 60): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function toWaitSpec(what: Parameters<TestContext['wait']>[0]): WaitSpec {
  if ('check' in what) return { kind: 'check', check: what.check };
  if ('exec' in what) return { kind: 'exec', command: what.exec };
  if ('port' in what) return { kind: 'port', port: what.port };
  if ('http' in what) return { kind: 'http', url: what.http };
  if ('log' in what) return { kind: 'log', path: what.log.path, pattern: what.log.pattern };
  throw new UsageError('wait: expected { check | exec | port | http | log }');
}

/** `check isr_full`, `port 8000`, `log /tmp/x /started/`. */
export function describeWait(w: WaitSpec): string {
  switch (w.kind) {
    case 'check':
      return `check ${w.check}`;
    case 'exec':
      return `exec ${short(w.command, 40)}`;
    case 'port':
      return `port ${w.port}`;
    case 'http':
      return `http ${w.url}`;
    case 'log':
      return `log ${w.path} /${w.pattern}/`;
  }
}
