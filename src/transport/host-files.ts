// The file primitives a host offers (SFTP over SSH, node:fs locally): what tree copies and path tests are built on.

/** What a path is on a host. */
export interface PathInfo {
  kind: 'file' | 'dir' | 'other';
  /** Permission bits (mode & 0o7777). */
  mode: number;
  size: number;
}

/** File access on one host; paths are the host's. */
export interface HostFiles {
  /** Follows symlinks; undefined when nothing is there. */
  stat(path: string): Promise<PathInfo | undefined>;
  readdir(path: string): Promise<string[]>;
  /** Creates one directory (its parent exists); an existing directory is fine. */
  mkdir(path: string, mode: number): Promise<void>;
  chmod(path: string, mode: number): Promise<void>;
  /** Copies a local file to the host, then sets its mode. */
  put(localPath: string, remotePath: string, mode: number): Promise<void>;
  /** Copies a host file to a local path, then sets its mode. */
  get(remotePath: string, localPath: string, mode: number): Promise<void>;
}
