// Tells an Ansible inventory from a smoker one by content, as Ansible's plugins try in turn: never by extension.

import { isMap, isScalar } from 'yaml';
import { ConfigError } from '../errors.js';
import { parseAnsibleIni } from './ansible-ini.js';
import { isAnsibleYamlShape } from './ansible-yaml.js';
import { parseYamlSource } from './yaml-source.js';

/** Top-level keys only a smoker inventory has (Ansible's top level holds group names). */
const SMOKER_KEYS = new Set(['hosts', 'defaults', 'groups', 'checks']);
// A line opening with `[` that YAML could not read: INI, even when broken (the INI reader then names the line).
const SECTION_LINE = /^\s*\[/m;
const SMOKER_TOP_KEY = /^(?:hosts|defaults|groups|checks)[ \t]*:/m;

/** What a file is: a smoker inventory, an Ansible one, or neither (with why each format was refused). */
export type InventoryFormat = { kind: 'smoker' } | { kind: 'ansible'; format: 'yaml' | 'ini' } | { kind: 'unknown'; tried: string[] };

/** Decides by content: a YAML map with smoker's keys is smoker's; `all:`/group maps are Ansible YAML; `[group]` or host lines are INI. */
export function detectInventoryFormat(text: string, path: string): InventoryFormat {
  const tried: string[] = [];
  // A smoker key at the top level settles it without parsing (a 100,000-host file takes seconds to parse).
  if (!text.trim() || SMOKER_TOP_KEY.test(text)) return { kind: 'smoker' };
  // Only the top-level keys matter here; the smoker or Ansible loader reports duplicate keys.
  const src = parseYamlSource(text, path, false);
  const root = src.doc.contents;
  if (src.doc.errors.length === 0 && isMap(root)) {
    const keys = root.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
    if (isAnsibleYamlShape(root) && !keys.some((k) => SMOKER_KEYS.has(k))) return { kind: 'ansible', format: 'yaml' };
    // Any other map is smoker's: its schema then names the unknown keys with positions.
    return { kind: 'smoker' };
  }
  const yamlWhy = src.doc.errors[0]?.message.split('\n')[0] ?? `the top level is ${root === null ? 'empty' : 'not a mapping'}`;
  tried.push(`a smoker inventory (YAML map of hosts, groups, defaults, checks): ${yamlWhy}`);
  tried.push(`an Ansible YAML inventory (all: or groups with hosts/children/vars): ${yamlWhy}`);
  if (SECTION_LINE.test(text)) return { kind: 'ansible', format: 'ini' };
  try {
    if (parseAnsibleIni(text, path).hosts.size > 0) return { kind: 'ansible', format: 'ini' };
    tried.push('an Ansible INI inventory ([group] sections, host lines): no [group] section and no host line');
  } catch (err) {
    const first = err instanceof ConfigError ? err.issues[0] : undefined;
    tried.push(`an Ansible INI inventory ([group] sections, host lines): ${first ? `line ${first.pos?.line}: ${first.message}` : (err as Error).message}`);
  }
  // Text that is meant as YAML (a `key:` line, or a YAML/JSON file) goes to smoker's reader, which names the syntax error's position.
  if (/\.(ya?ml|json)$/i.test(path) || /^[A-Za-z_][\w.-]*:(\s|$)/m.test(text)) return { kind: 'smoker' };
  return { kind: 'unknown', tried };
}

/** Whether `text` (read from `path`) is an Ansible inventory, INI or YAML, whatever the file is called. */
export function looksLikeAnsibleInventory(text: string, path: string): boolean {
  return detectInventoryFormat(text, path).kind === 'ansible';
}
