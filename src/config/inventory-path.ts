// Which inventory file to use: argument, -i, $SMOKER_INVENTORY, ./inventory.yaml, the only file in ./inventories/.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** Where an inventory may come from, in order of precedence. */
export interface InventorySources {
  arg?: string | undefined;
  flag?: string | undefined;
  env?: string | undefined;
  cwd: string;
}

/** Picks the inventory path, or throws a UsageError naming what was tried (or the two files when the argument and -i differ). */
export function resolveInventoryPath(src: InventorySources): string {
  if (src.arg && src.flag && resolve(src.cwd, src.arg) !== resolve(src.cwd, src.flag)) {
    throw new UsageError(`two inventories given: ${src.arg} (argument) and ${src.flag} (-i); give one`);
  }
  const given = src.arg ?? src.flag ?? (src.env || undefined);
  if (given) return given;
  const local = join(src.cwd, 'inventory.yaml');
  if (existsSync(local)) return local;
  const dir = join(src.cwd, 'inventories');
  const candidates = existsSync(dir) ? readdirSync(dir).filter((f) => /\.(ya?ml|ini|json)$/.test(f) || !f.includes('.')) : [];
  if (candidates.length === 1 && candidates[0]) return join(dir, candidates[0]);
  const hint =
    candidates.length > 1
      ? `; ./inventories/ holds several: ${candidates.map((c) => `inventories/${c}`).join(', ')}`
      : '; tried the argument, -i, $SMOKER_INVENTORY, ./inventory.yaml and ./inventories/';
  throw new UsageError(`no inventory given${hint}. Pass one, e.g. smoker run inventories/local.yaml`);
}
