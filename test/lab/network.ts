// The lab network as `ip -batch` scripts: a bridge in the root namespace, one veth per namespace.

import { spawnSync } from 'node:child_process';
import { LabError } from './lab-error.js';
import { runCommand } from './run-command.js';

/** One network namespace on the lab bridge; its end of the veth is `eth0`. */
export interface NamespaceLink {
  netns: string;
  /** Root-side veth name: random, so a name the kernel is still tearing down is never reused. */
  veth: string;
}

/** The root-namespace side of a lab network. */
export interface NetworkPlan {
  bridge: string;
  gateway: string;
  slots: readonly number[];
  net: string;
  links: readonly NamespaceLink[];
}

/** Batch that creates the bridge (gateway /32 plus a route per slot) and every namespace with its veth. */
export function renderNetworkSetup(p: NetworkPlan): string {
  const lines = [
    `link add ${p.bridge} type bridge forward_delay 0`,
    `addr add ${p.gateway}/32 dev ${p.bridge}`,
    `link set ${p.bridge} up`,
    ...p.slots.map((s) => `route add ${p.net}.${s}.0/24 dev ${p.bridge} src ${p.gateway}`),
  ];
  for (const l of p.links) {
    lines.push(`netns add ${l.netns}`);
    lines.push(`link add ${l.veth} type veth peer name eth0 netns ${l.netns}`);
    lines.push(`link set ${l.veth} master ${p.bridge} up`);
  }
  return `${lines.join('\n')}\n`;
}

/** Batch that deletes the namespaces (their veths go with them) and bridges; run with -force. */
export function renderNetworkTeardown(netns: readonly string[], bridges: readonly string[]): string {
  const lines = [...netns.map((n) => `netns del ${n}`), ...bridges.map((b) => `link del ${b}`)];
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Batch run inside a namespace: loopback up, its addresses (/16, so the whole lab is on-link), eth0 up. */
export function renderNamespaceAddresses(addresses: readonly string[]): string {
  return ['link set lo up', ...addresses.map((a) => `addr replace ${a}/16 dev eth0`), 'link set eth0 up', ''].join('\n');
}

/** Runs `ip -batch -`; with `force`, goes on after errors (teardown of half-made labs). */
export async function runIpBatch(batch: string, force: boolean): Promise<void> {
  if (!batch) return;
  const r = await runCommand('ip', force ? ['-force', '-batch', '-'] : ['-batch', '-'], { input: batch });
  if (r.code !== 0 && !force) throw new LabError('E_LAB_START', `ip -batch failed: ${r.stderr.trim()}`);
}

/** runIpBatch with -force, synchronously (for process exit). */
export function runIpBatchSync(batch: string): void {
  if (batch) spawnSync('ip', ['-force', '-batch', '-'], { input: batch, stdio: ['pipe', 'ignore', 'ignore'] });
}
