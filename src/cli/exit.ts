// The one place where errors become messages on stderr and a process exit code.
import { ConfigError, ExitCode, SmokerError } from '../errors.js';

/** Prints an error for people and sets process.exitCode accordingly. */
export function reportError(err: unknown): void {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n${err.issues.length} problem${err.issues.length === 1 ? '' : 's'} found; nothing was run.\n`);
  } else if (err instanceof SmokerError) {
    process.stderr.write(`smoker: ${err.message}\n`);
  } else {
    const e = err as Error;
    process.stderr.write(`smoker: internal error: ${e?.stack ?? String(err)}\n`);
  }
  process.exitCode = err instanceof SmokerError ? err.exitCode : ExitCode.internal;
}
