// Turns the Ansible model into a smoker inventory: `all` vars become defaults, ranges stay ranges when they can.

import { mapAnsibleVars } from './ansible-connection.js';
import type { AnsibleModel } from './ansible-model.js';
import type { Conversion, GroupEntry, HostEntry, SmokerInventoryDoc } from './inventory-doc.js';

const IMPLICIT = new Set(['all', 'ungrouped']);

/** Converts a read Ansible inventory; `source` names it in the header of the printed file. */
export function convertAnsibleModel(model: AnsibleModel, source: string): Conversion {
  const warnings = [...model.warnings];
  const inventory: SmokerInventoryDoc = { hosts: {} };

  const all = model.groups.get('all');
  if (all) {
    const { fields, vars } = mapAnsibleVars(all.vars, 'group all', 'all', warnings);
    if (Object.keys(fields).length) inventory.defaults = fields;
    if (Object.keys(vars).length) inventory.vars = vars;
  }

  const hosts = new Map<string, HostEntry>();
  for (const host of model.hosts.values()) {
    const { fields, vars } = mapAnsibleVars(host.vars, `host ${host.name}`, host.name, warnings);
    hosts.set(host.name, Object.keys(vars).length ? { ...fields, vars } : fields);
  }

  const members = new Map<string, string[]>();
  for (const group of model.groups.values()) {
    if (IMPLICIT.has(group.name)) continue;
    members.set(group.name, [...group.hosts]);
  }
  const grouped = new Set([...members.values()].flat());
  const ungrouped = [...model.hosts.keys()].filter((h) => !grouped.has(h));
  const ungroupedVars = model.groups.get('ungrouped')?.vars;
  if (ungrouped.length && (members.size > 0 || ungroupedVars?.size)) members.set('ungrouped', ungrouped);

  const hostKeys = collapseRanges(model, hosts, members);
  for (const [key, entry] of hostKeys) inventory.hosts[key] = entry;

  const groups: Record<string, GroupEntry> = {};
  for (const [name, list] of members) {
    const group = model.groups.get(name);
    const entry: GroupEntry = {};
    if (list.length) entry.hosts = list;
    const children = (group?.children ?? []).filter((c) => !IMPLICIT.has(c));
    if (children.length) entry.children = children;
    if (group) {
      const { fields, vars } = mapAnsibleVars(group.vars, `group ${name}`, name, warnings);
      Object.assign(entry, fields);
      if (Object.keys(vars).length) entry.vars = vars;
    }
    groups[name] = entry;
  }
  if (Object.keys(groups).length) inventory.groups = groups;
  if (model.hosts.size === 0) warnings.push('the inventory defines no hosts');
  return { source, inventory, warnings };
}

// A range such as `www[01:50].example.com` stays one hosts key when all its hosts came out identical
// and sit in the same groups; otherwise its hosts are listed one by one.
function collapseRanges(
  model: AnsibleModel,
  hosts: Map<string, HostEntry>,
  members: Map<string, string[]>,
): Map<string, HostEntry> {
  const replaced = new Map<string, string>(); // host name → range key
  const seen = new Set<string>();
  for (const range of model.ranges) {
    if (seen.has(range.key)) continue;
    seen.add(range.key);
    if (range.names.some((n) => replaced.has(n) || !hosts.has(n))) continue;
    const same = JSON.stringify(hosts.get(range.names[0] as string));
    if (!range.names.every((n) => JSON.stringify(hosts.get(n)) === same)) continue;
    const groupsOf = (n: string): string =>
      [...members].filter(([, list]) => list.includes(n)).map(([g]) => g).join(',');
    const firstGroups = groupsOf(range.names[0] as string);
    if (!range.names.every((n) => groupsOf(n) === firstGroups)) continue;
    for (const n of range.names) replaced.set(n, range.key);
  }
  const out = new Map<string, HostEntry>();
  for (const [name, entry] of hosts) {
    const key = replaced.get(name) ?? name;
    if (!out.has(key)) out.set(key, entry);
  }
  for (const [group, list] of members) {
    members.set(group, [...new Set(list.map((n) => replaced.get(n) ?? n))]);
  }
  return out;
}
