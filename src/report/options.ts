// The options every renderer accepts, decided by the caller (CLI or library user).
import type { FailOn } from '../results/exit-code.js';

/** How much detail the human formats show. */
export type HumanLevel = 'minimal' | 'normal' | 'long' | 'full';

/** Every `-o` format `renderReport` knows. */
export type ReportFormat = HumanLevel | 'json' | 'tap' | 'junit' | 'nagios';

/** Options shared by the renderers; each uses only what applies to it. */
export interface RenderOptions {
  /** Emit ANSI colours (human formats and tables); the caller decides, see `detectColor`. */
  color?: boolean;
  /** Session directory or id, shown in summaries and the HTML header. */
  session?: string;
  /** Time zone for human timestamps: the machine's (default) or UTC. */
  timeZone?: 'local' | 'utc';
  /** Whether WARN (`--fail-on warn`) or FLAKY tests (`flaky`) count as failures; default: only ERROR/UNKNOWN and failed tests. */
  failOn?: FailOn;
}

/** All known formats, in help order. */
export const REPORT_FORMATS: readonly ReportFormat[] = [
  'minimal', 'normal', 'long', 'full', 'json', 'tap', 'junit', 'nagios',
];

/** Whether a string names a known format. */
export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}
