// -H on stored sessions: Ansible patterns over the hosts the sessions name, with the inventory's groups and addresses when it still loads.
import { existsSync } from 'node:fs';
import { loadAnyInventory } from '../../config/load-any-inventory.js';
import { selectHostsStrict, type PatternUniverse } from '../../config/patterns.js';
import type { Inventory } from '../../config/types.js';
import type { LoadedSession } from '../../results/session-reader.js';
import { hostUniverse } from '../host-universe.js';

/** The host names a -H pattern selects among the sessions' hosts (planned ones included). */
export async function selectSessionHosts(pattern: string, sessions: readonly LoadedSession[]): Promise<Set<string>> {
  const hosts = new Set<string>();
  for (const s of sessions) {
    for (const h of s.meta.hosts ?? []) hosts.add(h);
    for (const h of Object.keys(s.report.hosts)) hosts.add(h);
  }
  const newest = sessions[sessions.length - 1];
  const inventory = await inventoryOf(newest?.meta.inventory);
  const universe: PatternUniverse = { hosts: [...hosts], groups: new Map() };
  if (inventory) {
    const { groups, addressed } = hostUniverse(inventory);
    universe.groups = groups;
    if (addressed) universe.addressed = (a) => addressed(a).filter((h) => hosts.has(h));
  }
  return new Set(selectHostsStrict(pattern, universe));
}

// The inventory the session ran with, if it still exists and loads; else names and globs only.
async function inventoryOf(inventoryFile: string | undefined): Promise<Inventory | undefined> {
  if (inventoryFile === undefined || !existsSync(inventoryFile)) return undefined;
  try {
    return (await loadAnyInventory(inventoryFile)).inventory;
  } catch {
    return undefined;
  }
}
