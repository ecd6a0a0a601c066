// Every session under a results root, oldest first, read the same way `inspect` reads one.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SessionError } from '../errors.js';
import { isSessionId } from './session-id.js';
import { sortSessionIds } from './session-order.js';
import { readSession, type LoadedSession } from './session-reader.js';

/** The sessions found, and one message per folder that could not be read. */
export interface SessionListing {
  sessions: LoadedSession[];
  problems: string[];
}

/** Reads every session folder under root, sorted by id (numerically within a day); a missing root is empty. */
export function listSessions(root: string): SessionListing {
  if (!existsSync(root)) return { sessions: [], problems: [] };
  const sessions: LoadedSession[] = [];
  const problems: string[] = [];
  for (const id of sortSessionIds(readdirSync(root).filter(isSessionId))) {
    const dir = join(root, id);
    if (!existsSync(join(dir, 'session.json'))) {
      // A run killed between claiming its id and writing session.json leaves an empty folder.
      problems.push(`${dir}: no session.json (a run killed while starting?)`);
      continue;
    }
    try {
      sessions.push(readSession(dir));
    } catch (err) {
      if (!(err instanceof SessionError)) throw err;
      problems.push(err.message);
    }
  }
  return { sessions, problems };
}

/** The newest `last` sessions (all when undefined). */
export function takeLast<T>(items: readonly T[], last: number | undefined): T[] {
  return last === undefined ? [...items] : items.slice(Math.max(0, items.length - last));
}
