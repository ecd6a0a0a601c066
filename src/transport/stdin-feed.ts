// Feeds a command's stdin from ExecOptions: given bytes, a file streamed (exec's forwarded stdin), or nothing; then EOF.
import { createReadStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { ExecOptions } from './types.js';

/** Writes the options' stdin to `sink` and ends it; a command that exits without reading it is not an error. */
export function feedStdin(sink: Writable, opts: ExecOptions): void {
  sink.on('error', () => undefined);
  if (opts.stdinFile === undefined) {
    sink.end(opts.stdin ?? '');
    return;
  }
  const file = createReadStream(opts.stdinFile);
  file.on('error', () => sink.end());
  // The command may end before it read everything: stop reading then.
  sink.once('close', () => file.destroy());
  file.pipe(sink);
}
