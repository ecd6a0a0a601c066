// Atomic file replacement: write a temp file beside the target, then rename over it.
import { rename, writeFile } from 'node:fs/promises';

let counter = 0;

/** Writes `data` to `path` so readers see either the old or the new file, never half of one. */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}-${counter++}`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}
