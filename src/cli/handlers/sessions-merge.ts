// Handler of `smoker sessions merge DIR...`: one new session from shard sessions, with every report regenerated.
import { SessionError } from '../../errors.js';
import { exitCodeFor } from '../../results/exit-code.js';
import { planMerge } from '../../results/session-merge.js';
import { copySessionFiles } from '../../results/session-merge-files.js';
import { locateSession, readSession } from '../../results/session-reader.js';
import { SessionWriter } from '../../results/session-writer.js';
import { writeSessionReports } from './run.js';

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

  const { version } = await import('../../version.js');
  const session = await SessionWriter.create(opts.root, {
    command: 'merge',
    argv: opts.argv,
    ...plan.meta,
    sources: dirs,
    versions: { smoker: version, node: process.version },
  });
  const label = `${opts.root}/${session.id}`;
  try {
    for (const s of sources) session.log(`source ${s.dir}: ${s.meta.command}${s.meta.shard ? ` --shard ${s.meta.shard}` : ''}, ${s.meta.state}, ${Object.keys(s.report.hosts).length} hosts`);
    await copySessionFiles(dirs, session.dir);
    await session.writeReport(plan.report);
    await writeSessionReports(session, plan.report, label);
  } finally {
    await session.finish(plan.incomplete ? 'interrupted' : 'complete', { counts: plan.report.counts });
  }
  const { renderReport, detectColor } = await import('../../report/index.js');
  const color = detectColor(process.env, process.stdout.isTTY === true);
  process.stdout.write(`merged ${sources.length} session${sources.length === 1 ? '' : 's'} into ${label}\n`);
  process.stdout.write(renderReport(plan.report, 'minimal', { color, session: label }));
  process.exitCode = exitCodeFor(plan.report);
}
