// The result of a `smoker test` scenario (SPEC §8): one TestResult per test id, its steps inside.
import type { Messages } from './types.js';
import type { Status } from './status.js';

/** Outcomes of a test, as reports show them. */
export const TEST_STATUSES = ['PASS', 'FAIL', 'FLAKY', 'OK_TO_FAIL', 'IGNORED', 'NOT_RUN', 'INTERRUPTED'] as const;
export type TestStatus = (typeof TEST_STATUSES)[number];

/** Counts of tests by outcome. */
export type TestCounts = Record<TestStatus, number>;

/** One step of a test (setup, steps or teardown): a service op, an exec, a wait, an expectation... */
export interface StepResult {
  /** 1-based position across setup, steps and teardown; the step folder is steps/NN-<name>. */
  index: number;
  /** Which part of the test it belongs to. */
  phase: 'setup' | 'steps' | 'teardown';
  /** The verb: start, stop, bounce, exec, wait, check, expect, kill, copy, ... */
  kind: string;
  /** Short human label, e.g. `exec on client: produce --acks 1`, `bounce kafka serial 1`. */
  name: string;
  status: Status;
  messages: Messages;
  startedAt: string;
  durationMs: number;
  /** Hosts the step touched. */
  hosts?: string[];
  exitCode?: number | null;
  /** Folder of the step's files, relative to the session dir (tests/<id>/steps/NN-<name>). */
  dir?: string;
}

/** One run of one test id. */
export interface TestResult {
  /** Stable id: `name` or `name@{"k":v}` with keys sorted; `#N` appended for --repeat runs. */
  id: string;
  name: string;
  /** Test file, relative to the working directory. */
  file: string;
  description?: string;
  params: Record<string, unknown>;
  status: TestStatus;
  /** Hosts allocated to the test by `needs`, by group. */
  hosts: Record<string, string[]>;
  startedAt: string;
  endedAt?: string;
  durationMs: number;
  steps: StepResult[];
  /** Why it failed, led by the first failed step: `step 03 exec on client: exit 1, expected 0`. */
  failure?: string;
  /** Teardown failures, reported beside (never instead of) the test's own failure. */
  teardownFailure?: string;
  /** Tries taken (--deflake), 1 when run once. */
  attempts: number;
  /** Folder of the test's files, relative to the session dir (tests/<encoded id>). */
  dir: string;
}
