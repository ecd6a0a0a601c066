// Atomic file replacement: write a temp file beside the target, then rename over it.
import { rename, unlink, writeFile } from 'node:fs/promises';

let counter = 0;

/** Writes `data` to `path` so readers see either the old or the new file, never half of one; a failed write leaves no temp file. */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}-${counter++}`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}
