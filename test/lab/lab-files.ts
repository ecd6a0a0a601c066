// Writes a planned lab's files: client key, authorized_keys, known_hosts, /etc/hosts, and per server
// its host key, sshd_config, run.sh and namespace batch.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderHostFstab, renderHostScript, renderHostsFile } from './host-script.js';
import type { Isolation } from './isolation.js';
import { generateKeyPair, renderKnownHosts } from './keys.js';
import type { LabPlan } from './lab-plan.js';
import { renderNamespaceAddresses } from './network.js';
import { renderSshdConfig } from './sshd-config.js';
import type { SshdBinary } from './sshd-binary.js';
import type { LabUser } from './users.js';

// The repository this lab code lives in (without a trailing slash).
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');

/** Everything the files depend on. */
export interface LabFilesInput {
  id: string;
  dir: string;
  isolation: Isolation;
  plan: LabPlan;
  users: readonly LabUser[];
  sshd: SshdBinary;
  passwordAuth: boolean;
  maxStartups: string | undefined;
}

/** Paths of the lab-wide files. */
export interface LabFiles {
  clientKey: string;
  knownHosts: string;
}

/** Generates the keys and writes every file; returns the paths a client needs. */
export async function writeLabFiles(l: LabFilesInput): Promise<LabFiles> {
  const client = generateKeyPair(`smoker-lab-client@${l.id}`);
  const clientKey = join(l.dir, 'client_ed25519');
  const authorizedKeys = join(l.dir, 'authorized_keys');
  const knownHosts = join(l.dir, 'known_hosts');
  const hostsFile = join(l.dir, 'hosts');
  const fstab = join(l.dir, 'fstab');
  const hostKeys = new Map(l.plan.servers.map((s) => [s.key, generateKeyPair(`${s.key}@${l.id}`)]));
  const writes: Array<Promise<void>> = [
    writeFile(clientKey, client.privateKey, { mode: 0o600 }),
    writeFile(`${clientKey}.pub`, `${client.publicKey}\n`),
    writeFile(authorizedKeys, `${client.publicKey}\n`, { mode: 0o644 }),
    writeFile(knownHosts, renderKnownHosts(l.plan.hosts.map((h) => ({ ...h, publicKey: hostKeys.get(h.server)?.publicKey ?? '' })))),
  ];
  if (l.isolation !== 'none') {
    const keep = REPO_ROOT.startsWith('/tmp/') ? { path: REPO_ROOT, holder: join(l.dir, 'repo') } : undefined;
    if (keep) await mkdir(keep.holder, { mode: 0o755 });
    writes.push(writeFile(hostsFile, renderHostsFile(l.plan.hosts), { mode: 0o644 }), writeFile(fstab, renderHostFstab(l.users, hostsFile, keep)));
  }
  await Promise.all(l.plan.servers.map((s) => mkdir(s.dir, { mode: 0o755 })));
  for (const s of l.plan.servers) {
    const key = hostKeys.get(s.key);
    const hostKey = join(s.dir, 'ssh_host_ed25519_key');
    const sshdConfig = join(s.dir, 'sshd_config');
    const netBatch = join(s.dir, 'net.batch');
    const comment = `smoker test lab ${l.id}, server ${s.key} (${s.hostNames.length} hosts)`;
    const config = renderSshdConfig({
      comment,
      listen: s.listen,
      hostKey,
      authorizedKeys,
      allowUsers: l.users.map((u) => u.name),
      maxStartups: l.maxStartups ?? (s.hostNames.length > 1 ? `${s.hostNames.length * 2 + 10}` : '10:30:100'),
      passwordAuth: l.passwordAuth,
      disablePenalties: l.sshd.hasPerSourcePenalties,
    });
    writes.push(writeFile(hostKey, key?.privateKey ?? '', { mode: 0o600 }), writeFile(`${hostKey}.pub`, `${key?.publicKey}\n`));
    writes.push(writeFile(sshdConfig, config));
    if (l.isolation === 'none') continue;
    if (l.isolation === 'netns') writes.push(writeFile(netBatch, renderNamespaceAddresses(s.addresses)));
    const script = renderHostScript({
      comment,
      ...(l.isolation === 'netns' ? { netBatch } : {}),
      hostname: s.hostname,
      fstab,
      sshd: l.sshd.path,
      sshdConfig,
      sshdLog: join(s.dir, 'sshd.log'),
    });
    writes.push(writeFile(join(s.dir, 'run.sh'), script));
  }
  await Promise.all(writes);
  return { clientKey, knownHosts };
}
