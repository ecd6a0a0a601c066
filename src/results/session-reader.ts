// Reads a session back: by folder, id, "latest", "latest~N" or "previous"; tolerates runs that were killed mid-way.
import { existsSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SessionError } from '../errors.js';
import { buildReport } from './aggregate.js';
import { isSessionId } from './session-id.js';
import { sortSessionIds } from './session-order.js';
import type { SessionMeta } from './session-types.js';
import type { RunReport } from './types.js';

/** A session as read from disk. */
export interface LoadedSession {
  dir: string;
  meta: SessionMeta;
  report: RunReport;
  /** True when the run never finished (killed), was interrupted or failed. */
  incomplete: boolean;
}

// `latest~N` (N sessions before latest) and `previous` (latest~1), as git names commits.
const BACK_REF = /^(?:latest~(\d+)|previous)$/;

/** Finds a session folder from a path, an id under root, `latest`, `latest~N` or `previous` (= latest~1). */
export function locateSession(ref: string | undefined, root: string): string {
  const r = ref ?? 'latest';
  const candidates = [r, join(root, r)];
  for (const c of candidates) {
    if (existsSync(join(c, 'session.json'))) return realpathSync(c);
  }
  const back = BACK_REF.exec(r);
  if (back) return locateBack(r, back[1] === undefined ? 1 : Number(back[1]), root);
  throw new SessionError(`no session "${r}" (looked for ${candidates.map((c) => join(c, 'session.json')).join(' and ')})`);
}

// The session `steps` before the one root/latest points at, in id order.
function locateBack(ref: string, steps: number, root: string): string {
  const latest = join(root, 'latest');
  if (!existsSync(join(latest, 'session.json'))) throw new SessionError(`no session "${ref}": there is no ${join(latest, 'session.json')}`);
  const latestId = basename(realpathSync(latest));
  const ids = sortSessionIds(readdirSync(root).filter((n) => isSessionId(n) && existsSync(join(root, n, 'session.json'))));
  const at = ids.indexOf(latestId);
  const picked = at >= steps ? ids[at - steps] : undefined;
  if (picked === undefined) throw new SessionError(`no session "${ref}": latest (${latestId}) has ${Math.max(at, 0)} session${at === 1 ? '' : 's'} before it in ${root}`);
  return realpathSync(join(root, picked));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads session.json and report.json; a missing report (killed before the first host) is an empty one. */
export function readSession(dir: string): LoadedSession {
  let meta: SessionMeta;
  try {
    meta = JSON.parse(readFileSync(join(dir, 'session.json'), 'utf8')) as SessionMeta;
  } catch (err) {
    throw new SessionError(`cannot read ${join(dir, 'session.json')}: ${(err as Error).message}`);
  }
  let report: RunReport;
  try {
    report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as RunReport;
  } catch {
    report = buildReport([], new Date(meta.startedAt), new Date(meta.startedAt));
  }
  const incomplete = meta.state === 'interrupted' || meta.state === 'failed' || (meta.state === 'running' && !isAlive(meta.pid));
  return { dir, meta, report, incomplete };
}

/** The host → checks map of results in a session matching a predicate (for --error / --nook). */
export function selectFromSession(report: RunReport, keep: (status: string) => boolean): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [host, h] of Object.entries(report.hosts)) {
    for (const [name, c] of Object.entries(h.checks)) {
      if (!keep(c.status)) continue;
      const set = out.get(host) ?? new Set<string>();
      set.add(name);
      out.set(host, set);
    }
  }
  return out;
}
