// The one place where errors become messages on stderr and a process exit code.
import { ConfigError, ExitCode, SelectionError, SmokerError } from '../errors.js';

/** Nagios' UNKNOWN state: what `-o nagios` exits with when nothing could be checked. */
const NAGIOS_UNKNOWN = 3;

/** Prints an error for people and sets process.exitCode accordingly. */
export function reportError(err: unknown): void {
  if (err instanceof SelectionError && err.nagios) {
    // A monitoring system reads stdout and the exit code only: one UNKNOWN line, never an OK.
    process.stdout.write(`SMOKER UNKNOWN - ${err.message.split('\n').join('; ')}\n`);
    process.exitCode = NAGIOS_UNKNOWN;
    return;
  }
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
