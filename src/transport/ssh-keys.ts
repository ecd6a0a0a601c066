// Loads private keys once per run, asking for a passphrase (env var or TTY) at most once per file.
import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import ssh2, { type ParsedKey } from 'ssh2';
import { promptSecret } from './prompt.js';
import { readSecret } from './secrets.js';

/** A key ready for auth, or why it cannot be used. */
export type LoadedKey = { file: string; key: ParsedKey } | { file: string; error: string };

/** Caches parsed keys across all hosts of a run (1,000 hosts must not parse a key 1,000 times). */
export class KeyStore {
  private readonly cache = new Map<string, Promise<LoadedKey>>();

  /** Loads a key file; an encrypted key uses the passphrase from `passphraseEnv` or a TTY prompt. */
  load(file: string, passphraseEnv: string | undefined): Promise<LoadedKey> {
    const id = `${file}\u0000${passphraseEnv ?? ''}`;
    let p = this.cache.get(id);
    if (!p) {
      p = loadKey(file, passphraseEnv);
      this.cache.set(id, p);
    }
    return p;
  }
}

async function loadKey(file: string, passphraseEnv: string | undefined): Promise<LoadedKey> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (err) {
    return { file, error: `cannot read identity file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
  let parsed = ssh2.utils.parseKey(data);
  if (parsed instanceof Error && /encrypted|passphrase/i.test(parsed.message)) {
    let passphrase: string | undefined;
    try {
      passphrase = passphraseEnv ? readSecret(passphraseEnv) : await promptSecret(`Passphrase for ${file}: `);
    } catch (err) {
      return { file, error: (err as Error).message };
    }
    if (passphrase === undefined) return { file, error: `identity file ${file} is encrypted: set passphraseEnv or run on a terminal` };
    parsed = ssh2.utils.parseKey(data, passphrase);
    if (parsed instanceof Error) return { file, error: `cannot decrypt identity file ${file}: wrong passphrase?` };
  }
  if (parsed instanceof Error) return { file, error: `cannot parse identity file ${file}: ${parsed.message}` };
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  return key ? { file, key: withKeyObjectSigner(key) } : { file, error: `no key in identity file ${file}` };
}

/**
 * The key, signing with a KeyObject made once: ssh2 parses the key's PEM again for every signature
 * (~0.8 ms for ed25519, once per host), the KeyObject signs in ~0.05 ms. Same algorithm rules as ssh2:
 * the hash ssh2 asks for, else the key's own default.
 */
function withKeyObjectSigner(key: ParsedKey): ParsedKey {
  let keyObject: KeyObject;
  try {
    keyObject = createPrivateKey(key.getPrivatePEM());
  } catch {
    return key;
  }
  const hashSymbol = Object.getOwnPropertySymbols(key).find((s) => s.description === 'Hash Algorithm');
  const defaultHash = hashSymbol ? ((key as unknown as Record<symbol, string | null | undefined>)[hashSymbol] ?? null) : null;
  // A prototype-linked copy keeps every other method and ssh2's private symbols (isParsedKey checks one).
  const fast = Object.create(key) as ParsedKey;
  // ssh2 treats a returned Error as a failed signature (its own sign does the same), whatever its typings say.
  fast.sign = ((data: Buffer | string, algo?: string) => {
    try {
      return sign(algo && typeof algo === 'string' ? algo : defaultHash, typeof data === 'string' ? Buffer.from(data) : data, keyObject);
    } catch (err) {
      return err as Error;
    }
  }) as ParsedKey['sign'];
  return fast;
}
