// Finds and reads the host_vars/ and group_vars/ files that sit next to an Ansible inventory file.

import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** One variables file as read. */
export interface VarsFile {
  file: string;
  text: string;
}

/** Variables files by host or group name, each list in Ansible's load order. */
export interface AnsibleVarsFiles {
  hostVars: Map<string, VarsFile[]>;
  groupVars: Map<string, VarsFile[]>;
}

const VARS_EXT = /\.(ya?ml|json)$/i;

/** Reads `host_vars/` and `group_vars/` beside `inventoryFile`; missing folders give empty maps. */
export async function readAnsibleVarsFiles(inventoryFile: string): Promise<AnsibleVarsFiles> {
  const dir = dirname(inventoryFile);
  return {
    hostVars: await readVarsDir(join(dir, 'host_vars')),
    groupVars: await readVarsDir(join(dir, 'group_vars')),
  };
}

async function readVarsDir(dir: string): Promise<Map<string, VarsFile[]>> {
  const out = new Map<string, VarsFile[]>();
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch {
    return out;
  }
  for (const entry of names) {
    if (isIgnored(entry)) continue;
    const path = join(dir, entry);
    const files = (await stat(path)).isDirectory() ? await listFiles(path) : [path];
    const name = entry.replace(VARS_EXT, '');
    const list = out.get(name) ?? [];
    for (const file of files) list.push({ file, text: await readFile(file, 'utf8') });
    out.set(name, list);
  }
  return out;
}

// A NAME/ folder: every file inside, recursively, in lexicographic order, as Ansible loads them.
async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir)).sort()) {
    if (isIgnored(entry)) continue;
    const path = join(dir, entry);
    if ((await stat(path)).isDirectory()) out.push(...(await listFiles(path)));
    else if (VARS_EXT.test(entry) || !entry.includes('.')) out.push(path);
  }
  return out;
}

// Hidden files and editor backups, which Ansible skips too.
function isIgnored(entry: string): boolean {
  const name = basename(entry);
  return name.startsWith('.') || name.endsWith('~') || /\.(swp|bak|orig|retry)$/.test(name);
}
