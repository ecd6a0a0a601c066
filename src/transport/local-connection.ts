// transport: local — commands run on the controller with the same semantics as over SSH.
import { spawn } from 'node:child_process';
import { copyFile, writeFile } from 'node:fs/promises';
import { superviseCommand, type RunningProcess } from './command-run.js';
import { killJobCommand, newJobId, withJob } from './job-kill.js';
import { wrapCommand } from './remote-command.js';
import type { HostFiles } from './host-files.js';
import { ConnectionOps } from './connection-ops.js';
import { localFiles } from './local-files.js';
import { Semaphore } from './semaphore.js';
import { readSecret } from './secrets.js';
import { feedStdin } from './stdin-feed.js';
import type { CommandOutput, Connection, ExecOptions } from './types.js';

/** A "connection" to the controller itself. */
export class LocalConnection extends ConnectionOps implements Connection {
  private readonly slots: Semaphore;
  constructor(
    readonly host: string,
    maxChannels: number,
    private readonly baseEnv: Readonly<Record<string, string>> = {},
  ) {
    super();
    this.slots = new Semaphore(maxChannels);
  }

  /** Runs a command in its own process group; a timeout kills the whole group. */
  async exec(command: string, opts: ExecOptions = {}): Promise<CommandOutput> {
    const password = opts.sudo && opts.sudoPasswordEnv ? readSecret(opts.sudoPasswordEnv) : undefined;
    return this.slots.run(async () => {
      const startedAt = new Date();
      const job = newJobId();
      const child = spawn('/bin/sh', ['-c', wrapCommand(command, { ...opts, env: withJob({ ...this.baseEnv, ...opts.env }, job) }, password)], {
        detached: true, // a new session: the shell's pid is the process group of the whole tree
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let settle: (v: { exitCode: number | null; signal: string | null }) => void = () => undefined;
      const done = new Promise<{ exitCode: number | null; signal: string | null }>((resolve) => (settle = resolve));
      child.on('close', (code, signal) => settle({ exitCode: code, signal }));
      child.on('error', () => settle({ exitCode: 127, signal: null }));
      const proc: RunningProcess = {
        stdout: child.stdout,
        stderr: child.stderr,
        done,
        kill: async () => {
          // The job's marked processes (setsid ones too), and the group the spawn made for it alone.
          const k = spawn('/bin/sh', ['-c', wrapCommand(killJobCommand({ jobs: [job], group: child.pid }), { sudo: opts.sudo ?? false }, password)], { stdio: ['pipe', 'ignore', 'ignore'] });
          k.stdin.on('error', () => undefined);
          k.stdin.end(password !== undefined ? `${password}\n` : '');
          await new Promise((r) => k.on('close', r));
        },
        abandon: () => settle({ exitCode: null, signal: 'SIGKILL' }),
      };
      child.stdin.on('error', () => undefined);
      if (password !== undefined) child.stdin.write(`${password}\n`);
      feedStdin(child.stdin, opts);
      return superviseCommand(proc, opts, startedAt, true);
    });
  }

  /** Writes a local file. */
  async writeFile(path: string, content: string | Buffer, mode = 0o600): Promise<void> {
    await writeFile(path, content, { mode });
  }

  /** Copies a local file. */
  async download(remotePath: string, localPath: string): Promise<void> {
    await copyFile(remotePath, localPath);
  }

  /** The controller's own files. */
  files(): HostFiles {
    return localFiles;
  }

  /** Nothing to close. */
  async close(): Promise<void> {}
}
