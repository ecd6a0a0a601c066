// HostFiles over one SFTP session (ssh2): stat, readdir, mkdir, chmod and pipelined file transfers.
import { chmod } from 'node:fs/promises';
import type { SFTPWrapper } from 'ssh2';
import type { HostFiles, PathInfo } from './host-files.js';

/** SFTP status code for a missing path. */
const NO_SUCH_FILE = 2;
const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;

/** HostFiles whose every call runs with the connection's SFTP session (`use` holds it for the call). */
export function sftpFiles(use: <T>(fn: (sftp: SFTPWrapper) => Promise<T>) => Promise<T>): HostFiles {
  const call = <T>(fn: (sftp: SFTPWrapper, cb: (err: Error | null | undefined, value?: T) => void) => void): Promise<T> =>
    use((sftp) => new Promise<T>((resolve, reject) => fn(sftp, (err, value) => (err ? reject(err) : resolve(value as T)))));
  return {
    async stat(path) {
      try {
        const s = await call<{ mode: number; size: number }>((sftp, cb) => sftp.stat(path, cb));
        const type = s.mode & S_IFMT;
        const kind: PathInfo['kind'] = type === S_IFDIR ? 'dir' : type === S_IFREG ? 'file' : 'other';
        return { kind, mode: s.mode & 0o7777, size: s.size };
      } catch (err) {
        if ((err as { code?: unknown }).code === NO_SUCH_FILE) return undefined;
        throw err;
      }
    },
    async readdir(path) {
      const list = await call<{ filename: string }[]>((sftp, cb) => sftp.readdir(path, cb));
      return list.map((e) => e.filename).filter((n) => n !== '.' && n !== '..');
    },
    async mkdir(path, mode) {
      try {
        await call<void>((sftp, cb) => sftp.mkdir(path, { mode }, cb));
      } catch (err) {
        const there = await this.stat(path).catch(() => undefined);
        if (there?.kind !== 'dir') throw err;
      }
    },
    chmod: (path, mode) => call<void>((sftp, cb) => sftp.chmod(path, mode, cb)),
    async put(localPath, remotePath, mode) {
      await call<void>((sftp, cb) => sftp.fastPut(localPath, remotePath, { mode }, cb));
      // The host's umask applied to the open: set the mode exactly.
      await call<void>((sftp, cb) => sftp.chmod(remotePath, mode, cb));
    },
    async get(remotePath, localPath, mode) {
      await call<void>((sftp, cb) => sftp.fastGet(remotePath, localPath, cb));
      await chmod(localPath, mode);
    },
  };
}
