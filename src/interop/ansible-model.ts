// Ansible inventory as read from INI or YAML, before mapping to smoker: hosts, groups, vars with positions.

import type { SourcePos } from '../errors.js';

/** One variable with where it was set. */
export interface AnsibleVar {
  value: unknown;
  pos: SourcePos | undefined;
}

/** Variables in definition order; a later set of the same name replaces the earlier. */
export type AnsibleVars = Map<string, AnsibleVar>;

/** One inventory host (after range expansion). */
export interface AnsibleHost {
  name: string;
  vars: AnsibleVars;
  pos: SourcePos | undefined;
}

/** One group; `hosts` are its direct members, in first-seen order. */
export interface AnsibleGroup {
  name: string;
  hosts: string[];
  children: string[];
  vars: AnsibleVars;
  pos: SourcePos | undefined;
}

/** A range definition such as `www[01:50].example.com` and the names it expanded to. */
export interface AnsibleRange {
  key: string;
  names: string[];
}

/** A whole inventory; `all` and `ungrouped` always exist, as in Ansible. */
export interface AnsibleModel {
  hosts: Map<string, AnsibleHost>;
  groups: Map<string, AnsibleGroup>;
  ranges: AnsibleRange[];
  warnings: string[];
}

/** Creates an empty inventory holding the implicit `all` and `ungrouped` groups. */
export function createAnsibleModel(): AnsibleModel {
  const model: AnsibleModel = { hosts: new Map(), groups: new Map(), ranges: [], warnings: [] };
  ensureGroup(model, 'all', undefined);
  ensureGroup(model, 'ungrouped', undefined);
  return model;
}

/** Returns the named group, creating it when new. */
export function ensureGroup(model: AnsibleModel, name: string, pos: SourcePos | undefined): AnsibleGroup {
  let group = model.groups.get(name);
  if (!group) {
    group = { name, hosts: [], children: [], vars: new Map(), pos };
    model.groups.set(name, group);
  }
  return group;
}

/** Adds a host (or merges into the existing one) as a direct member of `groupName`. */
export function addHost(model: AnsibleModel, name: string, groupName: string, pos: SourcePos | undefined): AnsibleHost {
  let host = model.hosts.get(name);
  if (!host) {
    host = { name, vars: new Map(), pos };
    model.hosts.set(name, host);
  }
  const group = ensureGroup(model, groupName, pos);
  if (!group.hosts.includes(name)) group.hosts.push(name);
  return host;
}

/** Makes `child` a child group of `parent`, creating either when new. */
export function addChild(model: AnsibleModel, parent: string, child: string, pos: SourcePos | undefined): void {
  const p = ensureGroup(model, parent, pos);
  ensureGroup(model, child, pos);
  if (!p.children.includes(child)) p.children.push(child);
}
