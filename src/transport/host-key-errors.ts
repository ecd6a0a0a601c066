// The errors a refused host key becomes: each names the key's fingerprint and the files involved.
import { TransportError } from '../errors.js';
import { fingerprintSha256 } from './fingerprint.js';
import type { KnownHostsEntry } from './known-hosts-parse.js';

/** Stable codes of host key failures. */
export const HostKeyErrorCode = {
  unknown: 'E_HOST_KEY_UNKNOWN',
  changed: 'E_HOST_KEY_CHANGED',
  revoked: 'E_HOST_KEY_REVOKED',
  file: 'E_HOST_KEY_FILE',
} as const;

/** What the server offered: its key type and blob. */
export interface OfferedKey {
  readonly keyType: string;
  readonly key: Buffer;
}

/** The host is in none of the files searched (strict policy). */
export function createUnknownHostError(name: string, offered: OfferedKey, files: readonly string[]): TransportError {
  const where = files.length > 0 ? files.join(', ') : 'no known_hosts file (none configured)';
  return new TransportError(
    `host key verification failed for ${name}: unknown host; its ${describe(offered)} is not in ${where} ` +
      `(hostKeyPolicy strict: check the fingerprint, then add the key, or use hostKeyPolicy accept-new)`,
    { code: HostKeyErrorCode.unknown },
  );
}

/** The host is listed with other keys: the key changed, or someone is in the middle. */
export function createChangedKeyError(name: string, offered: OfferedKey, others: readonly KnownHostsEntry[]): TransportError {
  const first = others.find((e) => e.keyType === offered.keyType) ?? others[0];
  const held = first ? `${at(first)} holds ${describe(first)}` : 'another key is listed';
  const more = others.length > 1 ? ` (and ${others.length - 1} more key(s) for this host)` : '';
  const fix = first ? `; if the host was reinstalled, remove the old key with: ssh-keygen -R '${name}' -f '${first.file}'` : '';
  return new TransportError(
    `host key verification failed for ${name}: the host key has changed or someone is intercepting the ` +
      `connection; the server offered ${describe(offered)}, but ${held}${more}${fix}`,
    { code: HostKeyErrorCode.changed },
  );
}

/** The offered key is marked `@revoked`. */
export function createRevokedKeyError(name: string, entry: KnownHostsEntry): TransportError {
  return new TransportError(
    `host key verification failed for ${name}: the server offered ${describe(entry)}, which ${at(entry)} marks @revoked`,
    { code: HostKeyErrorCode.revoked },
  );
}

/** A known_hosts file could not be read or written. */
export function createKnownHostsFileError(name: string, file: string, action: 'read' | 'write', cause: unknown): TransportError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new TransportError(`host key verification failed for ${name}: cannot ${action} ${file}: ${reason}`, {
    code: HostKeyErrorCode.file,
    cause,
  });
}

function describe(k: OfferedKey): string {
  return `${k.keyType} key ${fingerprintSha256(k.key)}`;
}

function at(e: KnownHostsEntry): string {
  return `${e.file}:${e.line}`;
}
