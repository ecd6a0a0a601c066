// Runs a helper program (ip, useradd, nsenter...) and returns its outcome as a value.

import { spawn } from 'node:child_process';
import { LabError } from './lab-error.js';
import { killQuietly, readChildren } from './process-info.js';
import type { LabExecResult } from './types.js';

/** Options of runCommand. */
export interface RunCommandOptions {
  input?: string;
  timeoutMs?: number;
  /** After the process exits, wait at most this long for its output pipes to close
   * (a background child that kept them open would otherwise hold the promise). Default 200. */
  drainMs?: number;
}

/** Spawns `file args` without a shell; resolves with stdout, stderr and the exit code (null if killed). */
export function runCommand(file: string, args: readonly string[], opts: RunCommandOptions = {}): Promise<LabExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let code: number | null = null;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearTimeout(drain);
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({ stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString(), code });
    };
    const timer = setTimeout(() => killTree(child.pid ?? 0), opts.timeoutMs ?? 30_000);
    let drain: NodeJS.Timeout | undefined;
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e) => {
      done = true;
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (exitCode) => {
      code = exitCode;
      drain = setTimeout(finish, opts.drainMs ?? 200);
    });
    child.on('close', finish);
    child.stdin.on('error', () => undefined); // the command may exit without reading its input
    child.stdin.end(opts.input ?? '');
  });
}

/** Like runCommand, but throws a LabError naming the command and its stderr when it does not exit 0. */
export async function runChecked(file: string, args: readonly string[], opts: RunCommandOptions = {}): Promise<string> {
  const r = await runCommand(file, args, opts);
  if (r.code !== 0) {
    throw new LabError('E_LAB_COMMAND', `${file} ${args.join(' ')} exited ${r.code}: ${r.stderr.trim() || r.stdout.trim()}`);
  }
  return r.stdout;
}

/** SIGKILLs `pid` and every descendant (nsenter leaves the command it forked running when killed alone). */
function killTree(pid: number): void {
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...readChildren(all[i] ?? 0));
  for (const p of all) killQuietly(p);
}
