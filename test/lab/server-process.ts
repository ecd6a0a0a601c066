// One running sshd of a lab: spawned inside its namespaces, killed with everything it started.

import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findLabProcesses } from './find-processes.js';
import { UNSHARE_ARGS, type Isolation } from './isolation.js';
import { killQuietly, readChildren } from './process-info.js';

/** Where a server's files are and what it serves. */
export interface ServerFiles {
  dir: string;
  netns?: string;
  /** Loopback ports (plain mode finds session processes by the port in their SSH_CONNECTION). */
  ports: readonly number[];
}

/** A spawned server; `initPid` is the pid whose death takes the whole host down. */
export class ServerProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
  private exitCode: number | null | undefined;
  private init: number | undefined;

  /** Spawns the server detached from the event loop (an exit hook cleans up what a script forgets). */
  constructor(
    readonly files: ServerFiles,
    readonly isolation: Isolation,
    sshd: string,
  ) {
    const log = openSync(join(files.dir, 'run.log'), 'a');
    const [file, args] = commandFor(files, isolation, sshd);
    this.child = spawn(file, args, { stdio: ['ignore', log, log] });
    closeSync(log);
    this.child.unref();
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code) => {
        this.exitCode = code;
        resolve();
      });
      this.child.once('error', () => {
        this.exitCode = null;
        resolve();
      });
    });
  }

  /** The pid to report and kill: sshd as pid 1 of the host's pid namespace, or sshd itself in plain mode
   * (before unshare has forked, unshare itself: its --kill-child takes the child along). */
  get initPid(): number {
    this.init ??= this.isolation === 'none' ? this.child.pid : readChildren(this.child.pid ?? 0)[0];
    return this.init ?? this.child.pid ?? 0;
  }

  /** Whether the spawned process still runs. */
  isRunning(): boolean {
    return this.exitCode === undefined;
  }

  /** Whether sshd has replaced the host script, so the namespace's network is configured: probing
   * earlier would send a SYN to an address not yet up, and a failed ARP costs a second. */
  hasExecdSshd(): boolean {
    if (this.isolation === 'none') return true;
    try {
      return readFileSync(`/proc/${this.initPid}/comm`, 'utf8').startsWith('sshd');
    } catch {
      return false;
    }
  }

  /** sshd's complaints about sockets it could not bind (it goes on with the others), once it answers. */
  bindFailures(): string | undefined {
    const lines = readTail(join(this.files.dir, 'sshd.log'), 1000).filter((l) => l.includes('Bind to port'));
    return lines.length ? lines.join(' / ') : undefined;
  }

  /** Why the server is not running, with the tail of its logs; undefined while it runs. */
  failure(): string | undefined {
    if (this.isRunning()) return undefined;
    const logs = ['run.log', 'sshd.log'].map((f) => readTail(join(this.files.dir, f), 5).join(' / ')).filter(Boolean);
    return `server exited (${this.exitCode ?? 'killed'}): ${logs.join(' | ') || 'no output'}`;
  }

  /** SIGKILLs the host: its pid 1 (the kernel then kills its whole pid namespace), or sshd and, with
   * `sweepSessions`, the sessions it forked (plain mode has no namespace to take them down). */
  killSync(sweepSessions: boolean): void {
    // Not unshare itself: it exits by itself once its child's namespace is empty, which kill() waits for.
    if (this.isRunning()) killQuietly(this.isolation === 'none' ? (this.child.pid ?? 0) : this.initPid);
    if (this.isolation === 'none' && sweepSessions) {
      for (const pid of findLabProcesses(`${this.files.dir}/`, this.files.ports)) killQuietly(pid);
    }
  }

  /** killSync, then waits until the spawned process has exited (after its pid namespace is empty). */
  async kill(sweepSessions: boolean): Promise<void> {
    this.killSync(sweepSessions);
    let timer: NodeJS.Timeout | undefined;
    // A ref'd timer keeps the event loop (and this await) alive although the child is unref'd.
    await Promise.race([this.exited, new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
    clearTimeout(timer);
  }
}

function commandFor(files: ServerFiles, isolation: Isolation, sshd: string): [string, string[]] {
  const script = ['/bin/sh', join(files.dir, 'run.sh')];
  if (isolation === 'netns') return ['nsenter', [`--net=/run/netns/${files.netns}`, 'unshare', ...UNSHARE_ARGS, ...script]];
  if (isolation === 'unshare') return ['unshare', [...UNSHARE_ARGS, ...script]];
  return [sshd, ['-D', '-f', join(files.dir, 'sshd_config'), '-E', join(files.dir, 'sshd.log')]];
}

function readTail(path: string, lines: number): string[] {
  try {
    return readFileSync(path, 'utf8').trim().split('\n').filter(Boolean).slice(-lines);
  } catch {
    return [];
  }
}
