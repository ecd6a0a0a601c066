// Writes a session directory as a run goes: session.json, report.json (atomic), per-host files, session.log.
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SessionError, type ResultsWriteError } from '../errors.js';
import { writeFileAtomic } from './atomic-write.js';
import { checkLatestIsLink, pointLatest } from './latest-link.js';
import { resultsWriteError } from './results-write-error.js';
import { encodeName } from './safe-name.js';
import { claimSessionDir, isSessionId } from './session-id.js';
import { sortSessionIds } from './session-order.js';
import type { SessionMeta, SessionState } from './session-types.js';

/** One session directory being written; a write that fails (full disk) aborts `failure`, which stops the run. */
export class SessionWriter {
  private readonly logStream: WriteStream;
  private reportChain: Promise<void> = Promise.resolve();
  private readonly failed = new AbortController();

  private constructor(
    readonly root: string,
    readonly id: string,
    readonly dir: string,
    private meta: SessionMeta,
  ) {
    this.logStream = createWriteStream(join(dir, 'session.log'), { flags: 'a' });
    this.logStream.on('error', (err) => this.fail(resultsWriteError(join(dir, 'session.log'), err)));
  }

  /** Creates the next session under root, writes session.json as running and points `latest` at it at once. */
  static async create(root: string, meta: Omit<SessionMeta, 'id' | 'pid' | 'startedAt' | 'state'>): Promise<SessionWriter> {
    try {
      await checkLatestIsLink(root);
      const { id, dir } = await claimSessionDir(root);
      const w = new SessionWriter(root, id, dir, { ...meta, id, pid: process.pid, startedAt: new Date().toISOString(), state: 'running' });
      // From its start, so a run killed later is never hidden behind an older green session (SPEC §4): before
      // session.json, which may already name the planned hosts. Killed between the two, latest is a folder
      // without session.json, which readers refuse; the other way round it was the older, green session.
      await pointLatest(root, id);
      await w.writeMeta();
      w.log(`session ${id} started: ${meta.argv.join(' ')}`);
      return w;
    } catch (err) {
      // A latest that is not a link is the user's to move (exit 2); anything else is the results folder failing.
      if (err instanceof SessionError) throw err;
      throw resultsWriteError(`a session in ${root}`, err);
    }
  }

  /** Aborted, with the ResultsWriteError as reason, once a session file could not be written. */
  get failure(): AbortSignal {
    return this.failed.signal;
  }

  /** Records that the session cannot be written (the first failure wins) and aborts `failure`; returns that failure. */
  fail(err: ResultsWriteError): ResultsWriteError {
    if (!this.failed.signal.aborted) this.failed.abort(err);
    return this.failed.signal.reason as ResultsWriteError;
  }

  /** Appends a debug line to session.log (never secrets). */
  log(message: string): void {
    if (this.logStream.destroyed || this.logStream.writableEnded) return;
    this.logStream.write(`${new Date().toISOString()} ${message}\n`);
  }

  /** The folder for one host's check (created). */
  async checkDir(host: string, check: string): Promise<string> {
    const d = join(this.dir, 'hosts', encodeName(host), encodeName(check));
    await this.guard(d, mkdir(d, { recursive: true }));
    return d;
  }

  /** A folder inside the session (created), e.g. services/kafka/web01 or watch/web01. */
  async subdir(...parts: string[]): Promise<string> {
    const d = join(this.dir, ...parts.map(encodeName));
    await this.guard(d, mkdir(d, { recursive: true }));
    return d;
  }

  /** Writes a file at the session root atomically. */
  async writeFile(name: string, data: string): Promise<void> {
    const path = join(this.dir, name);
    await this.guard(path, writeFileAtomic(path, data));
  }

  /** Rewrites report.json atomically; calls are serialized so the newest always lands last. */
  writeReport(report: unknown): Promise<void> {
    const text = `${JSON.stringify(report, null, 2)}\n`;
    const path = join(this.dir, 'report.json');
    this.reportChain = this.reportChain.then(() => this.guard(path, writeFileAtomic(path, text)));
    return this.reportChain;
  }

  /** Updates fields of session.json. */
  async update(fields: Partial<SessionMeta>): Promise<void> {
    this.meta = { ...this.meta, ...fields };
    await this.writeMeta();
  }

  /** Marks the session ended and closes the log; a `failed` session does not wait for report writes that failed. */
  async finish(state: SessionState, fields: Partial<SessionMeta> = {}): Promise<void> {
    if (state === 'failed') await this.reportChain.catch(() => undefined);
    else await this.reportChain;
    const endedAt = new Date();
    this.log(`session ${this.id} ${state}${fields.reason ? `: ${fields.reason}` : ''}`);
    try {
      await this.update({ ...fields, state, endedAt: endedAt.toISOString(), durationMs: endedAt.getTime() - Date.parse(this.meta.startedAt) });
    } finally {
      await this.closeLog();
    }
  }

  private closeLog(): Promise<void> {
    const log = this.logStream;
    if (log.destroyed || log.writableEnded) return Promise.resolve();
    return new Promise<void>((resolve) => {
      log.once('error', () => resolve());
      log.end(() => resolve());
    });
  }

  private writeMeta(): Promise<void> {
    const path = join(this.dir, 'session.json');
    const text = `${JSON.stringify(this.meta, null, 2)}\n`;
    // On a full disk the temp file finds no room, but the old file's own blocks do: rewrite it in place.
    return this.guard(path, writeFileAtomic(path, text).catch(() => writeFile(path, text)));
  }

  // A failed write of the session's own files fails the whole session.
  private async guard(path: string, write: Promise<unknown>): Promise<void> {
    try {
      await write;
    } catch (err) {
      const failure = resultsWriteError(path, err);
      this.fail(failure);
      throw failure;
    }
  }
}

/** Removes the oldest sessions so that at most `keep` remain. */
export async function pruneSessions(root: string, keep: number): Promise<string[]> {
  const ids = sortSessionIds((await readdir(root)).filter(isSessionId));
  const doomed = ids.slice(0, Math.max(0, ids.length - keep));
  await Promise.all(doomed.map((id) => rm(join(root, id), { recursive: true, force: true })));
  return doomed;
}
