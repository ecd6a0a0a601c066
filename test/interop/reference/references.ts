// Runs the reference tools (Ansible's own inventory code, OpenSSH's `ssh -G`) for the corpus comparison.

import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** What Ansible makes of one inventory source (see ansible-reference.py). */
export interface AnsibleReference {
  file: string;
  error?: string;
  hosts: string[];
  groups: Record<string, string[]>;
  vars: Record<string, Record<string, unknown>>;
  patterns: Record<string, string[] | { error: string }>;
  /** Per group: whether Ansible's own host order is one order (false where it walks a Python set). */
  orderDefined: Record<string, boolean>;
}

/** The Python interpreter ansible-core runs under, or why there is none. */
export function findAnsiblePython(): { python: string } | { missing: string } {
  const which = spawnSync('sh', ['-c', 'command -v ansible-inventory'], { encoding: 'utf8' });
  const path = which.stdout.trim();
  if (which.status !== 0 || !path) return { missing: 'ansible-inventory is not installed (apt-get install ansible-core)' };
  const shebang = /^#!\s*(\S+)/.exec(readFileSync(path, 'utf8'))?.[1] ?? 'python3';
  const probe = spawnSync(shebang, ['-c', 'import ansible.inventory.manager'], { encoding: 'utf8' });
  if (probe.status !== 0) return { missing: `ansible-inventory's Python (${shebang}) cannot import ansible: ${probe.stderr.trim()}` };
  return { python: shebang };
}

/** Asks Ansible about every source at once; `patterns` undefined lets the script derive its standard set. */
export function runAnsibleReference(python: string, requests: { file: string; patterns?: string[] }[], cwd: string): AnsibleReference[] {
  const out = execFileSync(python, [join(here, 'ansible-reference.py')], {
    cwd,
    input: JSON.stringify(requests),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'ignore'],
    env: { ...process.env, ANSIBLE_HOST_PATTERN_MISMATCH: 'ignore', ANSIBLE_LOCALHOST_WARNING: 'false', ANSIBLE_INVENTORY_UNPARSED_WARNING: 'false' },
  });
  return JSON.parse(out) as AnsibleReference[];
}

/** `ssh -G -F file host` as a map of keyword → values, or the error ssh printed. */
export function sshG(file: string, host: string): { options: Map<string, string[]> } | { error: string } {
  const r = spawnSync('ssh', ['-G', '-F', file, host], { encoding: 'utf8' });
  if (r.status !== 0) return { error: r.stderr.trim() };
  const options = new Map<string, string[]>();
  for (const line of r.stdout.split('\n')) {
    const m = /^(\S+) (.*)$/.exec(line);
    if (m) options.set(m[1] as string, [...(options.get(m[1] as string) ?? []), m[2] as string]);
  }
  return { options };
}

/** Whether OpenSSH's client is installed. */
export function hasSsh(): boolean {
  return spawnSync('ssh', ['-V'], { encoding: 'utf8' }).status === 0;
}

/** `ansible -i FILE PATTERN --list-hosts`, the CLI itself: the host names it lists, in its order. */
export function ansibleListHosts(file: string, pattern: string, cwd: string): string[] {
  const out = execFileSync('ansible', ['-i', file, pattern, '--list-hosts'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, ANSIBLE_HOST_PATTERN_MISMATCH: 'ignore' } });
  return out.split('\n').slice(1).map((l) => l.trim()).filter(Boolean);
}

/** `ansible-inventory -i FILE --list`, the CLI itself: every host with its variables, and each group's direct hosts. */
export function ansibleInventoryList(file: string, cwd: string): { hostvars: Record<string, Record<string, unknown>>; groups: Record<string, string[]> } {
  const data = JSON.parse(execFileSync('ansible-inventory', ['-i', file, '--list'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as Record<string, { hosts?: string[]; hostvars?: Record<string, Record<string, unknown>> }>;
  const groups: Record<string, string[]> = {};
  for (const [name, g] of Object.entries(data)) if (name !== '_meta') groups[name] = g.hosts ?? [];
  return { hostvars: data['_meta']?.hostvars ?? {}, groups };
}
