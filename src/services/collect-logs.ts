// Copies a service's declared logs from a host into the session, streamed (never held in memory whole).
import { rm, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { encodeName } from '../results/safe-name.js';
import type { Connection, ExecOptions } from '../transport/types.js';
import { shellQuote } from '../transport/shell-quote.js';

/** The outcome of copying one log. */
export interface CollectedLog {
  name: string;
  remotePath: string;
  localPath: string;
  bytes?: number;
  error?: string;
}

/** Local file name of a log: its name, with the remote file's extension when the name has none. */
export function nameLocalLog(name: string, remotePath: string): string {
  const safe = encodeName(name);
  return extname(safe) ? safe : `${safe}${extname(remotePath)}`;
}

/**
 * Downloads every log into `dir` at once, over SFTP; when that fails and the service runs under
 * sudo, `sudo cat` streams it instead (its output goes to the file; memory keeps 4 KB).
 */
export async function collectLogs(conn: Connection, logs: Readonly<Record<string, string>>, dir: string, sudo: Pick<ExecOptions, 'sudo' | 'sudoPasswordEnv'> = {}): Promise<CollectedLog[]> {
  return Promise.all(
    Object.entries(logs).map(async ([name, remotePath]): Promise<CollectedLog> => {
      const localPath = join(dir, nameLocalLog(name, remotePath));
      const failed = async (error: string): Promise<CollectedLog> => {
        await rm(localPath, { force: true });
        return { name, remotePath, localPath, error };
      };
      try {
        await conn.download(remotePath, localPath);
      } catch (err) {
        if (!sudo.sudo) return failed(describe(err));
        const out = await conn.exec(`cat -- ${shellQuote(remotePath)}`, { ...sudo, stdoutFile: localPath, maxBuffer: 4096 }).catch((e: unknown) => e as Error);
        if (out instanceof Error) return failed(out.message);
        if (out.exitCode !== 0) return failed(out.stderr.trim().split('\n').pop() || describe(err));
      }
      return { name, remotePath, localPath, bytes: (await stat(localPath)).size };
    }),
  );
}

function describe(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return /no such file/i.test(msg) ? 'no such file' : msg;
}
