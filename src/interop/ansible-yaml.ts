// Reads Ansible's YAML inventory format (and `ansible-inventory --list` output) into the Ansible model.

import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { ConfigError, type ConfigIssue } from '../errors.js';
import { expandHostPattern } from './ansible-host-pattern.js';
import { addChild, addHost, createAnsibleModel, ensureGroup, type AnsibleModel, type AnsibleVars } from './ansible-model.js';
import { formatWarning } from './source-pos.js';
import type { YamlSource } from './yaml-source.js';

const SECTIONS = ['hosts', 'children', 'vars'];

interface Reader {
  src: YamlSource;
  model: AnsibleModel;
  issues: ConfigIssue[];
}

/** Whether a parsed YAML mapping has the shape of an Ansible inventory (`all:`, or groups with hosts/children/vars). */
export function isAnsibleYamlShape(root: unknown): boolean {
  if (!isMap(root)) return false;
  return root.items.some((pair) => {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key === 'all' || key === '_meta') return true;
    return isMap(pair.value) && pair.value.items.some((p) => isScalar(p.key) && SECTIONS.includes(String(p.key.value)));
  });
}

/** Reads an Ansible YAML inventory; throws ConfigError naming each malformed entry. */
export function readAnsibleYaml(src: YamlSource): AnsibleModel {
  const r: Reader = { src, model: createAnsibleModel(), issues: [] };
  const root = src.doc.contents;
  if (!isAnsibleYamlShape(root)) {
    throw new ConfigError([
      {
        pos: src.posOf(root) ?? { file: src.file, line: 1, col: 1 },
        path: '',
        message: 'expected an Ansible YAML inventory: a mapping with all: or groups holding hosts:, children: or vars:',
      },
    ]);
  }
  for (const pair of (root as YAMLMap).items) {
    const name = keyOf(pair);
    if (name === '_meta') readMeta(r, pair.value as Node);
    else if (name !== undefined) readGroup(r, name, pair, name);
  }
  if (r.issues.length) throw new ConfigError(r.issues);
  return r.model;
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) && pair.key.value !== null ? String(pair.key.value) : undefined;
}

function readGroup(r: Reader, name: string, pair: Pair, path: string): void {
  const pos = r.src.posOf(pair.key as Node);
  const group = ensureGroup(r.model, name, pos);
  group.pos ??= pos;
  const body = pair.value as Node | null;
  if (body === null || (isScalar(body) && body.value === null)) return;
  // `ansible-inventory --list` and old scripts may give a group as a plain list of hosts.
  if (isSeq(body)) return readHostList(r, name, body.items as Node[]);
  if (!isMap(body)) {
    r.model.warnings.push(formatWarning(pos, `${path}: skipped, a group must be a mapping of hosts, children and vars`));
    return;
  }
  for (const section of body.items) {
    const key = keyOf(section);
    const value = section.value as Node | null;
    const at = r.src.posOf(section.key as Node);
    if (value === null || (isScalar(value) && value.value === null)) continue;
    if (key === 'hosts') {
      if (isSeq(value)) readHostList(r, name, value.items as Node[]);
      else if (isScalar(value)) readHostList(r, name, [value]);
      else if (isMap(value)) for (const h of value.items) readHost(r, name, h, `${path}.hosts`);
      else r.issues.push({ pos: at, path: `${path}.hosts`, message: 'expected a mapping of host names' });
    } else if (key === 'children') {
      if (isSeq(value) || isScalar(value)) {
        const items = isSeq(value) ? (value.items as Node[]) : [value];
        for (const item of items) if (isScalar(item)) addChild(r.model, name, String(item.value), r.src.posOf(item));
      } else if (isMap(value)) {
        for (const child of value.items) {
          const childName = keyOf(child);
          if (childName === undefined) continue;
          readGroup(r, childName, child, `${path}.children.${childName}`);
          addChild(r.model, name, childName, r.src.posOf(child.key as Node));
        }
      } else r.issues.push({ pos: at, path: `${path}.children`, message: 'expected a mapping of group names' });
    } else if (key === 'vars') {
      if (!isMap(value)) r.issues.push({ pos: at, path: `${path}.vars`, message: 'expected a mapping of variables' });
      else readVars(r, value, group.vars);
    } else {
      r.model.warnings.push(formatWarning(at, `${path}.${key}: skipped; a group holds only hosts, children and vars`));
    }
  }
}

function readHostList(r: Reader, group: string, items: Node[]): void {
  for (const item of items) {
    if (isScalar(item) && item.value !== null) addPattern(r, group, String(item.value), item, null);
  }
}

function readHost(r: Reader, group: string, pair: Pair, path: string): void {
  const pattern = keyOf(pair);
  if (pattern === undefined) return;
  const value = pair.value as Node | null;
  if (value !== null && !isMap(value) && !(isScalar(value) && value.value === null)) {
    r.issues.push({ pos: r.src.posOf(value), path: `${path}.${pattern}`, message: 'expected a mapping of host variables or nothing' });
    return;
  }
  addPattern(r, group, pattern, pair.key as Node, isMap(value) ? value : null);
}

function addPattern(r: Reader, group: string, pattern: string, keyNode: Node, vars: YAMLMap | null): void {
  const pos = r.src.posOf(keyNode);
  let expanded;
  try {
    expanded = expandHostPattern(pattern);
  } catch (err) {
    r.issues.push({ pos, path: '', message: (err as Error).message });
    return;
  }
  if (expanded.rangeKey) r.model.ranges.push({ key: expanded.rangeKey, names: expanded.names });
  for (const name of expanded.names) {
    const host = addHost(r.model, name, group, pos);
    if (expanded.port !== undefined) host.vars.set('ansible_port', { value: expanded.port, pos });
    if (vars) readVars(r, vars, host.vars);
  }
}

function readVars(r: Reader, map: YAMLMap, into: AnsibleVars): void {
  for (const pair of map.items) {
    const key = keyOf(pair);
    if (key === undefined) continue;
    const node = pair.value as Node | null;
    into.set(key, { value: node === null ? null : node.toJS(r.src.doc), pos: r.src.posOf(pair.key as Node) });
  }
}

// `_meta.hostvars` of `ansible-inventory --list`: variables for hosts the groups list.
function readMeta(r: Reader, meta: Node): void {
  if (!isMap(meta)) return;
  const hostvars = meta.items.find((p) => keyOf(p) === 'hostvars')?.value;
  if (!isMap(hostvars)) return;
  for (const pair of hostvars.items) {
    const name = keyOf(pair);
    if (name === undefined || !isMap(pair.value)) continue;
    let host = r.model.hosts.get(name);
    if (!host) {
      host = { name, vars: new Map(), pos: r.src.posOf(pair.key as Node) };
      r.model.hosts.set(name, host);
    }
    readVars(r, pair.value, host.vars);
  }
}
