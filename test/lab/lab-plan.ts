// Plans a lab before anything is made: host names, addresses, and which sshd serves which hosts.

import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { gatewayAddress, hostAddress } from './addresses.js';
import { LAB_NET, LAB_PREFIX, SSHD_MAX_LISTEN } from './constants.js';
import type { Isolation } from './isolation.js';
import type { NetworkPlan } from './network.js';

/** A host before it has a pid. */
export interface PlannedHost {
  name: string;
  address: string;
  port: number;
  server: string;
}

/** One sshd: the hosts it serves, where it listens, its namespace and files. */
export interface ServerPlan {
  key: string;
  dir: string;
  hostNames: string[];
  hostname: string;
  netns?: string;
  veth?: string;
  /** Addresses configured inside its namespace (netns mode). */
  addresses: string[];
  /** sshd ListenAddress values. */
  listen: string[];
  /** Endpoints that must answer before the server counts as up (each probe costs sshd a re-exec). */
  probes: Array<{ address: string; port: number }>;
  ports: number[];
}

/** The whole plan. */
export interface LabPlan {
  hosts: PlannedHost[];
  servers: ServerPlan[];
  network: NetworkPlan | undefined;
}

/** Inputs of planLab; `firstSlot` for netns, `ports` (one per host) otherwise. */
export interface PlanInput {
  id: string;
  dir: string;
  isolation: Isolation;
  count: number;
  namePrefix: string;
  shared: boolean;
  slots?: readonly number[];
  ports?: readonly number[];
}

/** Host names `<prefix><i>`, i from 1, zero-padded to the width of `count`. */
export function nameHosts(prefix: string, count: number): string[] {
  const width = String(count).length;
  return Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(width, '0')}`);
}

/** Plans hosts and servers: one server per host, or shared ones (one namespace; 16 ports per loopback sshd). */
export function planLab(p: PlanInput): LabPlan {
  const names = nameHosts(p.namePrefix, p.count);
  if (p.isolation === 'netns') return planNetns(p, names);
  const ports = p.ports ?? [];
  const hosts = names.map((name, i) => ({ name, address: '127.0.0.1', port: ports[i] ?? 0, server: name }));
  const groups = p.shared ? chunk(hosts, SSHD_MAX_LISTEN) : hosts.map((h) => [h]);
  const servers = groups.map((group, k) => {
    const key = p.shared ? `shared${k + 1}` : (group[0]?.name ?? '');
    for (const h of group) h.server = key;
    return {
      key,
      dir: join(p.dir, key),
      hostNames: group.map((h) => h.name),
      hostname: p.shared ? `${p.namePrefix}-${key}` : key,
      addresses: [],
      listen: group.map((h) => `${h.address}:${h.port}`),
      // sshd binds every socket before it accepts, so one banner means all are bound or failed (see bindFailures).
      probes: group.slice(0, 1).map((h) => ({ address: h.address, port: h.port })),
      ports: group.map((h) => h.port),
    };
  });
  return { hosts, servers, network: undefined };
}

function planNetns(p: PlanInput, names: string[]): LabPlan {
  const first = p.slots?.[0] ?? 0;
  const hosts = names.map((name, i) => ({ name, address: hostAddress(first, i), port: 22, server: p.shared ? 'shared' : name }));
  const servers: ServerPlan[] = p.shared
    ? [{
        key: 'shared',
        dir: join(p.dir, 'shared'),
        hostNames: names,
        hostname: `${p.namePrefix}-shared`,
        netns: `${p.id}s`,
        veth: makeVethName(),
        addresses: hosts.map((h) => h.address),
        // One wildcard socket serves every address of the namespace (sshd listens on at most 16 sockets).
        listen: ['0.0.0.0:22'],
        probes: hosts.slice(0, 1).map((h) => ({ address: h.address, port: 22 })),
        ports: [22],
      }]
    : hosts.map((h, i) => ({
        key: h.name,
        dir: join(p.dir, h.name),
        hostNames: [h.name],
        hostname: h.name,
        netns: `${p.id}h${i + 1}`,
        veth: makeVethName(),
        addresses: [h.address],
        listen: [`${h.address}:22`],
        probes: [{ address: h.address, port: 22 }],
        ports: [22],
      }));
  const links = servers.map((s) => ({ netns: s.netns ?? '', veth: s.veth ?? '' }));
  const network = { bridge: p.id, gateway: gatewayAddress(first), slots: p.slots ?? [first], net: LAB_NET, links };
  return { hosts, servers, network };
}

/** A 15-character interface name `smkv` + 11 random hex digits. */
function makeVethName(): string {
  return `${LAB_PREFIX}v${randomBytes(6).toString('hex').slice(0, 11)}`;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
