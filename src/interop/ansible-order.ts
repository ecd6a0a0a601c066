// The host order Ansible gives for an inventory: `all` and every group as Group.get_hosts() walks them.

import type { AnsibleModel } from './ansible-model.js';

/** Host names of `all` and of each group, in Ansible's order. */
export interface AnsibleOrder {
  hosts: string[];
  groups: Record<string, string[]>;
}

/**
 * Computes Ansible's order: a group's own hosts, then its children's level by level (get_descendants with
 * preserve_ordering). Where Ansible walks a level through a Python set (so its order may change between runs),
 * this takes the groups in the order they were listed, one of the orders Ansible produces.
 */
export function computeAnsibleOrder(model: AnsibleModel): AnsibleOrder {
  const children = (g: string): string[] => (g === 'all' ? childrenOfAll(model) : (model.groups.get(g)?.children ?? []));
  const direct = (g: string): string[] => (g === 'ungrouped' ? ungroupedHosts(model) : (model.groups.get(g)?.hosts ?? []));
  const hostsOf = (g: string): string[] => {
    const out: string[] = [];
    const seen = new Set<string>();
    for (const group of descendants(g, children)) {
      for (const h of direct(group)) {
        if (!seen.has(h) && model.hosts.has(h)) {
          seen.add(h);
          out.push(h);
        }
      }
    }
    return out;
  };
  const groups: Record<string, string[]> = {};
  for (const name of model.groups.keys()) groups[name] = hostsOf(name);
  return { hosts: hostsOf('all'), groups };
}

// Group._walk_relationship('child_groups', include_self=True, preserve_ordering=True).
function descendants(self: string, children: (g: string) => string[]): string[] {
  const ordered = [self, ...children(self)];
  const seen = new Set<string>();
  let unprocessed = [self, ...children(self)];
  while (unprocessed.length) {
    unprocessed.forEach((g) => seen.add(g));
    const next: string[] = [];
    for (const g of unprocessed) {
      for (const c of children(g)) {
        if (!next.includes(c)) next.push(c);
        if (!seen.has(c)) ordered.push(c);
      }
    }
    unprocessed = next.filter((c) => !seen.has(c));
  }
  return ordered;
}

// `all` holds `ungrouped` first, its own children, then (reconcile_inventory) every group without a parent.
function childrenOfAll(model: AnsibleModel): string[] {
  const explicit = model.groups.get('all')?.children ?? [];
  const out = ['ungrouped', ...explicit.filter((c) => c !== 'ungrouped')];
  const hasParent = new Set([...model.groups.values()].filter((g) => g.name !== 'all').flatMap((g) => g.children));
  for (const name of model.groups.keys()) {
    if (name !== 'all' && !out.includes(name) && !hasParent.has(name)) out.push(name);
  }
  return out;
}

// reconcile_inventory: hosts in another group leave `ungrouped`; hosts in no group (or only `all`) join it.
function ungroupedHosts(model: AnsibleModel): string[] {
  const inGroup = new Set([...model.groups.values()].filter((g) => g.name !== 'all' && g.name !== 'ungrouped').flatMap((g) => g.hosts));
  const out = (model.groups.get('ungrouped')?.hosts ?? []).filter((h) => !inGroup.has(h));
  for (const h of model.hosts.keys()) if (!inGroup.has(h) && !out.includes(h)) out.push(h);
  return out;
}
