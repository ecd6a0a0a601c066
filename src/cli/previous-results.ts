// --error / --nook: what the latest session selects for a re-run; an incomplete one says so and re-runs its unfinished hosts whole.
import { rerunSelection } from '../results/rerun.js';
import { locateSession, readSession } from '../results/session-reader.js';
import { judgeSession } from '../results/unfinished.js';

/** Host → checks to run again from root/latest; warns on stderr when that session did not complete. */
export function selectFromLatest(root: string, mode: 'error' | 'nook'): Map<string, ReadonlySet<string> | 'all'> {
  const latest = readSession(locateSession('latest', root));
  const report = judgeSession(latest);
  if (report.incomplete !== undefined) {
    const unfinished = Object.values(report.hosts).filter((h) => h.unfinished !== undefined).length;
    process.stderr.write(`smoker: --${mode}: the latest session ${latest.meta.id} did not complete (${report.incomplete}); its ${unfinished} unfinished host${unfinished === 1 ? '' : 's'} run every check\n`);
  }
  return rerunSelection(report, mode);
}
