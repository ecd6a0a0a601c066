// What the test runner needs of a session (contract with src/session/): scoped sinks and addTest.
import type { TestResult } from '../results/test-types.js';
import type { RunReport } from '../results/types.js';

/** The sink an operation writes through (src/session/sink.ts's OperationSink). */
export interface TestSink {
  checkDir(host: string, check: string): Promise<string | undefined>;
  subdir(...parts: string[]): Promise<string | undefined>;
  log(message: string): void;
  writeReport(report: RunReport): Promise<void>;
}

/** The session a test run reports into. */
export interface TestSessionPort {
  /** The session folder, undefined without files (--no-results). */
  readonly dir?: string | undefined;
  /** A sink whose folders live under `parts` (e.g. ['tests', encodedId]). */
  scoped(...parts: string[]): TestSink;
  /** Adds (or replaces, same id) a test result and rewrites report.json. */
  addTest(result: TestResult): Promise<void>;
  log(message: string): void;
}
