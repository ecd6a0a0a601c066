// Handler of the service commands: load, run the operation in the host-command frame, print, exit code.
import { ExitCode, UsageError } from '../../errors.js';
import { didYouMean } from '../../config/suggest.js';
import { exitCodeFor } from '../../results/exit-code.js';
import { describeRoll, runServiceOp, selectServiceHosts, validateServiceRequest, type CollectLogs, type ServiceOp } from '../../services/operations.js';
import type { ConnectionArgs } from '../connection-options.js';
import type { SessionArgs } from '../session-options.js';
import { withHostCommand } from './host-command.js';
import { loadConfig } from './load-config.js';

/** Options of a service command. */
export interface ServiceCommandOptions {
  op: ServiceOp;
  service: string;
  inventory: string;
  pattern: string | undefined;
  checks: string[] | undefined;
  serial: string | undefined;
  collectLogs: CollectLogs;
  /** kill/signal: --signal. */
  sendSignal?: string;
  output: string;
  session: SessionArgs;
  /** -u, --private-key, -e, --become. */
  connection?: ConnectionArgs;
  argv: string[];
}

const MACHINE = ['json', 'tap', 'junit', 'nagios'];

/** Runs one service operation and prints its report (status: a table). */
export async function runServiceCommand(opts: ServiceCommandOptions): Promise<void> {
  const { inventory, checks } = await loadConfig(opts.inventory, opts.checks);
  const service = checks.services.get(opts.service);
  if (!service) {
    const known = [...checks.services.keys()];
    const hint = didYouMean(opts.service, known) || (known.length ? ` (services: ${known.join(', ')})` : ' (no services: section in the check files)');
    throw new UsageError(`unknown service "${opts.service}"${hint}`);
  }
  validateServiceRequest({ op: opts.op, service, ...(opts.serial !== undefined ? { serial: opts.serial } : {}), ...(opts.sendSignal !== undefined ? { sendSignal: opts.sendSignal } : {}) });
  await withHostCommand({ ...opts, command: opts.op, filters: { service: opts.service }, loaded: inventory }, async (f) => {
    // The planned hosts, so a killed operation's session can say how many finished.
    await f.session.plan(selectServiceHosts(service, inventory, f.hosts).map((h) => h.name));
    const op = f.session.operation(`${opts.op} ${service.name}`);
    const outcome = await runServiceOp(
      {
        op: opts.op,
        service,
        inventory,
        hosts: f.hosts,
        ...(opts.serial !== undefined ? { serial: opts.serial } : {}),
        collectLogs: opts.collectLogs,
        ...(opts.sendSignal !== undefined ? { sendSignal: opts.sendSignal } : {}),
        signal: f.signal,
        session: op,
      },
      f.connector,
    );
    await op.writeReport(outcome.report);
    const { rows, roll } = outcome;

    const { renderReport, renderStatusTable, renderSummaryLine, nagiosExitCode, detectColor, terminalWidth } = await import('../../report/index.js');
    const rollLine = roll ? describeRoll(service.name, roll) : undefined;
    if (rollLine) f.session.note(rollLine);
    const report = await f.session.writeReports(new Date(outcome.report.endedAt ?? Date.now()));
    if (!rollLine) f.session.log(`${opts.op} ${service.name}: ${report.status}`);
    const machine = MACHINE.includes(opts.output);
    const color = !machine && detectColor(process.env, process.stdout.isTTY === true);
    const session = f.sessionLabel ? { session: f.sessionLabel } : {};
    if (rows && !machine) {
      process.stdout.write(ensureNewline(renderStatusTable(rows, { color, width: terminalWidth(process.env, process.stdout) })));
      process.stdout.write(`${renderSummaryLine(report, f.sessionLabel)}\n`);
    } else {
      process.stdout.write(ensureNewline(renderReport(report, opts.output as never, { color, ...session })));
      if (rollLine && !machine) process.stdout.write(`${rollLine}\n`);
    }
    if (f.signal.aborted) return { exitCode: ExitCode.interrupted };
    return { exitCode: opts.output === 'nagios' ? nagiosExitCode(report) : exitCodeFor(report) };
  });
}

function ensureNewline(s: string): string {
  return s.endsWith('\n') ? s : `${s}\n`;
}
