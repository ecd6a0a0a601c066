// Copies a file or a whole tree between the controller and a host, modes kept (scp -rp semantics, exact target path).
import { basename, posix } from 'node:path';
import { TransportError } from '../errors.js';
import type { HostFiles } from './host-files.js';
import { localFiles } from './local-files.js';

/** What a copy moved. */
export interface CopyResult {
  files: number;
  dirs: number;
  bytes: number;
}

/** Deepest directory nesting a copy follows. */
const MAX_DEPTH = 64;

/** Files in flight at once on one host (SFTP pipelines them over its one channel). */
const FILES_AT_ONCE = 8;

/** Copies `from` (file or tree) on `src` to `to` on `dst`: `to` becomes that file or directory, its parents made (paths are POSIX). */
export function copyTree(src: HostFiles, dst: HostFiles, from: string, to: string, host: string, direction: 'upload' | 'fetch'): Promise<CopyResult> {
  return new Copier(src, dst, host, direction).run(from, to);
}

/** Uploads a local file or tree to the host. */
export function uploadTree(host: string, files: HostFiles, localPath: string, remotePath: string): Promise<CopyResult> {
  return copyTree(localFiles, files, localPath, remotePath, host, 'upload');
}

/** Fetches a host's file or tree to a local path. */
export function fetchTree(host: string, files: HostFiles, remotePath: string, localPath: string): Promise<CopyResult> {
  return copyTree(files, localFiles, remotePath, localPath, host, 'fetch');
}

class Copier {
  private readonly result: CopyResult = { files: 0, dirs: 0, bytes: 0 };
  private readonly queue: (() => Promise<void>)[] = [];
  private readonly dirModes: [string, number][] = [];

  constructor(
    private readonly src: HostFiles,
    private readonly dst: HostFiles,
    private readonly host: string,
    private readonly direction: 'upload' | 'fetch',
  ) {}

  async run(from: string, to: string): Promise<CopyResult> {
    const info = await this.src.stat(from);
    const where = this.direction === 'upload' ? `local ${from}` : `${this.host}:${from}`;
    if (!info) throw new TransportError(`${this.host}: ${this.direction} failed: ${where} does not exist`, { code: 'E_COPY' });
    await this.wrap(to, () => ensureParents(this.dst, to));
    await this.wrap(from, () => this.copy(from, to, info.kind, info.mode, info.size));
    // Files copy in parallel; directories are made first, their modes set last (a read-only dir would refuse its files).
    const running = new Set<Promise<void>>();
    while (this.queue.length || running.size) {
      while (this.queue.length && running.size < FILES_AT_ONCE) {
        const p = (this.queue.shift() as () => Promise<void>)().finally(() => running.delete(p));
        running.add(p);
      }
      await Promise.race(running);
    }
    for (const [dir, mode] of this.dirModes.reverse()) await this.wrap(dir, () => this.dst.chmod(dir, mode));
    return this.result;
  }

  private async copy(from: string, to: string, kind: string, mode: number, size: number, depth = 0): Promise<void> {
    // Symlinks are followed (as scp -r does): a link to an ancestor would recurse for ever.
    if (depth > MAX_DEPTH) throw new Error(`more than ${MAX_DEPTH} levels of directories (a symlink loop?)`);
    if (kind === 'file') {
      this.queue.push(() => this.wrap(from, () => this.copyFile(from, to, mode, size)));
      return;
    }
    if (kind !== 'dir') throw new Error(`${from} is neither a file nor a directory`);
    // Owner rwx while copying, the real mode at the end.
    await this.dst.mkdir(to, mode | 0o700);
    this.dirModes.push([to, mode]);
    this.result.dirs++;
    for (const name of (await this.src.readdir(from)).sort()) {
      const child = posix.join(from, name);
      const info = await this.src.stat(child);
      if (!info || info.kind === 'other') continue;
      await this.wrap(child, () => this.copy(child, posix.join(to, name), info.kind, info.mode, info.size, depth + 1));
    }
  }

  private async copyFile(from: string, to: string, mode: number, size: number): Promise<void> {
    if (this.direction === 'upload') await this.dst.put(from, to, mode);
    else await this.src.get(from, to, mode);
    this.result.files++;
    this.result.bytes += size;
  }

  private async wrap<T>(path: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof TransportError) throw err;
      throw new TransportError(`${this.host}: ${this.direction} of ${path} failed: ${(err as Error).message}`, { cause: err, code: 'E_COPY' });
    }
  }
}

/** Creates the missing parents of `path` (mode 755 less the host's umask), as `mkdir -p` of its dirname. */
async function ensureParents(files: HostFiles, path: string): Promise<void> {
  const parent = posix.dirname(path);
  if (parent === path || parent === '.' || parent === '/') return;
  if ((await files.stat(parent))?.kind === 'dir') return;
  await ensureParents(files, parent);
  await files.mkdir(parent, 0o755);
}

/** The target inside a directory: DIR/basename(path). */
export function intoDir(dir: string, path: string): string {
  return posix.join(dir, basename(path.replace(/\/+$/, '')));
}
