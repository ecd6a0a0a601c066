// A smoker inventory (SPEC §1) for a lab: every host with its address and port, strict host keys.

import { stringify } from 'yaml';
import type { LabHost, LabInventoryOptions } from './types.js';

/** What the inventory's defaults come from. */
export interface InventoryInput {
  id: string;
  hosts: readonly LabHost[];
  user: string;
  clientKey: string;
  knownHosts: string;
}

/** The inventory YAML text. */
export function renderInventory(lab: InventoryInput, opts: LabInventoryOptions = {}): string {
  const wanted = opts.hosts ? new Set(opts.hosts) : undefined;
  const hosts: Record<string, Record<string, unknown>> = {};
  for (const h of lab.hosts) {
    if (wanted && !wanted.has(h.name)) continue;
    hosts[h.name] = { address: h.address, port: h.port, ...opts.hostSettings?.[h.name] };
  }
  const doc: Record<string, unknown> = {
    defaults: { user: lab.user, identityFile: lab.clientKey, knownHosts: lab.knownHosts, hostKeyPolicy: 'strict', ...opts.defaults },
    ...(opts.vars ? { vars: opts.vars } : {}),
    hosts,
    ...(opts.groups ? { groups: opts.groups } : {}),
    ...(opts.checks ? { checks: opts.checks } : {}),
  };
  return `# smoker test lab ${lab.id}: ${Object.keys(hosts).length} hosts\n${stringify(doc)}`;
}
