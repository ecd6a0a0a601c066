// The plan of a run: which checks run on which host, after patterns and filters.
import type { CheckDef } from '../config/check-types.js';
import { selectHosts } from '../config/patterns.js';
import type { HostConfig, Inventory } from '../config/types.js';
import { passesFilters, type CheckFilters } from './filters.js';

/** One host and the checks it runs. */
export interface HostPlan {
  host: HostConfig;
  checks: CheckDef[];
}

/** Builds the plan; hosts with no check left are dropped. */
export function planRun(inventory: Inventory, hosts: readonly HostConfig[], checks: readonly CheckDef[], filters: CheckFilters): HostPlan[] {
  const universe = { hosts: inventory.hosts.map((h) => h.name), groups: inventory.groups };
  const targets = new Map<string, Set<string> | undefined>();
  for (const c of checks) targets.set(c.name, c.hosts === undefined ? undefined : new Set(selectHosts(c.hosts, universe).hosts));
  return hosts
    .map((host) => ({
      host,
      checks: checks.filter((c) => c.enabled && (targets.get(c.name)?.has(host.name) ?? true) && passesFilters({ ...c }, host.name, filters)),
    }))
    .filter((p) => p.checks.length > 0);
}
