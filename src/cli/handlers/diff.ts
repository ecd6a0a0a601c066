// Handler of `smoker diff`.
import { ExitCode } from '../../errors.js';
import { detectColor, paintStatus, withColor } from '../../report/color.js';
import { diffReports, hasRegressions } from '../../results/diff.js';
import { renderDiffText } from '../../report/diff-text.js';
import { locateSession, readSession } from '../../results/session-reader.js';
import { describeUnfinished } from '../../results/session-summary.js';

/** Prints what changed status from session A to session B; exit 1 when something regressed. */
export function runDiff(opts: { a: string; b: string; root: string; output: 'normal' | 'json' }): void {
  const a = readSession(locateSession(opts.a, opts.root));
  const b = readSession(locateSession(opts.b, opts.root));
  for (const s of [a, b]) {
    const unfinished = describeUnfinished(s);
    if (unfinished) process.stderr.write(`smoker: ${s.meta.id}: ${unfinished}\n`);
  }
  const diff = diffReports(a.report, b.report);
  if (opts.output === 'json') {
    process.stdout.write(`${JSON.stringify({ a: a.meta.id, b: b.meta.id, ...diff }, null, 2)}\n`);
  } else {
    const color = detectColor(process.env, process.stdout.isTTY === true);
    process.stdout.write(withColor(color, () => renderDiffText(diff, { a: a.meta.id, b: b.meta.id }, paintStatus)));
  }
  process.exitCode = hasRegressions(diff) ? ExitCode.failed : ExitCode.ok;
}
