// The `json` format: the whole result tree, as report.json holds it.
import type { RunReport } from '../results/types.js';

/** Renders the report as pretty-printed JSON (two-space indent, trailing newline). */
export function renderJson(report: RunReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
