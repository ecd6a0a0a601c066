// The result tree: component → check → host → session, the shape every parser and report shares.
import type { Status } from './status.js';
import type { TestCounts, TestResult } from './test-types.js';

/** Messages by level, as in Smoker. */
export interface Messages {
  info: string[];
  warn: string[];
  error: string[];
}

/** One performance-data value (Nagios perfdata or a JSON metric). */
export interface Metric {
  value: number;
  uom?: string;
  warn?: string;
  crit?: string;
  min?: number;
  max?: number;
}

/** What a parser produces from one command's output. */
export interface ParsedResult {
  status: Status;
  messages: Messages;
  /** Named sub-results, nested one level as in Smoker. */
  components: Record<string, ComponentResult>;
  metrics: Record<string, Metric>;
}

/** A component's result (components may hold one more level). */
export interface ComponentResult {
  status: Status;
  messages: Messages;
  components?: Record<string, ComponentResult>;
}

/** The outcome of an action run after a check. */
export interface ActionOutcome {
  name: string;
  where: 'host' | 'controller';
  exitCode: number | null;
  status: Status;
  stdout: string;
  stderr: string;
  durationMs: number;
}

/** One check on one host. */
export interface CheckResult extends ParsedResult {
  check: string;
  host: string;
  type?: string;
  category?: string;
  component?: string;
  exitCode: number | null;
  signal: string | null;
  durationMs: number;
  startedAt: string;
  truncated: boolean;
  attempts: number;
  params?: Record<string, unknown>;
  action?: ActionOutcome;
  /** Last lines of stdout, for reports (the whole stream is in the session directory). */
  stdoutTail?: string;
  /** Last lines of stderr, for reports. */
  stderrTail?: string;
}

/** All checks of one host. */
export interface HostResult {
  host: string;
  status: Status;
  /** Set when the host could not be reached: the connection error message. */
  unreachable?: string;
  /** Set on a host the session planned but never finished (killed, interrupted or failed run): why. */
  unfinished?: string;
  checks: Record<string, CheckResult>;
  durationMs: number;
}

/** Counts by status. */
export type StatusCounts = Record<Status, number>;

/** A whole run. */
export interface RunReport {
  status: Status;
  hosts: Record<string, HostResult>;
  startedAt: string;
  endedAt?: string;
  durationMs: number;
  /** Set when the session did not complete (killed, interrupted, failed, still running): it never passes. */
  incomplete?: string;
  counts: { hosts: StatusCounts; checks: StatusCounts; unreachable: number; tests?: TestCounts };
  /** `smoker test` sessions: every test run, by id (SPEC §8). */
  tests?: Record<string, TestResult>;
}

/** Returns empty messages. */
export function emptyMessages(): Messages {
  return { info: [], warn: [], error: [] };
}
