// Which inventory file to use: argument, -i, $SMOKER_INVENTORY, ./inventory.yaml, the only file in ./inventories/.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';

/** Where an inventory may come from, in order of precedence. */
export interface InventorySources {
  arg?: string | undefined;
  flag?: string | undefined;
  env?: string | undefined;
  cwd: string;
}

/** Picks the inventory path, or throws a UsageError naming what was tried. */
export function resolveInventoryPath(src: InventorySources): string {
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
