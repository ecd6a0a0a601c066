// The one home-folder rule, OpenSSH's: the passwd entry's home (getpwuid), $HOME only when there is no entry.
import { homedir, userInfo, type UserInfo } from 'node:os';

/** The home folder and where it came from, as `smoker hosts -o json` shows it. */
export interface HomeDirectory {
  path: string;
  source: 'passwd' | 'HOME';
}

// The passwd entry is read once per process: getpwuid per host was most of `smoker hosts` at 100,000 hosts.
let passwd: { info: UserInfo<string> | undefined } | undefined;

/** This process's passwd entry (read once), or undefined when it has none (some containers). */
export function passwdEntry(): UserInfo<string> | undefined {
  if (!passwd) {
    try {
      passwd = { info: userInfo() };
    } catch {
      passwd = { info: undefined };
    }
  }
  return passwd.info;
}

/** The home OpenSSH uses for ~/.ssh/config, known_hosts and identity files; smoker uses it for every `~`. */
export function findHomeDirectory(): HomeDirectory {
  const home = passwdEntry()?.homedir;
  if (home) return { path: home, source: 'passwd' };
  // no passwd entry: fall back to the environment, as OpenSSH cannot do better either
  return { path: process.env['HOME'] ?? homedir(), source: 'HOME' };
}

/** Expands a leading `~` or `~/` with that home (looked up only when there is one). */
export function expandTilde(p: string, home?: string): string {
  return p === '~' || p.startsWith('~/') ? (home ?? findHomeDirectory().path) + p.slice(1) : p;
}
