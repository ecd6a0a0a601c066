// `results/latest`: the symlink to the newest session, moved when a session starts (SPEC §4).
import { lstat, rename, symlink, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { SessionError } from '../errors.js';

/** Throws a SessionError when root/latest exists but is not a symlink (smoker would fail to move it). */
export async function checkLatestIsLink(root: string): Promise<void> {
  const path = join(root, 'latest');
  const st = await lstat(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  if (st && !st.isSymbolicLink()) {
    throw new SessionError(`${path} is a ${st.isDirectory() ? 'directory' : 'file'}, not the symlink smoker keeps there: move it away (or use --results DIR); nothing was run`);
  }
}

/** Points root/latest at a session id (replacing the link atomically). */
export async function pointLatest(root: string, id: string): Promise<void> {
  const tmp = join(root, `.latest-${process.pid}-${Date.now()}`);
  await symlink(id, tmp);
  try {
    await rename(tmp, join(root, 'latest'));
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}
