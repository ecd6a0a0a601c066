// Splits one output stream of a shared shell session into the outputs of the commands it ran in turn.

/** What a shared session prints after each command, on stdout and stderr: `\n`, this, nonce, space, status, `\n`. */
export const END_MARK = '\u001eSMOKER-END ';

/** A piece of one command's output, or the end of that command with its exit status. */
export type Frame = { kind: 'data'; data: Buffer } | { kind: 'end'; status: number };

const EMPTY = Buffer.alloc(0);
/** Longer than any exit status line: a "status" this long is output that happened to look like a marker. */
const MAX_STATUS_LENGTH = 12;

/**
 * Finds the end markers in a stream that arrives in arbitrary chunks. Output is passed on as it arrives,
 * except a tail that could be the start of a marker, which waits for the next chunk. The newline the
 * session prints before each marker is not part of the output.
 */
export class FrameReader {
  private pending: Buffer = EMPTY;
  private readonly prefix: Buffer;

  constructor(nonce: string) {
    this.prefix = Buffer.from(`\n${END_MARK}${nonce} `);
  }

  /** Consumes a chunk; returns the frames it completes, in order. */
  push(chunk: Buffer): Frame[] {
    let buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const frames: Frame[] = [];
    for (let from = 0; ; ) {
      const at = buf.indexOf(this.prefix, from);
      if (at < 0) break;
      const statusAt = at + this.prefix.length;
      const nl = buf.indexOf(10, statusAt);
      if (nl < 0 && buf.length - statusAt <= MAX_STATUS_LENGTH) {
        this.pending = Buffer.from(buf.subarray(at));
        if (at > 0) frames.push({ kind: 'data', data: buf.subarray(0, at) });
        return frames;
      }
      const status = nl < 0 ? '' : buf.subarray(statusAt, nl).toString('latin1');
      if (!/^\d{1,3}$/.test(status)) {
        from = at + 1;
        continue;
      }
      if (at > 0) frames.push({ kind: 'data', data: buf.subarray(0, at) });
      frames.push({ kind: 'end', status: Number(status) });
      buf = buf.subarray(nl + 1);
      from = 0;
    }
    const keep = partialPrefixLength(buf, this.prefix);
    if (buf.length > keep) frames.push({ kind: 'data', data: buf.subarray(0, buf.length - keep) });
    this.pending = keep ? Buffer.from(buf.subarray(buf.length - keep)) : EMPTY;
    return frames;
  }

  /** Output held back as a possible marker start; it is output after all when the stream ends. */
  flush(): Buffer {
    const rest = this.pending;
    this.pending = EMPTY;
    return rest;
  }
}

/** Length of the longest tail of `buf` that is a proper beginning of `prefix` (which starts with a newline). */
function partialPrefixLength(buf: Buffer, prefix: Buffer): number {
  for (let k = Math.min(prefix.length - 1, buf.length); k > 0; k--) {
    const start = buf.length - k;
    if (buf[start] === 10 && buf.compare(prefix, 0, k, start) === 0) return k;
  }
  return 0;
}
