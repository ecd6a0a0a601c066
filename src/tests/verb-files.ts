// `copy` / `fetch`: a local file or folder to the test's hosts, and remote files back into the test's folder.
import { stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { substituteRaw } from '../run/substitute.js';
import type { StepOutcome } from './step-recorder.js';
import { placeholders, type TestEnv } from './test-env.js';

/** Copies `src` (relative to the test file) to `dest` on each host; `{{ }}` in dest sees the host's values. */
export async function copyStep(env: TestEnv, src: string, dest: string, on: string | undefined): Promise<StepOutcome> {
  const local = resolve(env.baseDir, src);
  const st = await stat(local).catch(() => undefined);
  if (!st) throw new UsageError(`copy: no such file or folder ${src} (resolved to ${local})`);
  const hosts = env.hosts.select(on);
  await Promise.all(
    hosts.map(async (h) => {
      await (await env.conn(h)).upload(local, substituteRaw(dest, placeholders(env, h)));
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
      const remote = substituteRaw(src, placeholders(env, h));
      await (await env.conn(h)).fetch(remote, join(base, h.name, basename(remote)));
    }),
  );
  return { status: 'OK', info: hosts.map((h) => `${h.name}: ${src} -> ${join(dest, h.name)}`), hosts: hosts.map((h) => h.name) };
}

