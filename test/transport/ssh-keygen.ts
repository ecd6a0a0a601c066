// Test helper: real keys from ssh-keygen, their blobs and the fingerprints ssh-keygen prints.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A generated key pair: the public line, the wire-format blob and ssh-keygen's SHA256 fingerprint. */
export interface TestKey {
  type: string;
  publicLine: string;
  blob: Buffer;
  fingerprint: string;
  pubFile: string;
}

/** Generates a key with ssh-keygen into `dir` (no passphrase). */
export function generateKey(dir: string, name: string, type: 'ed25519' | 'ecdsa' | 'rsa' = 'ed25519'): TestKey {
  const file = join(dir, name);
  const bits = type === 'rsa' ? ['-b', '2048'] : [];
  execFileSync('ssh-keygen', ['-q', '-t', type, ...bits, '-N', '', '-C', name, '-f', file]);
  const pubFile = `${file}.pub`;
  const publicLine = readFileSync(pubFile, 'utf8').trim();
  const [keyType, base64] = publicLine.split(' ');
  return { type: keyType ?? '', publicLine, blob: Buffer.from(base64 ?? '', 'base64'), fingerprint: fingerprintOf(pubFile), pubFile };
}

/** The `SHA256:…` fingerprint `ssh-keygen -lf` prints for a public key file. */
export function fingerprintOf(pubFile: string): string {
  const out = execFileSync('ssh-keygen', ['-lf', pubFile, '-E', 'sha256'], { encoding: 'utf8' });
  const fp = out.split(' ')[1];
  if (!fp?.startsWith('SHA256:')) throw new Error(`unexpected ssh-keygen -lf output: ${out}`);
  return fp;
}

/** The known_hosts line of a key for `hosts`: `hosts keytype base64`. */
export function knownHostsLine(hosts: string, key: TestKey): string {
  return `${hosts} ${key.type} ${key.blob.toString('base64')}`;
}

/** Whether `ssh-keygen -F name -f file` finds the name, and the lines it prints. */
export function sshKeygenFind(file: string, name: string): { found: boolean; lines: string[] } {
  try {
    const out = execFileSync('ssh-keygen', ['-F', name, '-f', file], { encoding: 'utf8' });
    return { found: true, lines: out.split('\n').filter((l) => l !== '' && !l.startsWith('#')) };
  } catch {
    return { found: false, lines: [] };
  }
}
