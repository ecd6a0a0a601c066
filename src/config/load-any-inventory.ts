// Loads INVENTORY for any command: a smoker inventory, or an Ansible inventory converted on the fly.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { looksLikeAnsibleInventory } from '../interop/ansible-detect.js';
import { displayPath, loadInventory, validateInventory } from './inventory.js';
import type { Inventory } from './types.js';
import { parseYaml } from './yaml-file.js';

/** Which kind of file an inventory came from. */
export type InventoryKind = 'smoker' | 'ansible';

/** A loaded inventory and the kind of file it was read from. */
export interface LoadedInventory {
  inventory: Inventory;
  kind: InventoryKind;
}

/**
 * Loads a smoker inventory, or an Ansible one (INI or YAML, with host_vars/ and group_vars/), which is
 * converted as `smoker inventory from-ansible` prints it and then validated like any smoker inventory.
 * Throws ConfigError with file:line:col for problems in either.
 */
export async function loadAnyInventory(path: string): Promise<LoadedInventory> {
  const text = readTextOrUndefined(path);
  // Unreadable files take the smoker path, which reports them the usual way.
  if (text === undefined || !looksLikeAnsibleInventory(text, path)) return { inventory: loadInventory(path), kind: 'smoker' };
  return { inventory: await loadAnsibleAsInventory(path), kind: 'ansible' };
}

/** Converts an Ansible inventory file and validates the result as a smoker inventory. */
export async function loadAnsibleAsInventory(path: string): Promise<Inventory> {
  const abs = resolve(path);
  const display = displayPath(abs);
  // The converter is most of src/interop/: loaded only for Ansible files, so smoker inventories start faster.
  const [{ loadAnsibleInventory }, { toYaml }] = await Promise.all([import('../interop/ansible-inventory.js'), import('../interop/to-yaml.js')]);
  const conversion = await loadAnsibleInventory(display);
  // Problems found after conversion can only point into the converted text (`smoker inventory from-ansible` shows it).
  const label = `${display} (converted)`;
  const parsed = parseYaml(toYaml(conversion.inventory, conversion), label);
  if ('issues' in parsed) throw new ConfigError(parsed.issues);
  // Ansible vars may hold Jinja, which smoker does not evaluate: a warning, not an error.
  const result = validateInventory(parsed.file, abs, { templates: 'warning' });
  if ('issues' in result) throw new ConfigError(result.issues);
  const warnings = [...conversion.warnings, ...result.inventory.warnings];
  return Object.freeze({ ...result.inventory, warnings: Object.freeze(warnings) });
}

function readTextOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
