// Loads INVENTORY for any command: a smoker inventory, or an Ansible inventory converted on the fly.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { detectInventoryFormat } from '../interop/ansible-detect.js';
import { displayPath, loadInventory, validateInventory } from './inventory.js';
import type { GroupConfig, Inventory } from './types.js';
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
  // A folder is Ansible's layout: every inventory file in it, plus its group_vars/ and host_vars/.
  if (isDirectory(path)) return { inventory: await loadAnsibleAsInventory(path), kind: 'ansible' };
  const text = readTextOrUndefined(path);
  // Unreadable files take the smoker path, which reports them the usual way.
  if (text === undefined) return { inventory: loadInventory(path), kind: 'smoker' };
  const format = detectInventoryFormat(text, path);
  if (format.kind === 'smoker') return { inventory: loadInventory(path), kind: 'smoker' };
  if (format.kind === 'unknown') {
    const file = displayPath(resolve(path));
    const why = format.tried.map((t) => `\n  - not ${t}`).join('');
    throw new ConfigError([{ pos: { file, line: 1, col: 1 }, path: '', message: `not an inventory smoker can read; tried:${why}` }]);
  }
  return { inventory: await loadAnsibleAsInventory(path), kind: 'ansible' };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
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
  const ordered = conversion.hostOrder ? inAnsibleOrder(result.inventory, conversion.hostOrder) : result.inventory;
  return Object.freeze({ ...ordered, warnings: Object.freeze(warnings) });
}

// Hosts and group members in the order Ansible gives them (its `all` walks ungrouped, then groups level by level).
function inAnsibleOrder(inventory: Inventory, order: { hosts: string[]; groups: Record<string, string[]> }): Inventory {
  const rank = (list: readonly string[]) => {
    const at = new Map(list.map((h, i) => [h, i]));
    return (a: string, b: string) => (at.get(a) ?? Infinity) - (at.get(b) ?? Infinity);
  };
  const byAll = rank(order.hosts);
  const hosts = [...inventory.hosts].sort((a, b) => byAll(a.name, b.name));
  const groups = new Map<string, GroupConfig>();
  for (const [name, g] of inventory.groups) {
    const cmp = rank(name === 'all' ? order.hosts : (order.groups[name] ?? []));
    groups.set(name, Object.freeze({ ...g, hosts: [...g.hosts].sort(cmp) }));
  }
  return { ...inventory, hosts: Object.freeze(hosts), groups };
}

function readTextOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
