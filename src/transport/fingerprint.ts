// Host key fingerprints and key types, computed from the SSH wire-format public key blob.
import { createHash } from 'node:crypto';

/** The `SHA256:…` fingerprint of a public key blob, as `ssh-keygen -lf` prints it. */
export function fingerprintSha256(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** The key type a blob declares in its first string (`ssh-ed25519`), or undefined if malformed. */
export function readKeyType(key: Buffer): string | undefined {
  if (key.length < 4) return undefined;
  const len = key.readUInt32BE(0);
  if (len === 0 || len > 64 || 4 + len > key.length) return undefined;
  const type = key.subarray(4, 4 + len).toString('latin1');
  return /^[\x21-\x7e]+$/.test(type) ? type : undefined;
}
