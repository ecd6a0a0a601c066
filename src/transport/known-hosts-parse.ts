// Parses OpenSSH known_hosts text into entries; lines OpenSSH would skip are skipped.
import { readKeyType } from './fingerprint.js';

/** One key line of a known_hosts file. */
export interface KnownHostsEntry {
  readonly file: string;
  /** 1-based line number. */
  readonly line: number;
  readonly marker: 'revoked' | 'cert-authority' | undefined;
  /** The host field as written: a comma list of patterns, or one `|1|salt|hash`. */
  readonly hosts: string;
  /** Salt and digest of a hashed host field. */
  readonly hashed: { readonly salt: Buffer; readonly digest: Buffer } | undefined;
  readonly keyType: string;
  /** The SSH wire-format public key blob. */
  readonly key: Buffer;
}

/** Parses known_hosts text; `firstLine` numbers lines when the text is a file's tail. */
export function parseKnownHosts(text: string, file: string, firstLine = 1): KnownHostsEntry[] {
  const entries: KnownHostsEntry[] = [];
  text.split('\n').forEach((raw, i) => {
    const entry = parseKnownHostsLine(raw, file, firstLine + i);
    if (entry) entries.push(entry);
  });
  return entries;
}

/** Parses one known_hosts line; undefined for blanks, comments and malformed lines. */
export function parseKnownHostsLine(raw: string, file: string, line: number): KnownHostsEntry | undefined {
  const fields = raw.trim().split(/[ \t]+/);
  if (fields[0] === undefined || fields[0] === '' || fields[0].startsWith('#')) return undefined;
  let marker: KnownHostsEntry['marker'];
  if (fields[0].startsWith('@')) {
    const name = fields.shift();
    if (name === '@revoked') marker = 'revoked';
    else if (name === '@cert-authority') marker = 'cert-authority';
    else return undefined;
  }
  const [hosts, keyType, base64] = fields;
  if (hosts === undefined || keyType === undefined || base64 === undefined) return undefined;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return undefined;
  const key = Buffer.from(base64, 'base64');
  // A blob whose embedded type differs from the type field is corrupt; OpenSSH rejects it too.
  if (readKeyType(key) !== keyType) return undefined;
  let hashed: KnownHostsEntry['hashed'];
  if (hosts.startsWith('|')) {
    hashed = parseHashedHost(hosts);
    if (!hashed) return undefined;
  }
  return { file, line, marker, hosts, hashed, keyType, key };
}

/** Splits `|1|salt|digest` into its decoded parts; undefined unless it is a valid SHA1 hash. */
function parseHashedHost(field: string): KnownHostsEntry['hashed'] {
  const m = /^\|1\|([A-Za-z0-9+/]+=*)\|([A-Za-z0-9+/]+=*)$/.exec(field);
  if (!m || m[1] === undefined || m[2] === undefined) return undefined;
  const salt = Buffer.from(m[1], 'base64');
  const digest = Buffer.from(m[2], 'base64');
  return salt.length === 20 && digest.length === 20 ? { salt, digest } : undefined;
}
