// -H on stored sessions: Ansible patterns over the hosts the sessions name, with the inventory's groups when it still loads.
import { existsSync } from 'node:fs';
import { loadAnyInventory } from '../../config/load-any-inventory.js';
import { selectHostsStrict, type PatternUniverse } from '../../config/patterns.js';
import type { GroupConfig } from '../../config/types.js';
import type { LoadedSession } from '../../results/session-reader.js';

/** The host names a -H pattern selects among the sessions' hosts (planned ones included). */
export async function selectSessionHosts(pattern: string, sessions: readonly LoadedSession[]): Promise<Set<string>> {
  const hosts = new Set<string>();
  for (const s of sessions) {
    for (const h of s.meta.hosts ?? []) hosts.add(h);
    for (const h of Object.keys(s.report.hosts)) hosts.add(h);
  }
  const newest = sessions[sessions.length - 1];
  const universe: PatternUniverse = { hosts: [...hosts], groups: await groupsOf(newest?.meta.inventory) };
  return new Set(selectHostsStrict(pattern, universe));
}

// Groups come from the inventory the session ran with, if it still exists and loads; else names and globs only.
async function groupsOf(inventoryFile: string | undefined): Promise<ReadonlyMap<string, GroupConfig>> {
  if (inventoryFile === undefined || !existsSync(inventoryFile)) return new Map();
  try {
    return (await loadAnyInventory(inventoryFile)).inventory.groups;
  } catch {
    return new Map();
  }
}
