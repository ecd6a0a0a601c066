// Runs the real OpenSSH client against a lab host, isolated from the user's ~/.ssh (for lab tests).

import { runCommand } from './run-command.js';
import type { Lab, LabExecResult, LabHost } from './types.js';

/** Options of sshToHost. */
export interface SshOptions {
  user?: string;
  input?: string;
  timeoutMs?: number;
}

/** `ssh` with the lab's key and known_hosts, strict host key checking, no agent, no config: runs `cmd`. */
export function sshToHost(lab: Lab, host: LabHost, cmd: string, opts: SshOptions = {}): Promise<LabExecResult> {
  const args = [
    '-F', '/dev/null',
    '-i', lab.clientKey,
    '-o', 'IdentitiesOnly=yes',
    '-o', 'IdentityAgent=none',
    '-o', `UserKnownHostsFile=${lab.knownHosts}`,
    '-o', 'GlobalKnownHostsFile=/dev/null',
    '-o', 'StrictHostKeyChecking=yes',
    '-o', 'BatchMode=yes',
    '-o', 'ConnectTimeout=5',
    '-p', String(host.port),
    `${opts.user ?? lab.user}@${host.address}`,
    cmd,
  ];
  return runCommand('ssh', args, { timeoutMs: opts.timeoutMs ?? 15_000, ...(opts.input === undefined ? {} : { input: opts.input }) });
}
