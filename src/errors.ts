// The one error hierarchy: every error smoker raises on purpose has a stable code and an exit code.

/** Exit codes, SPEC §3. */
export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
  unreachable: 3,
  internal: 70,
  interrupted: 130,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Base class of every deliberate smoker error. */
export class SmokerError extends Error {
  readonly code: string = 'E_SMOKER';
  readonly exitCode: number = ExitCode.internal;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A position in a user's file, 1-based. */
export interface SourcePos {
  file: string;
  line: number;
  col: number;
}

/** One problem found in a user's file. */
export interface ConfigIssue {
  pos: SourcePos | undefined;
  path: string;
  message: string;
}

/** Formats an issue as `file:line:col path: message`. */
export function formatIssue(issue: ConfigIssue): string {
  const where = issue.pos ? `${issue.pos.file}:${issue.pos.line}:${issue.pos.col}` : '';
  const path = issue.path ? `${issue.path}: ` : '';
  return [where, `${path}${issue.message}`].filter(Boolean).join(' ');
}

/** Invalid inventory, check or service file: carries every issue found, exit 2. */
export class ConfigError extends SmokerError {
  override readonly code = 'E_CONFIG';
  override readonly exitCode = ExitCode.usage;
  readonly issues: readonly ConfigIssue[];
  constructor(issues: readonly ConfigIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.issues = issues;
  }
}

/** Wrong command-line use: unknown flag, missing argument, no inventory found. Exit 2. */
export class UsageError extends SmokerError {
  override readonly code = 'E_USAGE';
  override readonly exitCode = ExitCode.usage;
}

/** A host pattern that cannot be parsed or names nothing known. Exit 2. */
export class PatternError extends SmokerError {
  override readonly code = 'E_PATTERN';
  override readonly exitCode = ExitCode.usage;
}

/** Filters or patterns that select nothing to run: nothing ran. Exit 2; with `-o nagios`, an UNKNOWN line and exit 3. */
export class SelectionError extends SmokerError {
  override readonly code = 'E_SELECTION';
  override readonly exitCode = ExitCode.usage;
  /** Whether the command was asked for Nagios output (then the error is a one-line UNKNOWN). */
  readonly nagios: boolean;
  constructor(message: string, options?: { nagios?: boolean }) {
    super(message);
    this.nagios = options?.nagios ?? false;
  }
}

/** Connection-level failure for one host (refused, timeout, auth, host key). */
export class TransportError extends SmokerError {
  override readonly code: string = 'E_TRANSPORT';
  override readonly exitCode = ExitCode.unreachable;
  /** Whether a retry with backoff may help (refused, reset during handshake). */
  readonly retryable: boolean;
  constructor(message: string, options?: { cause?: unknown; retryable?: boolean; code?: string }) {
    super(message, options);
    this.retryable = options?.retryable ?? false;
    if (options?.code) (this as { code: string }).code = options.code;
  }
}

/** A session directory that does not exist or cannot be read. Exit 2. */
export class SessionError extends SmokerError {
  override readonly code = 'E_SESSION';
  override readonly exitCode = ExitCode.usage;
}

/** A program smoker runs for the user (e.g. `vagrant ssh-config`) is missing or failed. Exit 2. */
export class ExternalCommandError extends SmokerError {
  override readonly code = 'E_EXTERNAL_COMMAND';
  override readonly exitCode = ExitCode.usage;
}

/** The session's files cannot be written (full disk, unwritable results folder): the run stops. Exit 70. */
export class ResultsWriteError extends SmokerError {
  override readonly code = 'E_RESULTS_WRITE';
  override readonly exitCode = ExitCode.internal;
}

/** The run was interrupted by the user (Ctrl-C). Exit 130. */
export class InterruptedError extends SmokerError {
  override readonly code = 'E_INTERRUPTED';
  override readonly exitCode = ExitCode.interrupted;
}

/** Maps any thrown value to the exit code the process should end with. */
export function exitCodeOf(err: unknown): number {
  return err instanceof SmokerError ? err.exitCode : ExitCode.internal;
}
