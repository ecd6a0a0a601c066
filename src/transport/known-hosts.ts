// Verifies a server's host key against known_hosts files under a host key policy (SPEC §5).
import { expandTilde } from '../config/home.js';
import type { HostKeyPolicy } from '../config/types.js';
import type { TransportError } from '../errors.js';
import { readKeyType } from './fingerprint.js';
import {
  createChangedKeyError,
  createKnownHostsFileError,
  createRevokedKeyError,
  createUnknownHostError,
  type OfferedKey,
} from './host-key-errors.js';
import { appendKnownHostsLine, loadKnownHostsFile, type KnownHostsFile } from './known-hosts-file.js';
import { findKnownHostsEntries } from './known-hosts-index.js';
import { checkHostKey, formatKnownHostsName, hashKnownHostsName } from './known-hosts-match.js';
import { runExclusive } from './run-exclusive.js';

/** The warning `off` returns on every call; the caller prints it once per run. */
export const HOST_KEY_OFF_WARNING = 'hostKeyPolicy is off: host keys are accepted without verification';

/** A host key to verify, as ssh2's hostVerifier hands it over. */
export interface HostKeyRequest {
  readonly host: string;
  readonly port: number;
  /** The server's public key, SSH wire format. */
  readonly key: Buffer;
  /** known_hosts files to search, in order; `accept-new` records into the first. `~/` is expanded. */
  readonly files: readonly string[];
  readonly policy: HostKeyPolicy;
  /** Record new hosts hashed (`|1|…`), like OpenSSH's HashKnownHosts. */
  readonly hashNew?: boolean;
}

/** The verdict: accepted (perhaps just recorded, perhaps with a warning; `where` names the known_hosts line or file) or that host's error. */
export type HostKeyVerdict = { ok: true; added?: boolean; warning?: string; where?: string } | { ok: false; error: TransportError };

/** Verifies a host key; never throws, a refusal is the returned error. */
export async function verifyHostKey(req: HostKeyRequest): Promise<HostKeyVerdict> {
  if (req.policy === 'off') return { ok: true, warning: HOST_KEY_OFF_WARNING };
  const name = formatKnownHostsName(req.host, req.port);
  const offered: OfferedKey = { keyType: readKeyType(req.key) ?? 'unknown-type', key: req.key };
  const files = req.files.map(expandHome);
  const unknown = (): HostKeyVerdict => ({ ok: false, error: createUnknownHostError(name, offered, files) });
  const first = await judge(name, offered, files);
  if (first.verdict) return first.verdict;
  const target = files[0];
  if (req.policy === 'strict' || target === undefined) return unknown();
  // Decide again inside the per-file queue: a concurrent verification may have recorded this host.
  return runExclusive(target, async () => {
    const again = await judge(name, offered, files);
    if (again.verdict) return again.verdict;
    const before = again.loaded[0];
    if (!before) return unknown();
    const host = req.hashNew ? hashKnownHostsName(name) : name;
    try {
      await appendKnownHostsLine(before, `${host} ${offered.keyType} ${req.key.toString('base64')}`);
    } catch (err) {
      return { ok: false, error: createKnownHostsFileError(name, target, 'write', err) };
    }
    return { ok: true, added: true, where: `added to ${target}` };
  });
}

/** Key types known_hosts lists for a host, so the transport can prefer them when negotiating. */
export async function findKnownHostKeyTypes(host: string, port: number, files: readonly string[]): Promise<string[]> {
  const name = formatKnownHostsName(host, port);
  const types = new Set<string>();
  for (const file of files.map(expandHome)) {
    let loaded: KnownHostsFile;
    try {
      loaded = await loadKnownHostsFile(file);
    } catch {
      continue;
    }
    for (const e of findKnownHostsEntries(loaded, name)) {
      if (e.marker === undefined) types.add(e.keyType);
    }
  }
  return [...types];
}

/** Loads the files and checks the key; no verdict means the host is unknown. */
async function judge(
  name: string,
  offered: OfferedKey,
  files: readonly string[],
): Promise<{ verdict?: HostKeyVerdict; loaded: KnownHostsFile[] }> {
  const loaded: KnownHostsFile[] = [];
  for (const file of files) {
    try {
      loaded.push(await loadKnownHostsFile(file));
    } catch (err) {
      return { verdict: { ok: false, error: createKnownHostsFileError(name, file, 'read', err) }, loaded };
    }
  }
  const check = checkHostKey(
    loaded.flatMap((f) => findKnownHostsEntries(f, name)),
    name,
    offered.key,
  );
  switch (check.status) {
    case 'known':
      return { verdict: { ok: true, where: `known_hosts: ${check.entry.file}:${check.entry.line}` }, loaded };
    case 'revoked':
      return { verdict: { ok: false, error: createRevokedKeyError(name, check.entry) }, loaded };
    case 'changed':
      return { verdict: { ok: false, error: createChangedKeyError(name, offered, check.others) }, loaded };
    case 'unknown':
      return { loaded };
  }
}

function expandHome(file: string): string {
  return expandTilde(file);
}
