// The one home-folder rule, OpenSSH's: the passwd entry's home (getpwuid), $HOME only when there is no entry.
import { homedir, userInfo } from 'node:os';

/** The home folder and where it came from, as `smoker hosts -o json` shows it. */
export interface HomeDirectory {
  path: string;
  source: 'passwd' | 'HOME';
}

/** The home OpenSSH uses for ~/.ssh/config, known_hosts and identity files; smoker uses it for every `~`. */
export function findHomeDirectory(): HomeDirectory {
  try {
    const info = userInfo();
    if (info.homedir) return { path: info.homedir, source: 'passwd' };
  } catch {
    // no passwd entry (some containers): fall back to the environment, as OpenSSH cannot do better either
  }
  return { path: process.env['HOME'] ?? homedir(), source: 'HOME' };
}

/** Expands a leading `~` or `~/` with that home. */
export function expandTilde(p: string, home: string = findHomeDirectory().path): string {
  return p === '~' || p.startsWith('~/') ? home + p.slice(1) : p;
}
