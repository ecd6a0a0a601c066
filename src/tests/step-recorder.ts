// Records a test's steps: numbered folders steps/NN-<name>, timestamped lines in test.log, one StepResult each.
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Status } from '../results/status.js';
import type { StepResult } from '../results/test-types.js';
import { emptyMessages, type Messages } from '../results/types.js';
import { pad } from './step-failure.js';

/** What a step's work reports back. */
export interface StepOutcome {
  status: Status;
  info?: string[];
  warn?: string[];
  error?: string[];
  hosts?: string[];
  exitCode?: number | null;
}

/** A running step: its number, folder and label. */
export interface StepHandle {
  index: number;
  name: string;
  /** Absolute folder of the step's files (created), undefined without files. */
  dir: string | undefined;
}

/** The step list and the log of one test run. */
export class StepRecorder {
  readonly steps: StepResult[] = [];
  private next = 1;
  private readonly running = new Map<number, StepHandle>();
  private readonly log: WriteStream | undefined;
  private readonly writes: Promise<void>[] = [];
  phase: StepResult['phase'] = 'setup';

  constructor(
    /** Absolute folder of the test (tests/<id>), undefined without files. */
    readonly dir: string | undefined,
    /** The session folder, for relative paths in results. */
    private readonly sessionDir: string | undefined,
  ) {
    this.log = dir ? createWriteStream(join(dir, 'test.log'), { flags: 'a' }) : undefined;
  }

  /** Writes a timestamped line to test.log. */
  line(message: string): void {
    this.log?.write(`${new Date().toISOString()} ${message}\n`);
  }

  /** The step running now (the newest one still running), for "timed out in step ...". */
  current(): StepHandle | undefined {
    return [...this.running.values()].pop();
  }

  /** Runs one step: numbers it, makes its folder, logs it, records its result. Never throws for a failed step. */
  async run(kind: string, name: string, work: (h: StepHandle) => Promise<StepOutcome>): Promise<StepResult> {
    const index = this.next++;
    // Taken before the first await: a background started in setup stays in setup when the steps begin meanwhile.
    const phase = this.phase;
    const dir = this.dir ? join(this.dir, 'steps', `${pad(index)}-${slug(kind, name)}`) : undefined;
    const handle: StepHandle = { index, name, dir };
    const startedAt = new Date();
    // Running from its number on, so steps enter `running` in order whatever their folders' writes do.
    this.running.set(index, handle);
    let outcome: StepOutcome;
    try {
      if (dir) await mkdir(dir, { recursive: true });
      this.line(`>> step ${pad(index)} [${phase}] ${name}`);
      outcome = await work(handle);
    } catch (err) {
      outcome = { status: 'ERROR', error: [errorText(err)] };
    } finally {
      this.running.delete(index);
    }
    const messages: Messages = { ...emptyMessages(), info: outcome.info ?? [], warn: outcome.warn ?? [], error: outcome.error ?? [] };
    const result: StepResult = {
      index,
      phase,
      kind,
      name,
      status: outcome.status,
      messages,
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
      ...(outcome.hosts ? { hosts: outcome.hosts } : {}),
      ...(outcome.exitCode !== undefined ? { exitCode: outcome.exitCode } : {}),
      ...(dir && this.sessionDir ? { dir: relative(this.sessionDir, dir) } : {}),
    };
    this.record(result);
    // Off the step's path (the next step starts now), like recordNow's: written by close(), which reports a failure.
    if (dir) this.background(writeFile(join(dir, 'result.json'), `${JSON.stringify(result, null, 2)}\n`));
    return result;
  }

  /** Records a step that is already decided (an expectation) at once; its folder is written in the background. */
  recordNow(kind: string, name: string, outcome: StepOutcome): StepResult {
    const index = this.next++;
    const dir = this.dir ? join(this.dir, 'steps', `${pad(index)}-${slug(kind, name)}`) : undefined;
    const result: StepResult = {
      index,
      phase: this.phase,
      kind,
      name,
      status: outcome.status,
      messages: { ...emptyMessages(), info: outcome.info ?? [], warn: outcome.warn ?? [], error: outcome.error ?? [] },
      startedAt: new Date().toISOString(),
      durationMs: 0,
      ...(dir && this.sessionDir ? { dir: relative(this.sessionDir, dir) } : {}),
    };
    this.line(`>> step ${pad(index)} [${this.phase}] ${name}`);
    this.record(result);
    if (dir) this.background(mkdir(dir, { recursive: true }).then(() => writeFile(join(dir, 'result.json'), `${JSON.stringify(result, null, 2)}\n`)));
    return result;
  }

  /** A write flush() waits for; its failure is thrown there, not an unhandled rejection before. */
  private background(write: Promise<void>): void {
    write.catch(() => undefined);
    this.writes.push(write);
  }

  /** Waits for folders written in the background. */
  async flush(): Promise<void> {
    await Promise.all(this.writes.splice(0));
  }

  private record(r: StepResult): void {
    this.steps.push(r);
    this.steps.sort((a, b) => a.index - b.index);
    const detail = [...r.messages.error, ...r.messages.warn, ...r.messages.info].slice(0, 6).map((m) => `\n    ${m.split('\n').join('\n    ')}`).join('');
    this.line(`<< step ${pad(r.index)} ${r.name}: ${r.status} (${r.durationMs} ms)${detail}`);
  }

  /** Closes test.log. */
  async close(): Promise<void> {
    await this.flush();
    const log = this.log;
    return log ? new Promise((resolve) => log.end(() => resolve())) : Promise.resolve();
  }
}

/** `exec-sleep-3600`: the step's verb and the start of its label, safe as a folder name. */
export function slug(kind: string, name: string): string {
  const rest = name.startsWith(kind) ? name.slice(kind.length) : name;
  const s = `${kind}-${rest}`.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '');
  return s.slice(0, 48).replace(/-+$/, '') || kind;
}

/** An error as text for results (stack kept for test.log by callers). */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
