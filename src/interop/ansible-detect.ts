// Tells an Ansible inventory from a smoker one, so `smoker run` can take either file.

import { extname } from 'node:path';
import { isMap, isScalar } from 'yaml';
import { parseAnsibleIni } from './ansible-ini.js';
import { isAnsibleYamlShape } from './ansible-yaml.js';
import { tryParseYaml } from './yaml-source.js';

/** Top-level keys only a smoker inventory has (Ansible's top level holds group names). */
const SMOKER_KEYS = new Set(['hosts', 'defaults', 'groups', 'checks']);
/** Extensions whose files are judged by content, like files without one. */
const MAYBE_INI = new Set(['', '.cfg', '.txt', '.hosts', '.inventory']);
const SMOKER_TOP_KEY = /^(?:hosts|defaults|groups|checks)[ \t]*:/m;
const SECTION_LINE = /^\s*\[[^\]\s:]+(?::\w+)?\]\s*(?:[#;].*)?$/m;

/** Whether `text` (read from `path`) is an Ansible inventory: INI (`.ini`, no extension) or YAML with `all:` or groups. */
export function looksLikeAnsibleInventory(text: string, path: string): boolean {
  const ext = extname(path).toLowerCase();
  // A smoker key at the top level settles it without parsing (a 100,000-host file takes seconds to parse).
  if (SMOKER_TOP_KEY.test(text)) return false;
  // Only the top-level keys matter here; the smoker or Ansible loader reports duplicate keys.
  const root = tryParseYaml(text, path, { uniqueKeys: false })?.doc.contents;
  if (isMap(root)) {
    const smoker = root.items.some((p) => isScalar(p.key) && SMOKER_KEYS.has(String(p.key.value)));
    return !smoker && isAnsibleYamlShape(root);
  }
  if (ext === '.ini') return true;
  if (!MAYBE_INI.has(ext) || !text.trim()) return false;
  // A `[group]` line settles it (the converter then reports any errors); else the hosts must read cleanly.
  if (SECTION_LINE.test(text)) return true;
  try {
    return parseAnsibleIni(text, path).hosts.size > 0;
  } catch {
    return false;
  }
}
