// `smoker status` without a service: every service that has a status command, on its selected hosts, as one table and one session.
import { ExitCode, UsageError } from '../../errors.js';
import { exitCodeFor } from '../../results/exit-code.js';
import { renameChecks } from '../../results/rename-checks.js';
import { runServiceOp, selectServiceHosts } from '../../services/operations.js';
import { ensureNewline } from '../../report/text.js';
import { MACHINE, printStatusTable, type ServiceCommandOptions } from './service.js';
import { withHostCommand } from './host-command.js';
import { loadConfig } from './load-config.js';

/** Runs `status` for every service with a status command and prints one table (or one report). */
export async function runStatusAll(opts: ServiceCommandOptions): Promise<void> {
  const { inventory, checks } = await loadConfig(opts.inventory, opts.checks);
  const all = [...checks.services.values()];
  const services = all.filter((s) => s.status !== undefined);
  if (services.length === 0) {
    throw new UsageError(all.length === 0 ? 'no services: section in the check files' : `no service has a status: command (services: ${all.map((s) => s.name).join(', ')})`);
  }
  const skipped = all.filter((s) => s.status === undefined).map((s) => `${s.name}: no status command`);
  const checkSelection = (hosts: Parameters<typeof selectServiceHosts>[2]) => {
    if (!services.some((s) => selectServiceHosts(s, inventory, hosts).length > 0)) throw new UsageError('no selected host runs any service');
  };
  await withHostCommand({ ...opts, command: 'status', filters: { services: services.map((s) => s.name) }, loaded: inventory, checkSelection }, async (f) => {
    const running = services.map((service) => ({ service, hosts: selectServiceHosts(service, inventory, f.hosts) })).filter((r) => r.hosts.length > 0);
    await f.session.plan([...new Set(running.flatMap((r) => r.hosts.map((h) => h.name)))]);
    // Each service is its own operation; its steps are named `status SERVICE` so the session keeps them apart.
    const outcomes = await Promise.all(
      running.map(async ({ service }) => {
        const op = f.session.operation(`status ${service.name}`);
        const outcome = await runServiceOp({ op: 'status', service, inventory, hosts: f.hosts, collectLogs: opts.collectLogs, signal: f.signal, session: op }, f.connector);
        await op.writeReport(renameChecks(outcome.report, (check) => `${check} ${service.name}`));
        return outcome;
      }),
    );
    const report = await f.session.writeReports(new Date());
    f.session.log(`status of ${running.length} services: ${report.status}`);
    const { renderReport, nagiosExitCode, detectColor } = await import('../../report/index.js');
    const machine = MACHINE.includes(opts.output);
    const color = !machine && detectColor(process.env, process.stdout.isTTY === true);
    if (machine) process.stdout.write(ensureNewline(renderReport(report, opts.output as never, { color, ...(f.sessionLabel ? { session: f.sessionLabel } : {}) })));
    else {
      await printStatusTable(outcomes.flatMap((o) => o.rows ?? []), report, f.sessionLabel, color);
      for (const line of skipped) process.stdout.write(`${line}\n`);
    }
    if (f.signal.aborted) return { exitCode: ExitCode.interrupted };
    return { exitCode: opts.output === 'nagios' ? nagiosExitCode(report) : exitCodeFor(report) };
  });
}
