// Converts an Ansible inventory (INI or YAML, plus host_vars/group_vars) into a smoker inventory.

import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readAnsibleDirectory } from './ansible-directory.js';
import { isMap } from 'yaml';
import { convertAnsibleModel } from './ansible-convert.js';
import { parseAnsibleIni } from './ansible-ini.js';
import type { AnsibleModel } from './ansible-model.js';
import { applyAnsibleVarsFiles } from './ansible-vars-apply.js';
import { readAnsibleVarsFiles, type AnsibleVarsFiles } from './ansible-vars-files.js';
import { readAnsibleYaml } from './ansible-yaml.js';
import type { Conversion } from './inventory-doc.js';
import { nestsTooDeep } from '../config/yaml-file.js';
import { parseYamlSource, readYaml } from './yaml-source.js';

/** Which of Ansible's two file formats a text is in: YAML when it parses as a mapping, else INI. */
export function detectAnsibleFormat(text: string, file: string): 'yaml' | 'ini' {
  if (/\.(ya?ml|json)$/i.test(file)) return 'yaml';
  // Nesting that overflowed the parser is YAML (INI does not nest): its reader then says how deep is too deep.
  const { doc } = parseYamlSource(text, file, false);
  if (doc.errors.length) return nestsTooDeep(doc) ? 'yaml' : 'ini';
  return isMap(doc.contents) ? 'yaml' : 'ini';
}

/** Reads an Ansible inventory text into the Ansible model; throws ConfigError with positions. */
export function readAnsibleInventory(text: string, file: string): AnsibleModel {
  return detectAnsibleFormat(text, file) === 'yaml' ? readAnsibleYaml(readYaml(text, file)) : parseAnsibleIni(text, file);
}

/**
 * Converts an Ansible inventory (pure: the host_vars/group_vars contents, if any, are passed in).
 * Throws ConfigError with file:line:col for malformed input.
 */
export function fromAnsibleInventory(text: string, file: string, varsFiles?: AnsibleVarsFiles): Conversion {
  const model = readAnsibleInventory(text, file);
  if (varsFiles) applyAnsibleVarsFiles(model, varsFiles);
  return convertAnsibleModel(model, `Ansible inventory ${file}`);
}

/** Reads an Ansible inventory file (or folder of them) and the host_vars/ and group_vars/ next to it, and converts them. */
export async function loadAnsibleInventory(file: string): Promise<Conversion> {
  if ((await stat(file)).isDirectory()) {
    const model = await readAnsibleDirectory(file, readAnsibleInventory);
    // A folder's own group_vars/ and host_vars/ apply, as for a file the ones beside it.
    applyAnsibleVarsFiles(model, await readAnsibleVarsFiles(join(file, 'inventory')));
    return convertAnsibleModel(model, `Ansible inventory folder ${file}`);
  }
  const text = await readFile(file, 'utf8');
  return fromAnsibleInventory(text, file, await readAnsibleVarsFiles(file));
}
