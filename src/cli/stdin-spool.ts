// exec's stdin forwarding (pssh -I): local stdin, when it is data and not a terminal, read once into a temp file.
import { createWriteStream, fstatSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

/** A spooled copy of stdin: stream `file` to every host, then `remove()` it. */
export interface StdinSpool {
  file: string;
  remove(): Promise<void>;
}

/** Whether stdin carries data to forward: a file, a pipe or a socket, not a terminal or /dev/null. */
export function stdinHasData(): boolean {
  if (process.stdin.isTTY) return false;
  try {
    const st = fstatSync(0);
    return st.isFile() || st.isFIFO() || st.isSocket();
  } catch {
    return false; // stdin closed
  }
}

/** Copies all of stdin to a private temp file (never into memory: it may be large), read once for every host. */
export async function spoolStdin(): Promise<StdinSpool> {
  const dir = await mkdtemp(join(tmpdir(), 'smoker-stdin-'));
  const file = join(dir, 'stdin');
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await pipeline(process.stdin, createWriteStream(file, { mode: 0o600 }));
  } catch (err) {
    await remove();
    throw err;
  }
  return { file, remove };
}
