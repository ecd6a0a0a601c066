// Handler of `smoker sessions merge DIR...`: one new session from shard sessions, with every report regenerated.
import { SessionError } from '../../errors.js';
import { exitCodeFor } from '../../results/exit-code.js';
import { planMerge } from '../../results/session-merge.js';
import { copySessionFiles } from '../../results/session-merge-files.js';
import { locateSession, readSession } from '../../results/session-reader.js';
import { Session } from '../../session/session.js';

/** Options of the merge handler. */
export interface SessionsMergeOptions {
  /** Session folders, ids under root, or `latest`. */
  refs: string[];
  root: string;
  argv: string[];
}

/** Merges the sessions into a new one under root, prints where it went and its summary, sets the exit code. */
export async function runSessionsMerge(opts: SessionsMergeOptions): Promise<void> {
  const dirs = opts.refs.map((r) => locateSession(r, opts.root));
  const twice = dirs.find((d, i) => dirs.indexOf(d) !== i);
  if (twice !== undefined) throw new SessionError(`sessions merge: ${twice} is given twice`);
  const sources = dirs.map(readSession);
  const plan = planMerge(sources);
  for (const w of plan.warnings) process.stderr.write(`warning: ${w}\n`);

  const session = await Session.open({ root: opts.root, command: 'merge', argv: opts.argv, ...plan.meta, sources: dirs, startedAt: new Date(plan.report.startedAt), ...(plan.report.endedAt ? { endedAt: new Date(plan.report.endedAt) } : {}) });
  const label = session.label as string;
  let report = plan.report;
  try {
    for (const s of sources) session.log(`source ${s.dir}: ${s.meta.command}${s.meta.shard ? ` --shard ${s.meta.shard}` : ''}, ${s.meta.state}, ${Object.keys(s.report.hosts).length} hosts`);
    await copySessionFiles(dirs, session.dir as string);
    await session.addReport(plan.report, 'merge');
    for (const s of sources) for (const t of Object.values(s.report.tests ?? {})) await session.addTest(t);
    report = await session.close(plan.incomplete ? 'interrupted' : 'complete');
  } finally {
    await session.close('failed');
  }
  const { renderReport, detectColor } = await import('../../report/index.js');
  const color = detectColor(process.env, process.stdout.isTTY === true);
  process.stdout.write(`merged ${sources.length} session${sources.length === 1 ? '' : 's'} into ${label}\n`);
  process.stdout.write(renderReport(report, 'minimal', { color, session: label }));
  process.exitCode = exitCodeFor(report);
}
