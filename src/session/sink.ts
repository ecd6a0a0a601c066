// What an operation (checks, exec, a service op, a watcher) writes through while it runs: folders, log lines, its report.
import type { RunReport } from '../results/types.js';

/** The session side of one running operation; run-checks, exec, services and watchers write only through this. */
export interface OperationSink {
  /** The folder for one host's check (created); undefined when the session writes no files. */
  checkDir(host: string, check: string): Promise<string | undefined>;
  /** A folder inside the session (created), e.g. services/kafka/web01 or watch/web01. */
  subdir(...parts: string[]): Promise<string | undefined>;
  /** Appends a debug line to session.log (never secrets). */
  log(message: string): void;
  /** The operation's report so far; the session merges it with everything it already holds. */
  writeReport(report: RunReport): Promise<void>;
}
