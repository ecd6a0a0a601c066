// smog's log watcher: tails one remote log over the host's connection while an operation runs.
import { createWriteStream, type WriteStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { CommandOutput, Connection } from '../transport/types.js';
import { ExceptionDetector, type Finding } from './detect.js';
import { ReadyMarker } from '../transport/ready-marker.js';
import { buildTailScript } from '../transport/tail-script.js';

/** A log to watch: its name (for files and messages), remote path and extra patterns. */
export interface WatchTarget {
  readonly name: string;
  readonly path: string;
  readonly patterns: readonly string[];
}

/** How a watcher runs. */
export interface WatcherOptions<T> {
  sudo?: boolean;
  sudoPasswordEnv?: string;
  /** Local file that receives every byte seen (appended). */
  saveTo?: string;
  /** Aborts the watcher with the operation (Ctrl-C). */
  signal?: AbortSignal;
  /** Called as each line arrives: the tag its finding carries (the running step). */
  tag: () => T;
  /** Findings kept; later ones are only counted. Default 50. */
  maxFindings?: number;
}

/** What a watcher saw. */
export interface WatchResult<T> {
  target: WatchTarget;
  lines: number;
  findings: Finding<T>[];
  /** Findings beyond maxFindings, counted only. */
  dropped: number;
  /** Set when the watcher ended on its own (it could not follow the log). */
  error?: string;
}

const READY_TIMEOUT_MS = 5_000;
/** Time given to the last lines to arrive before the tail is stopped. */
const DRAIN_MS = 400;
/** A line longer than this is cut (a log without newlines must not grow memory). */
const MAX_LINE = 64 * 1024;

/** A running watcher; stop() ends it and returns what it found. */
export class LogWatcher<T> {
  private readonly abort = new AbortController();
  private readonly decoder = new StringDecoder('utf8');
  private readonly detector: ExceptionDetector<T>;
  private readonly findings: Finding<T>[] = [];
  private readonly file: WriteStream | undefined;
  private readonly done: Promise<CommandOutput | Error>;
  // The first line is the ready marker; nothing of the log comes before it.
  private readonly marker = new ReadyMarker(() => this.readyWaiter?.());
  private pending = '';
  private readyWaiter: (() => void) | undefined;
  private lines = 0;
  private dropped = 0;
  private ended = false;

  private constructor(
    conn: Connection,
    readonly target: WatchTarget,
    private readonly opts: WatcherOptions<T>,
  ) {
    this.detector = new ExceptionDetector<T>(target.patterns);
    this.file = opts.saveTo ? createWriteStream(opts.saveTo, { flags: 'a' }) : undefined;
    this.file?.on('error', () => undefined);
    const onOuterAbort = () => this.abort.abort();
    opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
    this.done = conn
      .exec(buildTailScript(target.path), {
        signal: this.abort.signal,
        maxBuffer: 64 * 1024,
        ...(opts.sudo ? { sudo: true } : {}),
        ...(opts.sudoPasswordEnv ? { sudoPasswordEnv: opts.sudoPasswordEnv } : {}),
        onStdout: (chunk) => this.onChunk(chunk),
      })
      .catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))))
      .finally(() => {
        this.ended = true;
        opts.signal?.removeEventListener('abort', onOuterAbort);
        this.readyWaiter?.();
      });
  }

  /** Starts watching and resolves once the log's end is marked (so later lines are all seen). */
  static async start<T>(conn: Connection, target: WatchTarget, opts: WatcherOptions<T>): Promise<LogWatcher<T>> {
    const w = new LogWatcher(conn, target, opts);
    await w.whenReady();
    return w;
  }

  private whenReady(): Promise<void> {
    if (this.marker.marked || this.ended) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(), READY_TIMEOUT_MS);
      this.readyWaiter = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private onChunk(output: Buffer): void {
    const chunk = this.marker.cut(output);
    if (chunk.length) this.onData(chunk);
  }

  private onData(chunk: Buffer): void {
    this.file?.write(chunk);
    this.pending += this.decoder.write(chunk);
    let nl: number;
    while ((nl = this.pending.indexOf('\n')) >= 0) {
      this.line(this.pending.slice(0, nl).replace(/\r$/, ''));
      this.pending = this.pending.slice(nl + 1);
    }
    if (this.pending.length > MAX_LINE) {
      this.line(this.pending.slice(0, MAX_LINE));
      this.pending = '';
    }
  }

  private line(text: string): void {
    this.lines++;
    this.detector.push(text, this.opts.tag());
    this.collect();
  }

  private collect(): void {
    const max = this.opts.maxFindings ?? 50;
    for (const f of this.detector.take()) {
      if (this.findings.length < max) this.findings.push(f);
      else this.dropped++;
    }
  }

  /** Lets the last lines arrive, stops the tail (killing it on the host) and returns the findings. */
  async stop(): Promise<WatchResult<T>> {
    if (!this.ended) await new Promise((r) => setTimeout(r, DRAIN_MS));
    const endedEarly = this.ended;
    this.abort.abort();
    const out = await this.done;
    const rest = this.pending + this.decoder.end();
    if (rest) this.line(rest);
    this.pending = '';
    this.detector.flush();
    this.collect();
    await new Promise<void>((resolve) => (this.file ? this.file.end(() => resolve()) : resolve()));
    const error = endedEarly ? describeEarlyEnd(out) : undefined;
    return { target: this.target, lines: this.lines, findings: this.findings, dropped: this.dropped, ...(error ? { error } : {}) };
  }
}

function describeEarlyEnd(out: CommandOutput | Error): string {
  if (out instanceof Error) return out.message;
  const why = out.stderr.trim().split('\n').pop();
  return `the watcher ended (exit ${out.exitCode ?? out.signal ?? '?'})${why ? `: ${why}` : ''}`;
}
