// `--shard K/N`: a stable, balanced 1/N of the selected hosts, so N CI jobs can split one run.
//
// How hosts are split: sort them by a hash of the name (SHA-1, name as tie-break), then deal them
// round-robin: the i-th host in that order goes to shard (i mod N) + 1. This gives
// - the same split on every machine and run, whatever order the hosts came in;
// - shard sizes that differ by at most one (plain hashing or rendezvous hashing can leave one
//   shard with most hosts when there are few of them, which is the usual case for smoke tests);
// - shards mixed across groups and ranges, since neighbours like web01/web02 hash far apart.
// The price: adding or removing a host may move other hosts to a different shard. That does not
// matter here, because every CI job computes the split afresh from the same inventory.
import { createHash } from 'node:crypto';
import { UsageError } from '../errors.js';

/** Shard K of N, 1-based. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Parses `K/N` (1 ≤ K ≤ N); throws a UsageError saying what was expected. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard: expected K/N with 1 ≤ K ≤ N, e.g. 2/3, got "${text}"`);
  }
  return Object.freeze({ index, count });
}

/** Writes a shard as `K/N`, the form session.json records. */
export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/** The items of shard K/N, in their input order; `nameOf` gives the name the split is computed from. */
export function selectShard<T>(items: readonly T[], shard: Shard, nameOf: (item: T) => string): T[] {
  const order = items.map((item) => ({ item, name: nameOf(item), key: hashName(nameOf(item)) })).sort(byKeyThenName);
  const chosen = new Set(order.filter((_, i) => i % shard.count === shard.index - 1).map((o) => o.item));
  return items.filter((item) => chosen.has(item));
}

function byKeyThenName(a: { key: string; name: string }, b: { key: string; name: string }): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function hashName(name: string): string {
  return createHash('sha1').update(name, 'utf8').digest('hex');
}
