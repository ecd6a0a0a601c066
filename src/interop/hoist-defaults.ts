// Moves connection settings every host shares into `defaults`, so the file says them once.

import type { ConnectionFields, HostEntry } from './inventory-doc.js';

/** Returns defaults holding each of `keys` that all hosts set to the same value, and removes it from the hosts. */
export function hoistSharedSettings(
  hosts: Record<string, HostEntry>,
  keys: readonly (keyof ConnectionFields)[],
): ConnectionFields {
  const entries = Object.values(hosts);
  const defaults: Record<string, unknown> = {};
  if (entries.length === 0) return defaults;
  for (const key of keys) {
    const first = entries[0]?.[key];
    if (first === undefined) continue;
    const same = JSON.stringify(first);
    if (!entries.every((h) => h[key] !== undefined && JSON.stringify(h[key]) === same)) continue;
    defaults[key] = first;
    for (const h of entries) delete h[key];
  }
  return defaults as ConnectionFields;
}
