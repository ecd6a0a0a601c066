// Handler of the service commands: load, run the operation in the host-command frame, print, exit code.
import { existsSync } from 'node:fs';
import { ExitCode, UsageError } from '../../errors.js';
import { didYouMean } from '../../config/suggest.js';
import { exitCodeFor } from '../../results/exit-code.js';
import { describeRoll, runServiceOp, selectServiceHosts, validateServiceRequest, type CollectLogs, type ServiceOp } from '../../services/operations.js';
import { applyConnectionArgs, type ConnectionArgs } from '../connection-options.js';
import type { ServiceDef } from '../../config/check-types.js';
import type { Inventory } from '../../config/types.js';
import type { SessionArgs } from '../session-options.js';
import type { ServiceStatusRow } from '../../report/status-table.js';
import type { RunReport } from '../../results/types.js';
import { selectCommandHosts, withHostCommand } from './host-command.js';
import { loadConfig } from './load-config.js';
import { ensureNewline } from '../../report/text.js';

/** Options of a service command. */
export interface ServiceCommandOptions {
  op: ServiceOp;
  /** Undefined only for status: every service. */
  service: string | undefined;
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
  /** --plan: print the batches and each host's commands, connect nowhere. */
  plan?: boolean;
  argv: string[];
}

/** Output formats for machines: no table. */
export const MACHINE = ['json', 'tap', 'junit', 'nagios'];

/** Runs one service operation and prints its report (status: a table). */
export async function runServiceCommand(opts: ServiceCommandOptions): Promise<void> {
  if (opts.service === undefined) {
    const { runStatusAll } = await import('./status-all.js');
    return runStatusAll(opts);
  }
  const { inventory, checks } = await loadConfig(opts.inventory, opts.checks);
  const service = checks.services.get(opts.service);
  if (!service) {
    const known = [...checks.services.keys()];
    const hint = didYouMean(opts.service, known) || (known.length ? ` (services: ${known.join(', ')})` : ' (no services: section in the check files)');
    const asFile = opts.op === 'status' && existsSync(opts.service) ? `; for the status of every service in inventory ${opts.service}, write ./${opts.service}` : '';
    throw new UsageError(`unknown service "${opts.service}"${hint}${asFile}`);
  }
  validateServiceRequest({ op: opts.op, service, ...(opts.serial !== undefined ? { serial: opts.serial } : {}), ...(opts.sendSignal !== undefined ? { sendSignal: opts.sendSignal } : {}) });
  if (opts.plan) return printServicePlan(opts, inventory, service);
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

    const { renderReport, nagiosExitCode, detectColor } = await import('../../report/index.js');
    const rollLine = roll ? describeRoll(service.name, roll) : undefined;
    if (rollLine) f.session.note(rollLine);
    const report = await f.session.writeReports(new Date(outcome.report.endedAt ?? Date.now()));
    if (!rollLine) f.session.log(`${opts.op} ${service.name}: ${report.status}`);
    const machine = MACHINE.includes(opts.output);
    const color = !machine && detectColor(process.env, process.stdout.isTTY === true);
    const session = f.sessionLabel ? { session: f.sessionLabel } : {};
    if (rows && !machine) {
      await printStatusTable(rows, report, f.sessionLabel, color);
    } else {
      process.stdout.write(ensureNewline(renderReport(report, opts.output as never, { color, ...session })));
      if (rollLine && !machine) process.stdout.write(`${rollLine}\n`);
    }
    if (f.signal.aborted) return { exitCode: ExitCode.interrupted };
    return { exitCode: opts.output === 'nagios' ? nagiosExitCode(report) : exitCodeFor(report) };
  });
}

/** --plan: the batches in order and each host's commands, templates filled; nothing connects, no session. */
async function printServicePlan(opts: ServiceCommandOptions, inventory: Inventory, service: ServiceDef): Promise<void> {
  const { planServiceOp } = await import('../../services/plan-service.js');
  const hosts = applyConnectionArgs(selectCommandHosts(inventory, opts.pattern, undefined), opts.connection);
  if (selectServiceHosts(service, inventory, hosts).length === 0) throw new UsageError(`service ${service.name}: no selected host runs it${service.hosts ? ` (its hosts: ${service.hosts})` : ''}`);
  const plan = planServiceOp({ op: opts.op, service, inventory, hosts, ...(opts.serial !== undefined ? { serial: opts.serial } : {}), ...(opts.sendSignal !== undefined ? { sendSignal: opts.sendSignal } : {}) });
  if (opts.output === 'json') process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
  else {
    const { renderServicePlan } = await import('../../report/service-plan-text.js');
    process.stdout.write(renderServicePlan(plan));
  }
  const broken = plan.rounds.some((r) => r.batches.some((b) => b.some((h) => h.error !== undefined)));
  process.exitCode = broken ? ExitCode.usage : ExitCode.ok;
}

/** Prints status rows as a table, then the summary line. */
export async function printStatusTable(rows: readonly ServiceStatusRow[], report: RunReport, sessionLabel: string | undefined, color: boolean): Promise<void> {
  const { renderStatusTable, renderSummaryLine, terminalWidth } = await import('../../report/index.js');
  process.stdout.write(ensureNewline(renderStatusTable(rows, { color, width: terminalWidth(process.env, process.stdout) })));
  process.stdout.write(`${renderSummaryLine(report, sessionLabel)}\n`);
}

