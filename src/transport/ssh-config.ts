// Loads ~/.ssh/config (and the system file, with Includes) the way OpenSSH reads it.
import { readFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { findHomeDirectory } from '../config/home.js';
import { isAbsolute, join } from 'node:path';
import { expandGlob } from './expand-glob.js';
import { parseSshConfig } from './ssh-config-parse.js';
import { expandTilde } from './ssh-config-tokens.js';
import type { SshConfig, SshConfigFile, SshLocalContext } from './ssh-config-types.js';

export { resolveSshConfig, type ResolveSshConfigOptions } from './ssh-config-resolve.js';
export type { ResolvedSshConfig, SshConfig } from './ssh-config-types.js';

/** Where and as whom to load; every field defaults to the real local user and system. */
export interface LoadSshConfigOptions {
  /** Home folder for `~`, `%d` and relative Includes; default the passwd entry's, as OpenSSH uses. */
  home?: string;
  /** System-wide file read after the user's when no path is given; false to skip. Default /etc/ssh/ssh_config. */
  systemFile?: string | false;
}

/** OpenSSH's limit on nested Includes. */
const maxIncludeDepth = 16;

/**
 * Reads a config once. With `path`, only that file (like `ssh -F`); without, ~/.ssh/config then
 * the system file. Missing default files are not an error; unreadable ones become warnings.
 */
export function loadSshConfig(path?: string, options: LoadSshConfigOptions = {}): SshConfig {
  const local = readLocalContext(options.home);
  const warnings: string[] = [];
  const warn = (m: string) => warnings.push(m);

  const readFile = (file: string, system: boolean, depth: number, required: boolean): SshConfigFile[] => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' || required) warn(`${file}: cannot read: ${(err as Error).message}`);
      return [];
    }
    const readInclude = (pattern: string, at: string): SshConfigFile[] => {
      if (depth + 1 > maxIncludeDepth) {
        warn(`${at}: Include nested more than ${maxIncludeDepth} deep; ignored`);
        return [];
      }
      const expanded = expandTilde(pattern, local.home);
      const absolute = isAbsolute(expanded) ? expanded : join(system ? '/etc/ssh' : join(local.home, '.ssh'), expanded);
      return expandGlob(absolute).flatMap((f) => readFile(f, system, depth + 1, true));
    };
    return [parseSshConfig(text, file, readInclude, warn)];
  };

  const files =
    path !== undefined
      ? readFile(expandTilde(path, local.home), false, 0, true)
      : [
          ...readFile(join(local.home, '.ssh', 'config'), false, 0, false),
          ...(options.systemFile === false ? [] : readFile(options.systemFile ?? '/etc/ssh/ssh_config', true, 0, false)),
        ];
  return { files, local, warnings };
}

/** The local facts tokens need: home, user name, uid and host name. */
function readLocalContext(home: string | undefined): SshLocalContext {
  let info: { username: string; uid: number; homedir: string } | undefined;
  try {
    info = userInfo();
  } catch {
    info = undefined; // no passwd entry (some containers): fall back to the environment
  }
  return {
    home: home ?? findHomeDirectory().path,
    localUser: info?.username ?? process.env['USER'] ?? '',
    uid: String(info?.uid ?? process.getuid?.() ?? ''),
    localHost: hostname(),
  };
}
