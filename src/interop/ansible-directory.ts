// Reads an Ansible inventory folder (`-i inventory/`) as Ansible does: every inventory file in it, merged.

import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { detectInventoryFormat } from './ansible-detect.js';
import { addChild, addHost, createAnsibleModel, ensureGroup, type AnsibleModel } from './ansible-model.js';

// Ansible's IGNORED_ALWAYS plus INVENTORY_IGNORE_EXTS (REJECT_EXTS + .orig .ini .cfg .retry) of ansible-core's defaults.
const IGNORED_NAMES = /^\.|^host_vars$|^group_vars$|^vars_plugins$/;
const IGNORED_EXTS = ['.pyc', '.pyo', '.swp', '.bak', '~', '.rpm', '.md', '.txt', '.rst', '.orig', '.ini', '.cfg', '.retry'];

/** Whether Ansible skips this folder entry when reading a folder as an inventory. */
export function isIgnoredInventoryEntry(name: string): boolean {
  return IGNORED_NAMES.test(name) || IGNORED_EXTS.some((e) => name.endsWith(e));
}

/** The inventory files of a folder in Ansible's order (sorted, sub-folders read in place), ignored entries skipped. */
export async function listInventoryFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    if (isIgnoredInventoryEntry(name)) continue;
    const path = join(dir, name);
    if ((await stat(path)).isDirectory()) out.push(...(await listInventoryFiles(path)));
    else out.push(path);
  }
  return out;
}

/** Reads every inventory file of a folder into one model; files that are no inventory are skipped with a warning. */
export async function readAnsibleDirectory(dir: string, read: (text: string, file: string) => AnsibleModel): Promise<AnsibleModel> {
  const model = createAnsibleModel();
  for (const file of await listInventoryFiles(dir)) {
    const text = await readFile(file, 'utf8');
    const format = detectInventoryFormat(text, file);
    if (format.kind !== 'ansible') {
      model.warnings.push(`${file}: skipped, not an Ansible inventory (as Ansible skips it)`);
      continue;
    }
    mergeAnsibleModel(model, read(text, file));
  }
  return model;
}

/** Adds `from` into `into`: hosts, group members and children appended, later variables replacing earlier ones. */
export function mergeAnsibleModel(into: AnsibleModel, from: AnsibleModel): void {
  for (const host of from.hosts.values()) {
    const existing = into.hosts.get(host.name);
    if (existing) for (const [k, v] of host.vars) existing.vars.set(k, v);
    else into.hosts.set(host.name, { ...host, vars: new Map(host.vars) });
  }
  for (const group of from.groups.values()) {
    const target = ensureGroup(into, group.name, group.pos);
    for (const h of group.hosts) addHost(into, h, group.name, group.pos);
    for (const c of group.children) addChild(into, group.name, c, group.pos);
    for (const [k, v] of group.vars) target.vars.set(k, v);
  }
  into.ranges.push(...from.ranges);
  into.warnings.push(...from.warnings);
}
