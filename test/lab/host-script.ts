// The script a host's namespaces run as their first process: network, hostname, private dirs, then sshd as pid 1.

import type { LabUser } from './users.js';

/** What to set up before sshd replaces the script. */
export interface HostScriptInput {
  comment: string;
  /** `ip -batch` file configuring the namespace (netns mode). */
  netBatch?: string;
  hostname: string;
  /** fstab of the host's private mounts (renderHostFstab), mounted with one `mount -a`. */
  fstab: string;
  sshd: string;
  sshdConfig: string;
  sshdLog: string;
}

/** The /bin/sh script text; it ends by exec'ing sshd in the foreground. */
export function renderHostScript(s: HostScriptInput): string {
  return [
    `# ${s.comment}`,
    'set -e',
    ...(s.netBatch ? [`ip -batch ${quote(s.netBatch)}`] : []),
    `printf %s ${quote(s.hostname)} > /proc/sys/kernel/hostname`,
    `mount -a -T ${quote(s.fstab)}`,
    `exec ${quote(s.sshd)} -D -f ${quote(s.sshdConfig)} -E ${quote(s.sshdLog)}`,
    '',
  ].join('\n');
}

/** Private mounts of a host: tmpfs on /tmp and on each user's home (one host's files are invisible on
 * another), and `hostsFile` over /etc/hosts (lab names resolve; sudo finds its own hostname). */
export function renderHostFstab(homes: readonly LabUser[], hostsFile: string, keep?: { path: string; holder: string }): string {
  // A checkout under /tmp (CI clones anywhere) stays visible read-only: it is bound aside before the
  // private /tmp hides it, then bound back, so tests can point hosts at fixture files by path.
  const keepLines = keep ? [`${keep.path} ${keep.holder} none bind,ro 0 0`] : [];
  const restoreLines = keep ? [`${keep.holder} ${keep.path} none bind,ro,X-mount.mkdir 0 0`] : [];
  const lines = [
    ...keepLines,
    'smoker-lab-tmp /tmp tmpfs mode=1777,size=512m 0 0',
    ...restoreLines,
    ...homes.map((u) => `smoker-lab-home ${u.home} tmpfs mode=0755,size=512m,uid=${u.uid},gid=${u.gid} 0 0`),
    `${hostsFile} /etc/hosts none bind 0 0`,
  ];
  return `${lines.join('\n')}\n`;
}

/** /etc/hosts text for a lab: localhost, then every host name with its address. */
export function renderHostsFile(hosts: ReadonlyArray<{ name: string; address: string }>): string {
  const lines = ['127.0.0.1 localhost', '::1 localhost ip6-localhost ip6-loopback'];
  for (const h of hosts) lines.push(`${h.address} ${h.name}`);
  return `${lines.join('\n')}\n`;
}

function quote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
