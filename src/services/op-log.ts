// services/<service>/<host>/<op>.log: every step of one operation on one host, with its command and output.
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { OperationSink } from '../session/sink.js';
import type { CheckResult } from '../results/types.js';
import type { CommandOutput } from '../transport/types.js';

/** The log of one operation on one host (writes nothing without a session). */
export class OpLog {
  private constructor(
    private readonly stream: WriteStream | undefined,
    /** The folder of this host's service files (collected logs go there too). */
    readonly dir: string | undefined,
  ) {
    stream?.on('error', () => undefined);
  }

  /** Opens services/<service>/<host>/<op>.log (appending), or a log that writes nowhere. */
  static async open(session: OperationSink | undefined, service: string, host: string, op: string): Promise<OpLog> {
    const dir = await session?.subdir('services', service, host);
    if (dir === undefined) return new OpLog(undefined, undefined);
    return new OpLog(createWriteStream(join(dir, `${op}.log`), { flags: 'a' }), dir);
  }

  /** Writes one line, time-stamped (now, or when it happened). */
  line(text: string, at: Date = new Date()): void {
    this.stream?.write(`${at.toISOString()} ${text}\n`);
  }

  /** Writes a command's full in-memory output, each line prefixed by its stream. */
  output(out: CommandOutput): void {
    if (!this.stream) return;
    for (const [name, text] of [['stdout', out.stdout], ['stderr', out.stderr]] as const) {
      for (const l of text.split('\n').filter((x, i, all) => x !== '' || i < all.length - 1)) this.stream.write(`  ${name}| ${l}\n`);
    }
  }

  /** Writes a step's outcome: status, time and messages. */
  result(r: CheckResult): void {
    const msgs = [...r.messages.error, ...r.messages.warn, ...r.messages.info].map((m) => m.split('\n')[0]);
    this.line(`<< ${r.check}: ${r.status} in ${r.durationMs}ms${r.exitCode !== null ? ` (exit ${r.exitCode})` : ''}${msgs.length ? ` — ${msgs.join('; ')}` : ''}`);
  }

  /** Flushes and closes the file. */
  close(): Promise<void> {
    const s = this.stream;
    return new Promise((resolve) => (s ? s.end(() => resolve()) : resolve()));
  }
}
