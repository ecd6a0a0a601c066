// Turns the Ansible model into a smoker inventory: `all` vars become defaults, ranges stay ranges when they can.

import { mapAnsibleVars } from './ansible-connection.js';
import type { AnsibleModel } from './ansible-model.js';
import { computeAnsibleOrder } from './ansible-order.js';
import type { Conversion, GroupEntry, HostEntry, SmokerInventoryDoc } from './inventory-doc.js';

// smoker's implicit groups, as Ansible's: every host, and hosts in no other group.
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

  const members = new Map<string, string[]>();
  for (const group of model.groups.values()) {
    if (!IMPLICIT.has(group.name)) members.set(group.name, [...group.hosts]);
  }
  // smoker computes `ungrouped` itself (and reserves the name); its Ansible vars go onto its hosts.
  const grouped = new Set([...members.values()].flat());
  const ungroupedVars = model.groups.get('ungrouped')?.vars ?? new Map();
  const ungrouped = ungroupedVars.size ? mapAnsibleVars(ungroupedVars, 'group ungrouped', 'ungrouped', warnings) : undefined;

  const hosts = new Map<string, HostEntry>();
  const entryOf = (name: string, subject: string, sink: string[]): HostEntry => {
    const own = mapAnsibleVars(model.hosts.get(name)?.vars ?? new Map(), `host ${subject}`, subject, sink);
    const inherited = ungrouped && !grouped.has(name) ? ungrouped : { fields: {}, vars: {} };
    const vars = { ...inherited.vars, ...own.vars };
    const fields = { ...inherited.fields, ...own.fields };
    return Object.keys(vars).length ? { ...fields, vars } : fields;
  };
  for (const name of model.hosts.keys()) hosts.set(name, entryOf(name, name, []));

  // Warn once per written entry, so a range of 50 hosts gives one warning, not 50.
  for (const [key, names] of collapseRanges(model, hosts, members)) {
    inventory.hosts[key] = entryOf(names[0] as string, key, warnings);
  }

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
  return { source, inventory, warnings, hostOrder: computeAnsibleOrder(model) };
}

// A range such as `www[01:50].example.com` stays one hosts key when all its hosts came out identical
// and sit in the same groups; otherwise its hosts are listed one by one. Returns key → host names.
function collapseRanges(
  model: AnsibleModel,
  hosts: Map<string, HostEntry>,
  members: Map<string, string[]>,
): Map<string, string[]> {
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
  const out = new Map<string, string[]>();
  for (const name of hosts.keys()) {
    const key = replaced.get(name) ?? name;
    out.set(key, [...(out.get(key) ?? []), name]);
  }
  for (const [group, list] of members) {
    members.set(group, [...new Set(list.map((n) => replaced.get(n) ?? n))]);
  }
  return out;
}
