// Runs a child process to its end and collects what it printed, for tests that spawn real processes.
import { spawn } from 'node:child_process';

/** What a finished child process produced. */
export interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns `file ARGS` in `cwd` with exactly `env`, writes `input` to its stdin (or gives it the open file `stdinFd`) and resolves once it closes. */
export function collectChild(file: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; input?: string; stdinFd?: number }): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: opts.cwd, env: opts.env, stdio: [opts.stdinFd ?? 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr?.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin?.end(opts.input ?? '');
  });
}
