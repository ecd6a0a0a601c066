// `sessions merge`: the report and session.json fields of one session made from several (shards of one run).
import { SessionError } from '../errors.js';
import { buildReport } from './aggregate.js';
import type { LoadedSession } from './session-reader.js';
import type { SessionMeta } from './session-types.js';
import type { HostResult } from './types.js';

/** What merging the sources gives, before anything is written. */
export interface MergePlan {
  /** Every host of every source, sorted by name; counts recomputed. */
  report: ReturnType<typeof buildReport>;
  /** session.json fields the merged session inherits when all sources agree. */
  meta: Pick<SessionMeta, 'inventory' | 'filters' | 'hosts'>;
  /** True when a source was interrupted or killed: the merged session is then `interrupted`. */
  incomplete: boolean;
  /** Host name → the source folder it came from. */
  origin: Map<string, string>;
  warnings: string[];
}

/** Merges sessions; a host found in two of them is a SessionError (exit 2) naming both. */
export function planMerge(sources: readonly LoadedSession[]): MergePlan {
  if (sources.length === 0) throw new SessionError('sessions merge: no sessions given');
  const origin = new Map<string, string>();
  const hosts: HostResult[] = [];
  const clashes: string[] = [];
  for (const s of sources) {
    for (const h of Object.values(s.report.hosts)) {
      const first = origin.get(h.host);
      if (first !== undefined) {
        clashes.push(`host ${h.host} is in both ${first} and ${s.dir}`);
        continue;
      }
      origin.set(h.host, s.dir);
      hosts.push(h);
    }
  }
  if (clashes.length) throw new SessionError(`sessions merge: ${clashes.join('; ')}. Merge shards of one run, each given once.`);
  hosts.sort((a, b) => compareNames(a.host, b.host));
  const starts = sources.map((s) => Date.parse(s.report.startedAt || s.meta.startedAt));
  const ends = sources.map((s) => endOf(s));
  const report = buildReport(hosts, new Date(Math.min(...starts)), new Date(Math.max(...ends)));
  return { report, meta: sharedMeta(sources), incomplete: sources.some((s) => s.incomplete), origin, warnings: warningsFor(sources) };
}

/** Host names in natural order: web2 before web10. */
function compareNames(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function endOf(s: LoadedSession): number {
  if (s.report.endedAt) return Date.parse(s.report.endedAt);
  if (s.meta.endedAt) return Date.parse(s.meta.endedAt);
  return Date.parse(s.report.startedAt || s.meta.startedAt) + (s.report.durationMs || 0);
}

function sharedMeta(sources: readonly LoadedSession[]): MergePlan['meta'] {
  const same = <T>(pick: (m: SessionMeta) => T): T | undefined => {
    const values = sources.map((s) => JSON.stringify(pick(s.meta) ?? null));
    return values.every((v) => v === values[0]) ? pick((sources[0] as LoadedSession).meta) : undefined;
  };
  const planned = sources.every((s) => s.meta.hosts !== undefined) ? sources.flatMap((s) => s.meta.hosts ?? []) : undefined;
  const inventory = same((m) => m.inventory);
  const filters = same((m) => m.filters);
  return { ...(inventory !== undefined ? { inventory } : {}), ...(filters !== undefined ? { filters } : {}), ...(planned ? { hosts: planned } : {}) };
}

// What the user may not have meant: different commands, missing or mixed shards, incomplete sources.
function warningsFor(sources: readonly LoadedSession[]): string[] {
  const warnings: string[] = [];
  const commands = new Set(sources.map((s) => s.meta.command));
  if (commands.size > 1) warnings.push(`the sessions ran different commands (${[...commands].join(', ')})`);
  for (const s of sources) if (s.incomplete) warnings.push(`${s.dir} is ${s.meta.state === 'interrupted' ? 'interrupted' : 'incomplete (killed while running)'}; the merged session is marked interrupted`);
  const shards = sources.map((s) => s.meta.shard).filter((x): x is string => x !== undefined);
  if (shards.length === 0) return warnings;
  if (shards.length < sources.length) warnings.push(`only ${shards.length} of the ${sources.length} sessions ran with --shard`);
  const counts = new Set(shards.map((x) => x.split('/')[1]));
  if (counts.size > 1) {
    warnings.push(`the sessions are shards of different splits (${shards.join(', ')})`);
    return warnings;
  }
  const n = Number([...counts][0]);
  const have = new Set(shards.map((x) => Number(x.split('/')[0])));
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !have.has(k));
  if (missing.length) warnings.push(`shard${missing.length === 1 ? '' : 's'} ${missing.map((k) => `${k}/${n}`).join(', ')} not given: the merged session covers part of the hosts`);
  return warnings;
}
