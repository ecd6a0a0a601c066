// Telling a failed write of the session's own files (full disk, read-only folder) from any other error.
import { writeFile } from 'node:fs/promises';
import { ResultsWriteError } from '../errors.js';

/** `err` as a ResultsWriteError when it is one, or a file-system error on a path under `dir`; else undefined. */
export function asResultsWriteError(err: unknown, dir: string): ResultsWriteError | undefined {
  if (err instanceof ResultsWriteError) return err;
  const e = err as NodeJS.ErrnoException | undefined;
  if (typeof e?.code === 'string' && typeof e.path === 'string' && e.path.startsWith(dir)) {
    return new ResultsWriteError(`cannot write ${e.path}: ${e.message}`, { cause: err });
  }
  return undefined;
}

/** Wraps any error of writing `path` as a ResultsWriteError naming it. */
export function resultsWriteError(path: string, err: unknown): ResultsWriteError {
  if (err instanceof ResultsWriteError) return err;
  const message = (err as Error)?.message ?? String(err);
  return new ResultsWriteError(`cannot write ${path}: ${message}`, { cause: err });
}

/** Writes one file of the session (e.g. a check's result.json); a failure is a ResultsWriteError naming the file. */
export async function writeResultFile(path: string, data: string): Promise<void> {
  await writeFile(path, data).catch((err: unknown) => {
    throw resultsWriteError(path, err);
  });
}
