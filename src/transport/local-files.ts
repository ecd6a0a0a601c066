// HostFiles on the controller itself (transport: local), with node:fs.
import { chmod, copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import type { HostFiles, PathInfo } from './host-files.js';

/** The controller's own files. */
export const localFiles: HostFiles = {
  async stat(path) {
    const s = await stat(path).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return undefined;
      throw err;
    });
    if (!s) return undefined;
    const kind: PathInfo['kind'] = s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'other';
    return { kind, mode: s.mode & 0o7777, size: s.size };
  },
  readdir: (path) => readdir(path),
  async mkdir(path, mode) {
    await mkdir(path, { mode }).catch(async (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST' || (await stat(path)).isDirectory() !== true) throw err;
    });
  },
  chmod: (path, mode) => chmod(path, mode),
  async put(localPath, remotePath, mode) {
    await copyFile(localPath, remotePath);
    await chmod(remotePath, mode);
  },
  async get(remotePath, localPath, mode) {
    await copyFile(remotePath, localPath);
    await chmod(localPath, mode);
  },
};
