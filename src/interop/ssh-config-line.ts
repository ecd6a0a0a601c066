// One ssh_config line: `Keyword value` or `Keyword=value`, with OpenSSH's double-quoted arguments.

import { splitShellWords } from './shlex.js';

/** A keyword line; columns are 1-based. */
export interface SshConfigLine {
  key: string;
  /** The arguments with quotes removed, joined by one space (ProxyCommand: the raw text). */
  value: string;
  keyCol: number;
  valueCol: number;
}

const LINE = /^(\s*)([A-Za-z][A-Za-z0-9]*)(\s*=\s*|\s+)(.*?)\s*$/;

/** Splits a non-blank, non-comment line; undefined when it is not `Keyword value`. Throws on an open quote. */
export function splitSshConfigLine(line: string): SshConfigLine | undefined {
  const m = LINE.exec(line);
  if (!m) return undefined;
  const [, indent = '', key = '', sep = '', rest = ''] = m;
  if (!rest) return undefined;
  const value = key.toLowerCase() === 'proxycommand' ? rest : splitShellWords(rest).map((w) => w.value).join(' ');
  return { key, value, keyCol: indent.length + 1, valueCol: indent.length + key.length + sep.length + 1 };
}
