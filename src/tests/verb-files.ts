// `copy` / `fetch`: a local file or folder to the test's hosts, and remote files back into the test's folder.
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { substituteRaw } from '../run/substitute.js';
import { shellQuote } from '../transport/shell-quote.js';
import type { Connection } from '../transport/types.js';
import type { StepOutcome } from './step-recorder.js';
import { placeholders, type TestEnv } from './test-env.js';

/** Connection methods of the session-api branch, used when present (SFTP trees, modes kept). */
type TreeCopy = Connection & { upload?: (local: string, remote: string) => Promise<void>; fetch?: (remote: string, local: string) => Promise<void> };

/** Copies `src` (relative to the test file) to `dest` on each host; `{{ }}` in dest sees the host's values. */
export async function copyStep(env: TestEnv, src: string, dest: string, on: string | undefined): Promise<StepOutcome> {
  const local = resolve(env.baseDir, src);
  const st = await stat(local).catch(() => undefined);
  if (!st) throw new UsageError(`copy: no such file or folder ${src} (resolved to ${local})`);
  const hosts = env.hosts.select(on);
  await Promise.all(
    hosts.map(async (h) => {
      const conn = (await env.conn(h)) as TreeCopy;
      const remote = substituteRaw(dest, placeholders(env, h));
      if (conn.upload) return conn.upload(local, remote);
      if (st.isDirectory()) return uploadTree(conn, local, remote, env.signal());
      await mustRun(conn, `mkdir -p ${shellQuote(dirname(remote))}`, env.signal());
      await conn.writeFile(remote, await readFile(local), st.mode & 0o7777);
    }),
  );
  return { status: 'OK', info: hosts.map((h) => `${h.name}: ${src} -> ${substituteRaw(dest, placeholders(env, h))}`), hosts: hosts.map((h) => h.name) };
}

/** Fetches `src` from each host into the test's folder: `<dest>/<host>/<name>`. */
export async function fetchStep(env: TestEnv, src: string, dest: string, on: string | undefined, testDir: string | undefined): Promise<StepOutcome> {
  const hosts = env.hosts.select(on);
  if (!testDir) return { status: 'OK', info: ['not fetched: the session writes no files'], hosts: hosts.map((h) => h.name) };
  const base = resolve(testDir, dest);
  if (!base.startsWith(testDir)) throw new UsageError(`fetch: dest ${dest} leaves the test's folder`);
  await Promise.all(
    hosts.map(async (h) => {
      const conn = (await env.conn(h)) as TreeCopy;
      const remote = substituteRaw(src, placeholders(env, h));
      const to = join(base, h.name, basename(remote));
      await mkdir(dirname(to), { recursive: true });
      if (conn.fetch) return conn.fetch(remote, to);
      await conn.download(remote, to);
    }),
  );
  return { status: 'OK', info: hosts.map((h) => `${h.name}: ${src} -> ${join(dest, h.name)}`), hosts: hosts.map((h) => h.name) };
}

// A folder without SFTP tree copy: a tar stream on the command's stdin (modes kept).
async function uploadTree(conn: Connection, local: string, remote: string, signal: AbortSignal): Promise<void> {
  const tar = spawnSync('tar', ['-c', '-C', local, '.'], { maxBuffer: 256 * 1024 * 1024 });
  if (tar.status !== 0) throw new Error(`tar of ${local} failed: ${tar.stderr.toString().trim()}`);
  await mustRun(conn, `mkdir -p ${shellQuote(remote)} && tar -x -C ${shellQuote(remote)}`, signal, tar.stdout);
}

async function mustRun(conn: Connection, command: string, signal: AbortSignal, stdin?: Buffer): Promise<void> {
  const out = await conn.exec(command, { signal, timeoutMs: 120_000, ...(stdin ? { stdin } : {}) });
  if (out.exitCode !== 0) throw new Error(`${command.split(' ')[0]} on ${conn.host} failed: ${out.stderr.trim() || `exit ${out.exitCode}`}`);
}

