// Key material of a lab: ed25519 key pairs in OpenSSH format, made in-process (no ssh-keygen), and known_hosts.
// Not ssh2's generateKeyPairSync: it drops a leading zero byte of the public key, so about one key in 256
// is malformed and sshd refuses it (mscdex/ssh2#1390, #1513).

import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';

/** An OpenSSH private key (unencrypted) and its one-line public key `ssh-ed25519 AAAA... comment`. */
export interface KeyPair {
  privateKey: string;
  publicKey: string;
}

/** Generates an ed25519 key pair in the formats ssh-keygen writes. */
export function generateKeyPair(comment: string): KeyPair {
  return formatKeyPair(generateKeyPairSync('ed25519').privateKey, comment);
}

/** Writes an ed25519 private KeyObject as OpenSSH private and public key text. */
export function formatKeyPair(privateKey: KeyObject, comment: string): KeyPair {
  const jwk = privateKey.export({ format: 'jwk' });
  const pub = Buffer.from(jwk.x ?? '', 'base64url');
  const seed = Buffer.from(jwk.d ?? '', 'base64url');
  const pubBlob = Buffer.concat([sshString('ssh-ed25519'), sshString(pub)]);
  const check = randomBytes(4);
  const secret = Buffer.concat([check, check, pubBlob, sshString(Buffer.concat([seed, pub])), sshString(comment)]);
  // Pad the private section to the cipher block size (8 for "none") with bytes 1, 2, 3...
  const padding = Buffer.from(Array.from({ length: (8 - (secret.length % 8)) % 8 }, (_, i) => i + 1));
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0'),
    sshString('none'),
    sshString('none'),
    sshString(''),
    uint32(1),
    sshString(pubBlob),
    sshString(Buffer.concat([secret, padding])),
  ]);
  const lines = body.toString('base64').match(/.{1,70}/g) ?? [];
  return {
    privateKey: `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines.join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`,
    publicKey: `ssh-ed25519 ${pubBlob.toString('base64')} ${comment}`,
  };
}

/** The host pattern OpenSSH writes to known_hosts: `addr` for port 22, else `[addr]:port`. */
export function formatKnownHostsName(address: string, port: number): string {
  return port === 22 ? address : `[${address}]:${port}`;
}

/** known_hosts text: one line per endpoint, with the public key of the sshd serving it. */
export function renderKnownHosts(entries: ReadonlyArray<{ address: string; port: number; publicKey: string }>): string {
  return entries.map((e) => `${formatKnownHostsName(e.address, e.port)} ${e.publicKey.split(' ').slice(0, 2).join(' ')}\n`).join('');
}

function sshString(value: string | Buffer): Buffer {
  const data = typeof value === 'string' ? Buffer.from(value) : value;
  return Buffer.concat([uint32(data.length), data]);
}

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}
