// Turns the common `ProxyCommand ssh -W %h:%p bastion` idiom into a ProxyJump hop.

import { splitShellWords } from './shlex.js';
import { SSH_FLAGS_WITH_VALUE } from './ssh-flags.js';

/** Returns the jump hop(s) a `ssh -W %h:%p [-p N] [-l U] [-J H] dest` ProxyCommand stands for, or undefined. */
export function proxyCommandToJump(command: string): string | undefined {
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
  for (let i = 1; i < words.length; i++) {
    const w = words[i] as string;
    if (w.startsWith('-') && w.length > 1) {
      const flag = w[1] as string;
      if (!SSH_FLAGS_WITH_VALUE.has(flag)) continue;
      const value = w.length > 2 ? w.slice(2) : words[++i];
      if (value === undefined) return undefined;
      if (flag === 'W') forwardsTarget = /^\[?%h\]?:%p$/.test(value);
      else if (flag === 'p') port = value;
      else if (flag === 'l') user = value;
      else if (flag === 'J') via = value;
      else if (flag === 'o' && /^port[= ]/i.test(value)) port = value.slice(5).trim();
      else if (flag === 'o' && /^user[= ]/i.test(value)) user = value.slice(5).trim();
      continue;
    }
    if (dest !== undefined) return undefined; // a remote command follows: not the plain idiom
    dest = w;
  }
  if (!forwardsTarget || !dest) return undefined;
  let hop = dest.replace(/^ssh:\/\//, '');
  if (user && !hop.includes('@')) hop = `${user}@${hop}`;
  if (port && !/:\d+$/.test(hop)) hop = `${hop}:${port}`;
  return via ? `${via},${hop}` : hop;
}
