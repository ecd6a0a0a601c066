// Reads known_hosts files through a cache keyed by mtime and size, and appends new lines.
import type { BigIntStats } from 'node:fs';
import { appendFile, mkdir, open, readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseKnownHosts, type KnownHostsEntry } from './known-hosts-parse.js';

/** A known_hosts file as last read: its entries and how many lines it had. */
export interface KnownHostsFile {
  readonly file: string;
  readonly entries: readonly KnownHostsEntry[];
  readonly size: bigint;
  readonly lines: number;
}

interface Cached {
  stamp: string;
  value: Promise<KnownHostsFile>;
}

const cache = new Map<string, Cached>();

/** Reads and parses a known_hosts file, reusing the last parse while mtime and size are unchanged. */
export async function loadKnownHostsFile(file: string): Promise<KnownHostsFile> {
  let st;
  try {
    st = await statShared(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    cache.delete(file);
    return { file, entries: [], size: 0n, lines: 0 };
  }
  const stamp = `${st.mtimeNs}:${st.size}:${st.ino}`;
  const hit = cache.get(file);
  if (hit && hit.stamp === stamp) return hit.value;
  // Concurrent callers share one read; a failed read is not remembered.
  const value = readFile(file, 'utf8').then((text) => toKnownHostsFile(file, text));
  cache.set(file, { stamp, value });
  value.catch(() => {
    if (cache.get(file)?.value === value) cache.delete(file);
  });
  return value;
}

const statting = new Map<string, Promise<BigIntStats>>();

/**
 * One stat of a file at a time: the handshakes of 1,000 hosts verify at once and share it instead of
 * queueing 2,000 stats on libuv's thread pool. A stat that started before a write may report the old
 * size: the cache then misses and the file is read again, so content is never stale.
 */
function statShared(file: string): Promise<BigIntStats> {
  let p = statting.get(file);
  if (!p) {
    const mine = stat(file, { bigint: true });
    const forget = () => {
      if (statting.get(file) === mine) statting.delete(file);
    };
    mine.then(forget, forget);
    statting.set(file, mine);
    p = mine;
  }
  return p;
}

/** Forgets every cached parse (tests, or after editing files behind the cache's back). */
export function clearKnownHostsCache(): void {
  cache.clear();
}

/**
 * Appends one line to a known_hosts file with a single O_APPEND write, creating the file and
 * its folder (0700) if missing. `before` is the file as the caller last read it: when nobody
 * else wrote in between, the cache is updated without re-reading the file.
 */
export async function appendKnownHostsLine(before: KnownHostsFile, line: string): Promise<void> {
  const { file } = before;
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const text = (await endsWithNewline(file)) ? `${line}\n` : `\n${line}\n`;
  await appendFile(file, text, { encoding: 'utf8', mode: 0o644 });
  const st = await stat(file, { bigint: true });
  const written = BigInt(Buffer.byteLength(text));
  if (st.size !== before.size + written) {
    cache.delete(file);
    return;
  }
  const lineNo = before.lines + 1;
  const next: KnownHostsFile = {
    file,
    entries: [...before.entries, ...parseKnownHosts(line, file, lineNo)],
    size: st.size,
    lines: lineNo,
  };
  cache.set(file, { stamp: `${st.mtimeNs}:${st.size}:${st.ino}`, value: Promise.resolve(next) });
}

function toKnownHostsFile(file: string, text: string): KnownHostsFile {
  return {
    file,
    entries: parseKnownHosts(text, file),
    size: BigInt(Buffer.byteLength(text)),
    lines: countLines(text),
  };
}

/** Lines as editors count them: a final newline ends the last line rather than starting one. */
function countLines(text: string): number {
  if (text === '') return 0;
  const breaks = text.split('\n').length - 1;
  return text.endsWith('\n') ? breaks : breaks + 1;
}

/** Whether the file is missing, empty, or ends in a newline (so a line can be appended as is). */
async function endsWithNewline(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw err;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return true;
    const buf = Buffer.alloc(1);
    await handle.read(buf, 0, 1, size - 1);
    return buf[0] === 0x0a;
  } finally {
    await handle.close();
  }
}
