// The transport contract: one connection per host, commands as values, never exceptions for exit codes.
import type { HostFiles } from './host-files.js';
import type { LogFollow } from './log-follow.js';
import type { CopyResult } from './tree-copy.js';

/** How to run one command on a host. */
export interface ExecOptions {
  /** Kill the whole remote process tree after this many ms. */
  timeoutMs?: number;
  env?: Readonly<Record<string, string>>;
  cwd?: string;
  /** Bytes written to the command's stdin, then closed. */
  stdin?: string | Buffer;
  /** A file streamed to the command's stdin, then closed (instead of `stdin`; never held in memory). */
  stdinFile?: string;
  /** Run under sudo (`sudo -n`, or with the password from this env var). */
  sudo?: boolean;
  sudoPasswordEnv?: string;
  /** Stream the full stdout/stderr to these files (created, truncated). */
  stdoutFile?: string;
  stderrFile?: string;
  /** Bytes kept in memory per stream; default 1 MiB. */
  maxBuffer?: number;
  /** Abort: kill the remote process tree and resolve with `signal: 'SIGINT'`. */
  signal?: AbortSignal;
  /**
   * May run in a shell session shared with other commands of this connection, one after another, instead
   * of a session of its own (cheaper for the host). Taken only without stdin, stdinFile and sudo; the command still
   * gets /bin/sh, its env and cwd, stdin from /dev/null and a kill of its process tree on timeout.
   * `'idle'`: only a shared session that has nothing to do, else a session of its own: never queued behind
   * another command (a service's waits run side by side, each timed on its own).
   */
  shareSession?: boolean | 'idle';
  /** Called with each stdout chunk as it arrives (watchers). */
  onStdout?: (chunk: Buffer) => void;
  /** Called with each stderr chunk as it arrives (exec --live). */
  onStderr?: (chunk: Buffer) => void;
}

/** The outcome of one command. A failing command is a value, not an exception. */
export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  signal: string | null;
  startedAt: string;
  durationMs: number;
  /** True when a stream exceeded `maxBuffer` and memory kept only its beginning. */
  truncated: boolean;
  timedOut: boolean;
  aborted: boolean;
}

/** A command that was running when its connection died: it may still run on the host. */
export interface OrphanedJob {
  /** Its job marker (job-kill.ts). */
  job: string;
  sudo: boolean;
  sudoPasswordEnv?: string | undefined;
}

/** An open connection to one host; every step on that host goes through it. */
export interface Connection {
  readonly host: string;
  /** Commands the connection lost while they ran, for a kill over a new connection (SSH only). */
  orphans?(): readonly OrphanedJob[];
  exec(command: string, options?: ExecOptions): Promise<CommandOutput>;
  /** Opens a shared session ahead of the commands that may use one (`shareSession`), so the first starts at once; failures are left to them. */
  warm?(): Promise<void>;
  /** Writes a file on the host (SFTP for ssh). */
  writeFile(remotePath: string, content: string | Buffer, mode?: number): Promise<void>;
  /** Streams a remote file into a local file without buffering it. */
  download(remotePath: string, localPath: string): Promise<void>;
  /** Copies a local file or tree to `remotePath` (which becomes that file or directory), modes kept; SFTP over SSH. */
  upload(localPath: string, remotePath: string): Promise<CopyResult>;
  /** Copies a host's file or tree to `localPath` (which becomes that file or directory), modes kept. */
  fetch(remotePath: string, localPath: string): Promise<CopyResult>;
  /** Whether anything is at the path. */
  exists(path: string): Promise<boolean>;
  /** `mkdir -p`. */
  mkdir(path: string): Promise<void>;
  /** `rm -rf` (refuses `/`). */
  remove(path: string): Promise<void>;
  /** Signals a pid, or every process whose command line matches a pattern (pgrep -f); returns the pids signalled. */
  signal(target: number | string, signal?: string | number): Promise<number[]>;
  /** Follows a log from its current end: `follow(path).waitFor(/started/, 30_000)`; stop() it when done. */
  follow(path: string): LogFollow;
  /** The host's file primitives (stat, readdir, mkdir, chmod, put, get). */
  files(): HostFiles;
  close(): Promise<void>;
}
