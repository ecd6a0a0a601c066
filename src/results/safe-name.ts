// Host, check and service names as file names: one reversible encoding, so two names never share a folder (SPEC §4).
import { createHash } from 'node:crypto';

/** Longest encoded name in bytes: under NAME_MAX (255) with room for `.log` and similar suffixes. */
export const MAX_NAME_BYTES = 200;
const HASH_CHARS = 16;

// `%` (the escape itself), `/` and `\` (separators), `~` (marks a capped name), C0 controls, DEL and C1 controls.
const UNSAFE = /[%/\\~\u0000-\u001f\u007f-\u009f]/g;

/**
 * Encodes a name as one path component: unsafe characters as `%XX` (UTF-8 bytes, upper-case hex), names made
 * only of dots (`.`, `..`) wholly encoded, the empty name as `%`. A result over MAX_NAME_BYTES keeps its head
 * and ends in `~` and a hash of the whole name: still distinct, no longer decodable (result.json holds the name).
 */
export function encodeName(name: string): string {
  if (name === '') return '%';
  const encoded = /^\.+$/.test(name) ? name.replace(/\./g, '%2E') : name.replace(UNSAFE, (c) => percent(c));
  if (Buffer.byteLength(encoded) <= MAX_NAME_BYTES) return encoded;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, HASH_CHARS);
  return `${headBytes(encoded, MAX_NAME_BYTES - HASH_CHARS - 1)}~${hash}`;
}

/** Decodes what encodeName made; undefined for a capped (hashed) name. */
export function decodeName(encoded: string): string | undefined {
  if (encoded === '%') return '';
  if (encoded.includes('~')) return undefined;
  return decodeURIComponent(encoded);
}

function percent(c: string): string {
  return [...Buffer.from(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

// The longest prefix of at most `max` bytes that cuts neither a %XX escape nor a character.
function headBytes(s: string, max: number): string {
  let out = '';
  let bytes = 0;
  const units = s.match(/%[0-9A-F]{2}|[\s\S]/gu) ?? [];
  for (const u of units) {
    const n = Buffer.byteLength(u);
    if (bytes + n > max) break;
    out += u;
    bytes += n;
  }
  return out;
}
