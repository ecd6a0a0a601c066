// Copies the per-host files of merged sessions (hosts/<host>/, services/, watch/) into the new session.
import { cp, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Session subfolders whose contents are per host (or per test), so shards never write the same file. */
const PER_HOST_FOLDERS = ['hosts', 'services', 'watch', 'tests'];

/** Copies each source's per-host folders into `dir`; nothing already there is overwritten. */
export async function copySessionFiles(sourceDirs: readonly string[], dir: string): Promise<void> {
  for (const source of sourceDirs) {
    for (const folder of PER_HOST_FOLDERS) {
      const entries = await readdir(join(source, folder)).catch(() => [] as string[]);
      for (const entry of entries) {
        await cp(join(source, folder, entry), join(dir, folder, entry), { recursive: true, force: false, errorOnExist: false });
      }
    }
  }
}
