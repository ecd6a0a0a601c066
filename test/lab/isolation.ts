// Decides how hosts are isolated: netns (own network, pid, mount, uts namespaces), unshare (all but network), none.

import { LAB_PREFIX } from './constants.js';
import { LabError } from './lab-error.js';
import { runCommand } from './run-command.js';
import type { LabMode } from './types.js';

/** netns: root with `ip netns`; unshare: root without it (hosts on 127.0.0.1 ports); none: plain sshd as this user. */
export type Isolation = 'netns' | 'unshare' | 'none';

/** unshare flags giving a host its own process table (sshd as pid 1), mounts and hostname. */
export const UNSHARE_ARGS = ['--pid', '--mount', '--uts', '--fork', '--mount-proc', '--kill-child'];

let netnsWorks: Promise<boolean> | undefined;
let unshareWorks: Promise<boolean> | undefined;

/** The isolation for `mode`; `netns` when it cannot work throws, `auto` falls back quietly. */
export async function chooseIsolation(mode: LabMode): Promise<Isolation> {
  const root = process.getuid?.() === 0;
  if (mode === 'netns') {
    if (!root) throw new LabError('E_LAB_UNSUPPORTED', 'mode netns needs root (uid 0); use mode loopback');
    if (!(await probeNetns())) throw new LabError('E_LAB_UNSUPPORTED', 'mode netns: `ip netns add` or unshare failed here (need CAP_SYS_ADMIN and CAP_NET_ADMIN)');
    return 'netns';
  }
  if (!root) return 'none';
  if (mode === 'auto' && (await probeNetns())) return 'netns';
  return (await probeUnshare()) ? 'unshare' : 'none';
}

/** Whether this process may create network namespaces, bridges and veths, and unshare; cached. */
function probeNetns(): Promise<boolean> {
  netnsWorks ??= (async () => {
    const name = `${LAB_PREFIX}${process.pid}l0probe`;
    const r = await runCommand('ip', ['-force', '-batch', '-'], {
      input: `netns add ${name}\nlink add ${name.slice(0, 15)} type bridge\nlink del ${name.slice(0, 15)}\nnetns del ${name}\n`,
    }).catch(() => undefined);
    return r?.code === 0 && (await probeUnshare());
  })();
  return netnsWorks;
}

/** Whether unshare can make pid/mount/uts namespaces, mount a tmpfs and set the hostname; cached. */
function probeUnshare(): Promise<boolean> {
  unshareWorks ??= runCommand('unshare', [...UNSHARE_ARGS, '/bin/sh', '-c', 'mount -t tmpfs probe /tmp && printf probe > /proc/sys/kernel/hostname'])
    .then((r) => r.code === 0)
    .catch(() => false);
  return unshareWorks;
}
