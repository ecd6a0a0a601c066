// Handler of `smoker hosts`.
import { loadInventory } from '../../config/inventory.js';
import { selectHostsStrict } from '../../config/patterns.js';
import { renderHostsTable } from '../../report/hosts-table.js';
import type { HostConfig } from '../../config/types.js';

/** Prints the resolved hosts selected by a pattern. */
export function runHosts(opts: { inventory: string; pattern: string | undefined; output: 'table' | 'json' }): void {
  const inv = loadInventory(opts.inventory);
  const names = opts.pattern ? new Set(selectHostsStrict(opts.pattern, { hosts: inv.hosts.map((h) => h.name), groups: inv.groups })) : undefined;
  const hosts = inv.hosts.filter((h) => !names || names.has(h.name));
  for (const w of inv.warnings) process.stderr.write(`warning: ${w}\n`);
  if (opts.output === 'json') process.stdout.write(`${JSON.stringify(hosts.map(toJson), null, 2)}\n`);
  else process.stdout.write(`${renderHostsTable(hosts)}\n${hosts.length} host${hosts.length === 1 ? '' : 's'}\n`);
}

function toJson(h: HostConfig): Record<string, unknown> {
  // Only names of secret-holding variables exist in HostConfig; their values are never read here.
  return { ...h };
}
