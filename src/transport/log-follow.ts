// follow(path): tails a host's log from its current end (across rotation) and waits for a line to match.
import { StringDecoder } from 'node:string_decoder';
import { TransportError } from '../errors.js';
import { ReadyMarker } from './ready-marker.js';
import { buildTailScript } from './tail-script.js';
import type { CommandOutput, ExecOptions } from './types.js';

/** Lines kept for waitFor (older ones are dropped; a log is not held whole in memory). */
const MAX_LINES = 10_000;

/** A log being followed from where it ended when follow() began. */
export class LogFollow {
  /** Resolves once the log's end is marked on the host: lines written after this are all seen. */
  readonly ready: Promise<void>;
  private readonly abort = new AbortController();
  private readonly decoder = new StringDecoder('utf8');
  private readonly seen: string[] = [];
  /** Lines dropped from the front of `seen`. */
  private dropped = 0;
  private readonly waiters = new Set<() => void>();
  private readonly done: Promise<CommandOutput | Error>;
  private readonly marker: ReadyMarker;
  private partial = '';
  private ended: string | undefined;

  constructor(
    private readonly host: string,
    readonly path: string,
    exec: (command: string, opts: ExecOptions) => Promise<CommandOutput>,
  ) {
    let markedNow: () => void = () => undefined;
    this.ready = new Promise((resolve) => (markedNow = resolve));
    this.marker = new ReadyMarker(() => markedNow());
    this.done = exec(buildTailScript(path), { signal: this.abort.signal, maxBuffer: 64 * 1024, onStdout: (c) => this.onChunk(c) })
      .catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))))
      .then((out) => {
        this.ended = out instanceof Error ? out.message : out.aborted ? 'stopped' : `the tail ended (exit ${out.exitCode})`;
        markedNow();
        this.wake();
        return out;
      });
  }

  /** Every complete line seen so far (at most the last 10,000). */
  lines(): string[] {
    return [...this.seen];
  }

  /** Resolves with the first line seen since follow() began that matches; a TransportError (E_FOLLOW_TIMEOUT) after timeoutMs. */
  async waitFor(pattern: RegExp | string, timeoutMs: number): Promise<string> {
    const re = typeof pattern === 'string' ? new RegExp(pattern) : pattern;
    const deadline = Date.now() + timeoutMs;
    let from = 0;
    for (;;) {
      const hit = this.seen.slice(Math.max(0, from - this.dropped)).find((l) => re.test(l));
      if (hit !== undefined) return hit;
      from = this.dropped + this.seen.length;
      if (this.ended !== undefined) throw new TransportError(`${this.host}: follow ${this.path}: ${this.ended} before ${re} was seen`, { code: 'E_FOLLOW' });
      const left = deadline - Date.now();
      if (left <= 0) throw new TransportError(`${this.host}: ${re} not seen in ${this.path} within ${timeoutMs} ms`, { code: 'E_FOLLOW_TIMEOUT' });
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiters.add(wake);
      });
    }
  }

  /** Stops the tail on the host (its process tree is killed). */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.done;
  }

  private onChunk(output: Buffer): void {
    const chunk = this.marker.cut(output);
    if (chunk.length === 0) return;
    const text = this.partial + this.decoder.write(chunk);
    const parts = text.split('\n');
    this.partial = parts.pop() ?? '';
    for (const l of parts) this.seen.push(l.replace(/\r$/, ''));
    if (this.seen.length > MAX_LINES) this.dropped += this.seen.splice(0, this.seen.length - MAX_LINES).length;
    this.wake();
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }
}
