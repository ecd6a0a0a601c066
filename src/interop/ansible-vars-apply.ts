// Merges host_vars/ and group_vars/ contents into the Ansible model; they override inline variables.

import { isMap, isScalar, type Node } from 'yaml';
import { ConfigError } from '../errors.js';
import type { AnsibleModel, AnsibleVars } from './ansible-model.js';
import type { AnsibleVarsFiles, VarsFile } from './ansible-vars-files.js';
import { formatWarning } from './source-pos.js';
import { readYaml } from './yaml-source.js';

/** Applies the variables files to the hosts and groups they name; warns about names the inventory lacks. */
export function applyAnsibleVarsFiles(model: AnsibleModel, files: AnsibleVarsFiles): void {
  for (const [name, list] of files.groupVars) {
    const group = model.groups.get(name);
    for (const f of list) {
      if (!group) model.warnings.push(formatWarning(undefined, `${f.file}: no group "${name}" in the inventory; ignored`));
      else readVarsFile(model, f, group.vars);
    }
  }
  for (const [name, list] of files.hostVars) {
    const host = model.hosts.get(name);
    for (const f of list) {
      if (!host) model.warnings.push(formatWarning(undefined, `${f.file}: no host "${name}" in the inventory; ignored`));
      else readVarsFile(model, f, host.vars);
    }
  }
}

function readVarsFile(model: AnsibleModel, f: VarsFile, into: AnsibleVars): void {
  if (f.text.startsWith('$ANSIBLE_VAULT;')) {
    model.warnings.push(`${f.file}: vault-encrypted file not read; pass its secrets through environment variables`);
    return;
  }
  const src = readYaml(f.text, f.file);
  const root = src.doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return;
  if (!isMap(root)) {
    throw new ConfigError([{ pos: src.posOf(root) ?? { file: f.file, line: 1, col: 1 }, path: '', message: 'expected a mapping of variables' }]);
  }
  for (const pair of root.items) {
    if (!isScalar(pair.key)) continue;
    const node = pair.value as Node | null;
    into.set(String(pair.key.value), { value: node === null ? null : node.toJS(src.doc), pos: src.posOf(pair.key) });
  }
}
