// One output stream of a command: the whole stream to a file, at most maxBuffer bytes in memory.
import { createWriteStream, type WriteStream } from 'node:fs';

export const DEFAULT_MAX_BUFFER = 1024 * 1024;

/** Collects a stream: bounded head in memory, everything in the file; reports back-pressure. */
export class OutputCapture {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  truncated = false;
  private readonly file: WriteStream | undefined;
  private fileError: Error | undefined;

  constructor(
    path: string | undefined,
    private readonly maxBuffer = DEFAULT_MAX_BUFFER,
  ) {
    this.file = path ? createWriteStream(path) : undefined;
    this.file?.on('error', (err) => (this.fileError = err));
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
    return this.file ? this.file.write(chunk) : true;
  }

  /** Calls back once the file has drained (immediately without a file). */
  onDrain(cb: () => void): void {
    if (this.file) this.file.once('drain', cb);
    else cb();
  }

  /** The kept bytes as text. */
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }

  /** Flushes and closes the file. */
  async close(): Promise<void> {
    const f = this.file;
    if (!f) return;
    await new Promise<void>((resolve) => f.end(() => resolve()));
    if (this.fileError) throw this.fileError;
  }
}
