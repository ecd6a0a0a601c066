// What every Connection does on top of its exec and its files: copies, paths, signals and log follows.
import type { HostFiles } from './host-files.js';
import { makeDir, pathExists, removePath, signalProcesses } from './host-ops.js';
import { LogFollow } from './log-follow.js';
import { fetchTree, uploadTree, type CopyResult } from './tree-copy.js';
import type { CommandOutput, ExecOptions } from './types.js';

/** The file and process verbs of a connection (SPEC §7), built on `exec` and `files()` alone. */
export abstract class ConnectionOps {
  abstract readonly host: string;
  abstract exec(command: string, options?: ExecOptions): Promise<CommandOutput>;
  /** The host's files (SFTP for ssh, the file system for local). */
  abstract files(): HostFiles;

  /** Copies a local file or tree to the host, modes kept. */
  upload(localPath: string, remotePath: string): Promise<CopyResult> {
    return uploadTree(this.host, this.files(), localPath, remotePath);
  }

  /** Copies a host's file or tree here, modes kept. */
  fetch(remotePath: string, localPath: string): Promise<CopyResult> {
    return fetchTree(this.host, this.files(), remotePath, localPath);
  }

  /** Whether anything is at the path. */
  exists(path: string): Promise<boolean> {
    return pathExists(this.host, (c, o) => this.exec(c, o), path);
  }

  /** `mkdir -p`. */
  mkdir(path: string): Promise<void> {
    return makeDir(this.host, (c, o) => this.exec(c, o), path);
  }

  /** `rm -rf` (refuses `/`). */
  remove(path: string): Promise<void> {
    return removePath(this.host, (c, o) => this.exec(c, o), path);
  }

  /** Signals a pid or the processes matching a pattern; returns the pids signalled. */
  signal(target: number | string, signal: string | number = 'TERM'): Promise<number[]> {
    return signalProcesses(this.host, (c, o) => this.exec(c, o), target, signal);
  }

  /** Follows a log from its current end. */
  follow(path: string): LogFollow {
    return new LogFollow(this.host, path, (c, o) => this.exec(c, o));
  }
}
