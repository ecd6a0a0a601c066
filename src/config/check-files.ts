// Finds check files: a path may be a file or a folder of *.yaml / *.yml files (searched recursively, sorted).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Expands files and folders into the list of check files, in a stable order. */
export function listCheckFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      out.push(p); // reported as "file not found" by the loader
      continue;
    }
    if (!st.isDirectory()) {
      out.push(p);
      continue;
    }
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.ya?ml$/.test(entry.name)) out.push(full);
      }
    };
    walk(p);
  }
  return [...new Set(out)];
}
