// Finds the sshd binary and its version (newer OpenSSH needs extra settings to tolerate a test's traffic).

import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import { LabError } from './lab-error.js';
import { runCommand } from './run-command.js';

/** The sshd to run and what its version supports. */
export interface SshdBinary {
  /** Absolute path (sshd re-execs itself per connection and insists on one). */
  path: string;
  /** e.g. [9, 2]. */
  version: [number, number];
  /** OpenSSH 9.8+ penalises sources whose connections end before auth (as a readiness probe's do). */
  hasPerSourcePenalties: boolean;
}

let cached: Promise<SshdBinary> | undefined;

/** Locates sshd (in /usr/sbin and friends even when PATH lacks them) and reads `sshd -V`; cached per process. */
export function findSshd(): Promise<SshdBinary> {
  cached ??= locateSshd();
  return cached;
}

async function locateSshd(): Promise<SshdBinary> {
  const dirs = ['/usr/sbin', '/usr/local/sbin', '/sbin', ...(process.env['PATH'] ?? '').split(':').filter(Boolean)];
  const path = dirs.map((d) => join(d, 'sshd')).find(isExecutable);
  if (!path) throw new LabError('E_LAB_UNSUPPORTED', `sshd not found in ${dirs.join(':')}: install openssh-server`);
  const r = await runCommand(path, ['-V']);
  const m = /OpenSSH_(\d+)\.(\d+)/.exec(r.stderr + r.stdout);
  const version: [number, number] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  return { path, version, hasPerSourcePenalties: version[0] > 9 || (version[0] === 9 && version[1] >= 8) };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
