// The lab's login users (root mode): created once per machine, kept between runs, never given a shell rc file.

import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { LAB_SUDO_PASSWORD, LAB_SUDO_USER, LAB_USER } from './constants.js';
import { LabError } from './lab-error.js';
import { runCommand } from './run-command.js';

/** A login user as the lab needs it: ids for its private home mount, and that home. */
export interface LabUser {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

/** The sudoers drop-in that lets LAB_SUDO_USER sudo with its password, asked every time. */
export const SUDOERS_PATH = '/etc/sudoers.d/smoker-lab';
const SUDOERS = [
  '# smoker test lab: smoker-sudo may run anything as anyone, with its password, asked every time.',
  `Defaults:${LAB_SUDO_USER} timestamp_timeout=0, lecture=never`,
  `${LAB_SUDO_USER} ALL=(ALL:ALL) ALL`,
  '',
].join('\n');

/** Creates (if missing) LAB_USER and, with `sudo`, LAB_SUDO_USER and its sudoers rule; returns both users. */
export async function ensureLabUsers(sudo: boolean): Promise<LabUser[]> {
  const users = [await ensureUser(LAB_USER, undefined)];
  if (sudo) {
    users.push(await ensureUser(LAB_SUDO_USER, LAB_SUDO_PASSWORD));
    ensureSudoers();
  }
  return users;
}

async function ensureUser(name: string, password: string | undefined): Promise<LabUser> {
  if (!readUser(name)) {
    const home = `/home/${name}`;
    // `-p '*'`: no password, yet not locked: sshd without PAM refuses even key logins of a locked ('!') account.
    const r = await runCommand('useradd', ['--system', '--user-group', '--shell', '/bin/sh', '--home-dir', home, '--create-home', '--password', '*', name]);
    // Another process may have created it at the same moment; only a still-missing user is an error.
    if (r.code !== 0 && !readUser(name)) throw new LabError('E_LAB_START', `useradd ${name} failed: ${r.stderr.trim()}`);
  }
  const user = readUser(name);
  if (!user) throw new LabError('E_LAB_START', `user ${name} missing after useradd`);
  const secret = readShadowField(name);
  if (password !== undefined && (secret === '' || secret.startsWith('!') || secret.startsWith('*'))) {
    const r = await runCommand('chpasswd', [], { input: `${name}:${password}\n` });
    if (r.code !== 0) throw new LabError('E_LAB_START', `chpasswd ${name} failed: ${r.stderr.trim()}`);
  } else if (password === undefined && secret.startsWith('!')) {
    await runCommand('usermod', ['--password', '*', name]);
  }
  if (!existsSync(user.home)) {
    mkdirSync(user.home, { recursive: true, mode: 0o755 });
    chownSync(user.home, user.uid, user.gid);
  }
  return user;
}

/** The user's /etc/passwd entry, or undefined. */
export function readUser(name: string): LabUser | undefined {
  for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const f = line.split(':');
    if (f[0] === name) return { name, uid: Number(f[2]), gid: Number(f[3]), home: f[5] ?? `/home/${name}` };
  }
  return undefined;
}

function readShadowField(name: string): string {
  try {
    const line = readFileSync('/etc/shadow', 'utf8').split('\n').find((l) => l.startsWith(`${name}:`));
    return line?.split(':')[1] ?? '';
  } catch {
    return '';
  }
}

function ensureSudoers(): void {
  const current = existsSync(SUDOERS_PATH) ? readFileSync(SUDOERS_PATH, 'utf8') : '';
  if (current === SUDOERS) return;
  writeFileSync(`${SUDOERS_PATH}.tmp`, SUDOERS, { mode: 0o440 });
  chmodSync(`${SUDOERS_PATH}.tmp`, 0o440);
  // sudo ignores files with a dot in their name, so the .tmp is inert until renamed into place.
  renameSync(`${SUDOERS_PATH}.tmp`, SUDOERS_PATH);
}
