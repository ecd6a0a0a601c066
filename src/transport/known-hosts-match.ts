// Decides which known_hosts entries speak for a host, and what they say about its key.
import { createHmac, randomBytes } from 'node:crypto';
import { matchPatternList } from './host-patterns.js';
import type { KnownHostsEntry } from './known-hosts-parse.js';

/** What the known_hosts entries say about one host and key. */
export type HostKeyCheck =
  | { status: 'known'; entry: KnownHostsEntry }
  | { status: 'revoked'; entry: KnownHostsEntry }
  | { status: 'changed'; others: KnownHostsEntry[] }
  | { status: 'unknown' };

/** The name known_hosts stores a host under: `host` for port 22, else `[host]:port`. */
export function formatKnownHostsName(host: string, port: number): string {
  const lower = host.toLowerCase();
  return port === 22 ? lower : `[${lower}]:${port}`;
}

/** The `|1|salt|digest` form of a name, with a fresh salt unless one is given. */
export function hashKnownHostsName(name: string, salt: Buffer = randomBytes(20)): string {
  const digest = createHmac('sha1', salt).update(name).digest();
  return `|1|${salt.toString('base64')}|${digest.toString('base64')}`;
}

/** Whether an entry's host field (hashed or a pattern list) names `name`. */
export function matchesKnownHostsName(entry: KnownHostsEntry, name: string): boolean {
  if (entry.hashed) {
    return createHmac('sha1', entry.hashed.salt).update(name).digest().equals(entry.hashed.digest);
  }
  return matchPatternList(name, entry.hosts, true) === 'match';
}

/**
 * Checks `key` for `name` against entries in file order: a revoked key loses, a listed key
 * wins, any other key listed for the name means it changed. CA lines are not used.
 */
export function checkHostKey(entries: readonly KnownHostsEntry[], name: string, key: Buffer): HostKeyCheck {
  const mine = entries.filter((e) => e.marker !== 'cert-authority' && matchesKnownHostsName(e, name));
  const revoked = mine.find((e) => e.marker === 'revoked' && e.key.equals(key));
  if (revoked) return { status: 'revoked', entry: revoked };
  const plain = mine.filter((e) => e.marker === undefined);
  const known = plain.find((e) => e.key.equals(key));
  if (known) return { status: 'known', entry: known };
  return plain.length > 0 ? { status: 'changed', others: plain } : { status: 'unknown' };
}
