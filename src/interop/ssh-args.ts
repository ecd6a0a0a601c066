// Reads ssh command-line arguments (Ansible's ansible_ssh_common_args / _extra_args) into ssh options.

import { splitShellWords } from './shlex.js';
import { SSH_FLAGS_WITH_VALUE } from './ssh-flags.js';
import { addSshOption, type SshOptions } from './ssh-options.js';

const FLAG_OPTION: Record<string, string> = { J: 'ProxyJump', i: 'IdentityFile', p: 'Port', l: 'User' };

/** Adds what `args` say to `opts`; returns the arguments smoker cannot express, as written. */
export function readSshArgs(args: string, opts: SshOptions): string[] {
  const words = splitShellWords(args).map((w) => w.value);
  const unused: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const flag = w.startsWith('-') && w.length > 1 ? (w[1] as string) : undefined;
    if (!flag || !SSH_FLAGS_WITH_VALUE.has(flag)) {
      unused.push(w);
      continue;
    }
    const value = w.length > 2 ? w.slice(2) : words[++i];
    if (value === undefined) {
      unused.push(w);
      continue;
    }
    if (flag === 'o') {
      const m = /^\s*([A-Za-z][A-Za-z0-9]*)\s*(?:=\s*|\s+)(.*)$/.exec(value);
      if (m && addSshOption(opts, m[1] as string, (m[2] as string).trim())) continue;
      unused.push(`-o ${value}`);
    } else if (FLAG_OPTION[flag]) {
      addSshOption(opts, FLAG_OPTION[flag] as string, value);
    } else unused.push(`${w.slice(0, 2)} ${value}`);
  }
  return unused;
}
