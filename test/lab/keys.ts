// Key material of a lab: ed25519 key pairs in OpenSSH format, made in-process (no ssh-keygen), and known_hosts.

import ssh2 from 'ssh2';

/** An OpenSSH private key (unencrypted) and its one-line public key `ssh-ed25519 AAAA... comment`. */
export interface KeyPair {
  privateKey: string;
  publicKey: string;
}

/** Generates an ed25519 key pair; sshd and ssh accept the format ssh2 writes. */
export function generateKeyPair(comment: string): KeyPair {
  const pair = ssh2.utils.generateKeyPairSync('ed25519', { comment });
  return { privateKey: pair.private, publicKey: pair.public.trim() };
}

/** The host pattern OpenSSH writes to known_hosts: `addr` for port 22, else `[addr]:port`. */
export function formatKnownHostsName(address: string, port: number): string {
  return port === 22 ? address : `[${address}]:${port}`;
}

/** known_hosts text: one line per endpoint, with the public key of the sshd serving it. */
export function renderKnownHosts(entries: ReadonlyArray<{ address: string; port: number; publicKey: string }>): string {
  return entries.map((e) => `${formatKnownHostsName(e.address, e.port)} ${keyWithoutComment(e.publicKey)}\n`).join('');
}

function keyWithoutComment(publicKey: string): string {
  return publicKey.split(' ').slice(0, 2).join(' ');
}
