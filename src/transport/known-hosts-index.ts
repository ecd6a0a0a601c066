// Looks hosts up in a loaded known_hosts file without scanning every line per host (1,000 hosts, 1,000 lines).
import type { KnownHostsFile } from './known-hosts-file.js';
import { matchesKnownHostsName } from './known-hosts-match.js';
import type { KnownHostsEntry } from './known-hosts-parse.js';

/** Plain names point straight at their entries; hashed and wildcard/negated entries must be tried one by one. */
interface KnownHostsIndex {
  byName: Map<string, KnownHostsEntry[]>;
  scanned: KnownHostsEntry[];
  /** Answers already computed for a name (each host is looked up at least twice per connection). */
  memo: Map<string, readonly KnownHostsEntry[]>;
}

// Keyed by the loaded file object: a changed file is a new object, so an index never outlives its file.
const indexes = new WeakMap<KnownHostsFile, KnownHostsIndex>();

/** The entries of `file` whose host field names `name` (lowercased, `[host]:port` form), in file order. */
export function findKnownHostsEntries(file: KnownHostsFile, name: string): readonly KnownHostsEntry[] {
  let index = indexes.get(file);
  if (!index) {
    index = buildIndex(file.entries);
    indexes.set(file, index);
  }
  let found = index.memo.get(name);
  if (!found) {
    const direct = index.byName.get(name) ?? [];
    const tried = index.scanned.filter((e) => matchesKnownHostsName(e, name));
    found = tried.length === 0 ? direct : [...direct, ...tried].sort((a, b) => a.line - b.line);
    // Bounded: a run looks up each of its hosts; a long-lived library user must not grow it forever.
    if (index.memo.size > 50_000) index.memo.clear();
    index.memo.set(name, found);
  }
  return found;
}

function buildIndex(entries: readonly KnownHostsEntry[]): KnownHostsIndex {
  const byName = new Map<string, KnownHostsEntry[]>();
  const scanned: KnownHostsEntry[] = [];
  for (const e of entries) {
    if (e.hashed || /[*?!]/.test(e.hosts)) {
      scanned.push(e);
      continue;
    }
    // Literal names match case-insensitively (the caller lowercases `name`); a name listed twice counts once.
    for (const n of new Set(e.hosts.toLowerCase().split(','))) {
      if (n === '') continue;
      const list = byName.get(n);
      if (list) list.push(e);
      else byName.set(n, [e]);
    }
  }
  return { byName, scanned, memo: new Map() };
}
