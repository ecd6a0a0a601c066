// One output stream of a command: the whole stream to a file, at most maxBuffer bytes in memory.
import { createWriteStream, type WriteStream } from 'node:fs';
import { ResultsWriteError } from '../errors.js';

export const DEFAULT_MAX_BUFFER = 1024 * 1024;

/** Collects a stream: bounded head in memory, everything in the file; reports back-pressure and a failed file. */
export class OutputCapture {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  truncated = false;
  private readonly file: WriteStream | undefined;
  private fileError: ResultsWriteError | undefined;
  /** Producers paused until the file drains (or fails: a failed file never drains). */
  private waiting: (() => void)[] = [];

  constructor(
    private readonly path: string | undefined,
    private readonly maxBuffer = DEFAULT_MAX_BUFFER,
    private readonly onFileError?: (err: ResultsWriteError) => void,
  ) {
    this.file = path ? createWriteStream(path) : undefined;
    this.file?.on('error', (err) => this.failFile(err));
    this.file?.on('drain', () => this.release());
  }

  /** Adds a chunk; returns false when the file is behind and the producer should pause. */
  push(chunk: Buffer): boolean {
    const room = this.maxBuffer - this.kept;
    if (room > 0) {
      const part = chunk.length <= room ? chunk : chunk.subarray(0, room);
      this.chunks.push(part);
      this.kept += part.length;
    }
    if (chunk.length > room) this.truncated = true;
    return this.file && !this.fileError ? this.file.write(chunk) : true;
  }

  /** Calls back once the file has drained or failed (immediately without a file). */
  onDrain(cb: () => void): void {
    if (this.file && !this.fileError) this.waiting.push(cb);
    else cb();
  }

  /** The kept bytes as text. */
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }

  /** Flushes and closes the file; throws a ResultsWriteError when it could not be written. */
  async close(): Promise<void> {
    const f = this.file;
    if (!f) return;
    if (!this.fileError) {
      await new Promise<void>((resolve) => {
        f.once('error', () => resolve());
        f.end(() => resolve());
      });
    }
    if (this.fileError) throw this.fileError;
  }

  private release(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const cb of waiting) cb();
  }

  // A write error ends the file for good: no drain will come, so paused producers resume (their bytes are dropped).
  private failFile(err: Error): void {
    if (this.fileError) return;
    this.fileError = new ResultsWriteError(`cannot write ${this.path}: ${err.message}`, { cause: err });
    this.release();
    this.onFileError?.(this.fileError);
  }
}
