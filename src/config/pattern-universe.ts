// What -H is evaluated against for an inventory: host names, groups, and the hosts at each address.
import type { PatternUniverse } from './patterns.js';
import type { HostConfig, Inventory } from './types.js';

/** The universe of an inventory; `resolve` gives the address a connection would use (default: the inventory's). Addresses are indexed on first use. */
export function patternUniverse(inventory: Pick<Inventory, 'hosts' | 'groups'>, resolve: (h: HostConfig) => string = (h) => h.address): PatternUniverse {
  let byAddress: Map<string, string[]> | undefined;
  return {
    hosts: inventory.hosts.map((h) => h.name),
    groups: inventory.groups,
    addressed: (address) => (byAddress ??= indexAddresses(inventory.hosts, resolve)).get(address) ?? [],
  };
}

// address → hosts there, in inventory order; an address that is only the host's own name adds nothing.
function indexAddresses(hosts: readonly HostConfig[], resolve: (h: HostConfig) => string): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const h of hosts) {
    for (const address of new Set([h.address, resolve(h)])) {
      if (address === h.name) continue;
      const at = index.get(address);
      if (at) at.push(h.name);
      else index.set(address, [h.name]);
    }
  }
  return index;
}
