// Handler of `smoker inspect`: read a session, narrow it, render it, exit as its report earns.
import { displayPath } from '../../config/inventory.js';
import { exitCodeFor } from '../../results/exit-code.js';
import { filterReport } from '../../results/report-filter.js';
import { locateSession, readSession } from '../../results/session-reader.js';
import { describeUnfinished } from '../../results/session-summary.js';
import { judgeSession } from '../../results/unfinished.js';
import type { Status } from '../../results/status.js';
import { filtersFrom, type FilterArgs } from '../filter-options.js';
import { selectSessionHosts } from './session-hosts.js';
import { ensureNewline } from '../../report/text.js';

/** Options of the inspect handler. */
export interface InspectOptions {
  session: string | undefined;
  root: string;
  pattern: string | undefined;
  output: string;
  failOn: 'error' | 'warn';
  filters: FilterArgs;
}

/** Prints a stored session; an unfinished one is named on stderr, and the exit code is the report's. */
export async function runInspect(opts: InspectOptions): Promise<void> {
  const loaded = readSession(locateSession(opts.session, opts.root));
  const unfinished = describeUnfinished(loaded);
  if (unfinished) process.stderr.write(`smoker: ${loaded.meta.id}: ${unfinished}\n`);
  const status = statusFilter(opts.filters);
  const report = filterReport(judgeSession(loaded), {
    ...(opts.pattern ? { hosts: await selectSessionHosts(opts.pattern, [loaded]) } : {}),
    filters: filtersFrom(opts.filters),
    ...(status ? { status } : {}),
  });
  const { renderReport, nagiosExitCode, detectColor } = await import('../../report/index.js');
  const machine = ['json', 'tap', 'junit', 'nagios'].includes(opts.output);
  const color = !machine && detectColor(process.env, process.stdout.isTTY === true);
  const text = renderReport(report, opts.output as never, { color, failOn: opts.failOn, session: displayPath(loaded.dir) });
  process.stdout.write(ensureNewline(text));
  if (Object.keys(report.hosts).length === 0) process.stderr.write('smoker: no result in this session matches the hosts and filters given\n');
  process.exitCode = opts.output === 'nagios' ? nagiosExitCode(report) : exitCodeFor(report, opts.failOn);
}

// --error / --nook on inspect look at the inspected session itself.
function statusFilter(f: FilterArgs): ((s: Status) => boolean) | undefined {
  if (f.error) return (s) => s === 'ERROR';
  if (f.nook) return (s) => s !== 'OK';
  return undefined;
}
