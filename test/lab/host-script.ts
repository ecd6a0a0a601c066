// The script a host's namespaces run as their first process: network, hostname, private dirs, then sshd as pid 1.

import type { LabUser } from './users.js';

/** What to set up before sshd replaces the script. */
export interface HostScriptInput {
  comment: string;
  /** `ip -batch` file configuring the namespace (netns mode). */
  netBatch?: string;
  hostname: string;
  /** Users whose home gets a private tmpfs (so one host's files are invisible on another). */
  homes: readonly LabUser[];
  /** Bind-mounted over /etc/hosts: every lab host's name resolves, and sudo finds its own hostname. */
  hostsFile: string;
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
    'mount -t tmpfs -o mode=1777,size=512m smoker-lab-tmp /tmp',
    ...s.homes.map((u) => `mount -t tmpfs -o mode=0755,size=512m,uid=${u.uid},gid=${u.gid} smoker-lab-home ${quote(u.home)}`),
    `mount --bind ${quote(s.hostsFile)} /etc/hosts`,
    `exec ${quote(s.sshd)} -D -f ${quote(s.sshdConfig)} -E ${quote(s.sshdLog)}`,
    '',
  ].join('\n');
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
