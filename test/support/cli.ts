// Runs the built CLI (dist/) as a user would, for end-to-end tests.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { collectChild, type ChildResult } from './child.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = fileURLToPath(new URL('../../dist/bin/smoker.js', import.meta.url));

/** What a CLI run produced. */
export type CliResult = ChildResult;

function ensureBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first (npm test does)`);
}

/** Runs `smoker ARGS` synchronously. */
export function smokerSync(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliResult {
  ensureBuilt();
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    input: opts.input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `smoker ARGS` asynchronously (for long runs while the test does other things). */
export function smoker(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; stdinFd?: number } = {}): Promise<CliResult> {
  ensureBuilt();
  return collectChild(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, env: { ...process.env, NO_COLOR: '1', ...opts.env }, input: opts.input, ...(opts.stdinFd !== undefined ? { stdinFd: opts.stdinFd } : {}) });
}
