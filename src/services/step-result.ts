// A service step (stop, start, wait port 9092, ...) as a check result: status, messages, timing, output tails.
import type { Status } from '../results/status.js';
import type { CheckResult } from '../results/types.js';
import { emptyMessages } from '../results/types.js';
import { tail } from '../run/exec.js';
import type { CommandOutput } from '../transport/types.js';

/** What a step produced. */
export interface StepFields {
  status: Status;
  info?: string[];
  warn?: string[];
  error?: string[];
  out?: CommandOutput;
  /** When the step did not run a command: its start and duration. */
  startedAt?: string;
  durationMs?: number;
}

/** Builds the step's result; the service name is its `component`, `category` is "service". */
export function buildStepResult(service: string, host: string, name: string, f: StepFields): CheckResult {
  const messages = emptyMessages();
  messages.info.push(...(f.info ?? []));
  messages.warn.push(...(f.warn ?? []));
  messages.error.push(...(f.error ?? []));
  const out = f.out;
  return {
    check: name,
    host,
    category: 'service',
    component: service,
    status: f.status,
    messages,
    components: {},
    metrics: {},
    exitCode: out?.exitCode ?? null,
    signal: out?.signal ?? null,
    durationMs: out?.durationMs ?? f.durationMs ?? 0,
    startedAt: out?.startedAt ?? f.startedAt ?? new Date().toISOString(),
    truncated: out?.truncated ?? false,
    attempts: out ? 1 : 0,
    ...(out ? { stdoutTail: tail(out.stdout), stderrTail: tail(out.stderr) } : {}),
  };
}

/** Formats a wait or timeout the way check files write it when exact (60s, 500ms), else 1.2s. */
export function formatWaitTime(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${(ms / 1000).toFixed(1)}s`;
}

/** The last `n` non-empty lines of a text. */
export function takeLastLines(text: string, n: number): string[] {
  return text.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '').slice(-n);
}

/** Whether a step result counts as failed (ERROR or UNKNOWN; WARN does not stop anything). */
export function isFailedStatus(status: Status): boolean {
  return status === 'ERROR' || status === 'UNKNOWN';
}
