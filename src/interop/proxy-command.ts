// Reads the `ProxyCommand ssh -W %h:%p bastion` idiom as a jump hop with its own key and user; anything the
// idiom cannot carry (-F, other -o options, another command) stays a ProxyCommand that smoker runs for real.

import { splitShellWords } from './shlex.js';
import { SSH_FLAGS_WITH_VALUE } from './ssh-flags.js';

/** A recognised `ssh -W` ProxyCommand: the hop(s) as a jump spec, and the keys the last hop needs. */
export interface ProxyJumpForm {
  jump: string;
  identityFiles: string[];
}

/** Flags without a value that change nothing a jump hop would do differently. */
const HARMLESS = new Set('qTNCv46'.split(''));

/** Returns the jump form of a `ssh -W %h:%p [-i KEY] [-p N] [-l U] [-J H] [-o User=|Port=|IdentityFile=] dest`, or undefined. */
export function readProxyCommand(command: string): ProxyJumpForm | undefined {
  let words;
  try {
    words = splitShellWords(command).map((w) => w.value);
  } catch {
    return undefined;
  }
  if (!words[0] || !/(^|\/)ssh$/.test(words[0])) return undefined;
  let forwardsTarget = false;
  let dest: string | undefined;
  let port: string | undefined;
  let user: string | undefined;
  let via: string | undefined;
  const identityFiles: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i] as string;
    if (w.startsWith('-') && w.length > 1) {
      const flag = w[1] as string;
      if (!SSH_FLAGS_WITH_VALUE.has(flag)) {
        if ([...w.slice(1)].every((c) => HARMLESS.has(c))) continue;
        return undefined;
      }
      const value = w.length > 2 ? w.slice(2) : words[++i];
      if (value === undefined) return undefined;
      if (flag === 'W') forwardsTarget = /^\[?%h\]?:%p$/.test(value);
      else if (flag === 'p') port = value;
      else if (flag === 'l') user = value;
      else if (flag === 'J') via = value;
      else if (flag === 'i') identityFiles.push(value);
      else if (flag === 'o') {
        const m = /^\s*(\w+)\s*(?:=\s*|\s+)(.*)$/.exec(value);
        const key = m?.[1]?.toLowerCase();
        const v = (m?.[2] ?? '').trim();
        if (key === 'port') port = v;
        else if (key === 'user') user = v;
        else if (key === 'identityfile') identityFiles.push(v);
        else return undefined; // -F, other options: only the real command means the same
      } else return undefined;
      continue;
    }
    if (dest !== undefined) return undefined; // a remote command follows: not the plain idiom
    dest = w;
  }
  if (!forwardsTarget || !dest) return undefined;
  let hop = dest.replace(/^ssh:\/\//, '');
  if (user && !hop.includes('@')) hop = `${user}@${hop}`;
  if (port && !/:\d+$/.test(hop)) hop = `${hop}:${port}`;
  return { jump: via ? `${via},${hop}` : hop, identityFiles };
}

/** The jump hop(s) a `ssh -W %h:%p ...` ProxyCommand stands for, or undefined (see readProxyCommand). */
export function proxyCommandToJump(command: string): string | undefined {
  return readProxyCommand(command)?.jump;
}
