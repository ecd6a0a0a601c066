// Handler of `smoker copy` and `smoker fetch`: validate, fan out over the hosts in the session frame, print, exit code.
import { exitCodeFor } from '../../results/exit-code.js';
import { runTransfer, validateTransfer, type TransferRequest } from '../../run/transfer.js';
import type { SessionArgs } from '../session-options.js';
import { withHostCommand } from './host-command.js';
import { startProgress } from './progress.js';

/** Options of copy/fetch. */
export interface TransferCommandOptions {
  direction: TransferRequest['direction'];
  inventory: string;
  pattern: string | undefined;
  sources: string[];
  dest: string;
  forks: number | undefined;
  output: 'normal' | 'json';
  session: SessionArgs;
  argv: string[];
}

/** Copies to (or fetches from) every selected host; exit 0 all OK, 1 a host failed, 3 a host unreachable. */
export async function runTransferCommand(opts: TransferCommandOptions): Promise<void> {
  validateTransfer(opts);
  await withHostCommand({ ...opts, command: opts.direction, filters: { sources: opts.sources, dest: opts.dest } }, async (f) => {
    const progress = opts.output === 'json' ? undefined : await startProgress(f.hosts.length, opts.direction);
    const op = f.session.operation(opts.direction);
    const done = await runTransfer(
      {
        direction: opts.direction,
        hosts: f.hosts,
        sources: opts.sources,
        dest: opts.dest,
        ...(opts.forks !== undefined ? { forks: opts.forks } : {}),
        signal: f.signal,
        session: op,
        onHostDone: (h) => progress?.tick(h),
      },
      f.connector,
    ).finally(() => progress?.stop());
    await op.writeReport(done);
    const report = await f.session.writeReports(new Date(done.endedAt ?? Date.now()));
    const { renderJson, detectColor } = await import('../../report/index.js');
    const { renderTransferLines } = await import('../../report/transfer-lines.js');
    const label = f.sessionLabel ? { session: f.sessionLabel } : {};
    process.stdout.write(opts.output === 'json' ? renderJson(report) : renderTransferLines(report, { color: detectColor(process.env, process.stdout.isTTY === true), ...label }));
    return { exitCode: exitCodeFor(report) };
  });
}
