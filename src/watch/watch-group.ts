// Several watchers on one host started and stopped together, their files under watch/<host>/.
import { extname, join } from 'node:path';
import { encodeName } from '../results/safe-name.js';
import type { Connection } from '../transport/types.js';
import { LogWatcher, type WatchResult, type WatchTarget, type WatcherOptions } from './watcher.js';

/** Options of a watch group: the watcher options, and the folder for `<name>.log` files. */
export interface WatchGroupOptions<T> extends Omit<WatcherOptions<T>, 'saveTo'> {
  dir?: string;
}

/** The watchers of one host. */
export interface WatchGroup<T> {
  stop(): Promise<WatchResult<T>[]>;
}

/** Starts one watcher per target (in parallel) and resolves once all are following their logs. */
export async function startWatchers<T>(conn: Connection, targets: readonly WatchTarget[], opts: WatchGroupOptions<T>): Promise<WatchGroup<T>> {
  const { dir, ...rest } = opts;
  const watchers = await Promise.all(
    targets.map((t) => LogWatcher.start<T>(conn, t, { ...rest, ...(dir ? { saveTo: join(dir, nameWatchFile(t.name)) } : {}) })),
  );
  return { stop: () => Promise.all(watchers.map((w) => w.stop())) };
}

/** `<name>.log`, or the name itself when it already ends in .log. */
export function nameWatchFile(name: string): string {
  const safe = encodeName(name);
  return extname(safe) === '.log' ? safe : `${safe}.log`;
}
