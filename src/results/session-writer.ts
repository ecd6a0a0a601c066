// Writes a session directory as a run goes: session.json, report.json (atomic), per-host files, session.log.
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { checkLatestIsLink, pointLatest } from './latest-link.js';
import { claimSessionDir, isSessionId } from './session-id.js';
import { sortSessionIds } from './session-order.js';
import type { SessionMeta, SessionState } from './session-types.js';

/** Makes a host or check name safe as one path component. */
export function safeName(name: string): string {
  return name.replace(/[/\\\0]/g, '_').replace(/^\.+$/, '_') || '_';
}

/** One session directory being written. */
export class SessionWriter {
  private readonly logStream: WriteStream;
  private reportChain: Promise<void> = Promise.resolve();

  private constructor(
    readonly root: string,
    readonly id: string,
    readonly dir: string,
    private meta: SessionMeta,
  ) {
    this.logStream = createWriteStream(join(dir, 'session.log'), { flags: 'a' });
  }

  /** Creates the next session under root, writes session.json as running and points `latest` at it at once. */
  static async create(root: string, meta: Omit<SessionMeta, 'id' | 'pid' | 'startedAt' | 'state'>): Promise<SessionWriter> {
    await checkLatestIsLink(root);
    const { id, dir } = await claimSessionDir(root);
    const w = new SessionWriter(root, id, dir, { ...meta, id, pid: process.pid, startedAt: new Date().toISOString(), state: 'running' });
    await w.writeMeta();
    // From its start, so a run killed later is never hidden behind an older green session (SPEC §4).
    await pointLatest(root, id);
    w.log(`session ${id} started: ${meta.argv.join(' ')}`);
    return w;
  }

  /** Appends a debug line to session.log (never secrets). */
  log(message: string): void {
    this.logStream.write(`${new Date().toISOString()} ${message}\n`);
  }

  /** The folder for one host's check (created). */
  async checkDir(host: string, check: string): Promise<string> {
    const d = join(this.dir, 'hosts', safeName(host), safeName(check));
    await mkdir(d, { recursive: true });
    return d;
  }

  /** A folder inside the session (created), e.g. services/kafka/web01 or watch/web01. */
  async subdir(...parts: string[]): Promise<string> {
    const d = join(this.dir, ...parts.map(safeName));
    await mkdir(d, { recursive: true });
    return d;
  }

  /** Writes a file at the session root atomically. */
  async writeFile(name: string, data: string): Promise<void> {
    await writeFileAtomic(join(this.dir, name), data);
  }

  /** Rewrites report.json atomically; calls are serialized so the newest always lands last. */
  writeReport(report: unknown): Promise<void> {
    const text = `${JSON.stringify(report, null, 2)}\n`;
    this.reportChain = this.reportChain.then(() => writeFileAtomic(join(this.dir, 'report.json'), text));
    return this.reportChain;
  }

  /** Updates fields of session.json. */
  async update(fields: Partial<SessionMeta>): Promise<void> {
    this.meta = { ...this.meta, ...fields };
    await this.writeMeta();
  }

  /** Marks the session ended and closes the log. */
  async finish(state: SessionState, fields: Partial<SessionMeta> = {}): Promise<void> {
    await this.reportChain;
    const endedAt = new Date();
    await this.update({ ...fields, state, endedAt: endedAt.toISOString(), durationMs: endedAt.getTime() - Date.parse(this.meta.startedAt) });
    this.log(`session ${this.id} ${state}`);
    await new Promise<void>((resolve) => this.logStream.end(() => resolve()));
  }

  private writeMeta(): Promise<void> {
    return writeFileAtomic(join(this.dir, 'session.json'), `${JSON.stringify(this.meta, null, 2)}\n`);
  }
}

/** Removes the oldest sessions so that at most `keep` remain. */
export async function pruneSessions(root: string, keep: number): Promise<string[]> {
  const ids = sortSessionIds((await readdir(root)).filter(isSessionId));
  const doomed = ids.slice(0, Math.max(0, ids.length - keep));
  await Promise.all(doomed.map((id) => rm(join(root, id), { recursive: true, force: true })));
  return doomed;
}
