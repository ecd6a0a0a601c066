// The resolved checks of `smoker checks`: each definition with the hosts it would run on, after patterns and filters.
import type { CheckDef } from '../config/check-types.js';
import { selectHosts } from '../config/patterns.js';
import type { HostConfig, Inventory } from '../config/types.js';
import { passesFilters, type CheckFilters } from './filters.js';

/** One check and the selected hosts it would run on (none when disabled or its pattern matches none of them). */
export interface ResolvedCheck {
  def: CheckDef;
  hosts: string[];
}

/** Lists the checks passing the filters; with `dropIdle`, checks that would run nowhere are left out. */
export function listChecks(inventory: Inventory, hosts: readonly HostConfig[], checks: readonly CheckDef[], filters: CheckFilters, dropIdle = false): ResolvedCheck[] {
  const universe = { hosts: inventory.hosts.map((h) => h.name), groups: inventory.groups };
  const out: ResolvedCheck[] = [];
  for (const def of checks) {
    const targets = def.hosts === undefined ? undefined : new Set(selectHosts(def.hosts, universe).hosts);
    const on = def.enabled ? hosts.filter((h) => (targets?.has(h.name) ?? true) && passesFilters({ ...def }, h.name, filters)).map((h) => h.name) : [];
    // Name, type, category and component filters do not depend on the host: a check they reject is not listed at all.
    if (!passesFilters({ ...def }, '', { ...filters, only: undefined })) continue;
    if (dropIdle && on.length === 0) continue;
    out.push({ def, hosts: on });
  }
  return out;
}
