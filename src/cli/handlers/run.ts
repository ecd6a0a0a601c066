// Handler of `smoker run`: load, run, write the session's reports, print, set the exit code.
import { parseDuration } from '../../config/duration.js';
import type { HostConfig } from '../../config/types.js';
import { didYouMean } from '../../config/suggest.js';
import { ExitCode, SelectionError, UsageError } from '../../errors.js';
import { exitCodeFor } from '../../results/exit-code.js';
import { describeFilters, unmatchedFilters, type CheckFilters } from '../../run/filters.js';
import { planRun } from '../../run/plan.js';
import { runChecks } from '../../run/run-checks.js';
import { parseShard, type Shard } from '../../run/shard.js';
import { filtersFrom, type FilterArgs } from '../filter-options.js';
import { selectFromLatest } from '../previous-results.js';
import { applyConnectionArgs, type ConnectionArgs } from '../connection-options.js';
import { resultsRoot, type SessionArgs } from '../session-options.js';
import { withHostCommand } from './host-command.js';
import { loadConfig } from './load-config.js';
import { startProgress } from './progress.js';
import { startHostStream } from './host-stream.js';
import type { HumanLevel } from '../../report/options.js';
import { sleepFor } from '../../sleep-for.js';
import { ensureNewline } from '../../report/text.js';

/** Options of the run handler. */
export interface RunCommandOptions {
  inventory: string;
  pattern: string | undefined;
  checks: string[] | undefined;
  output: string;
  forks: number | undefined;
  every: string | undefined;
  failOn: 'error' | 'warn';
  /** --sort: human output waits for every host and prints them in inventory order, instead of each as it finishes. */
  sort?: boolean;
  /** --shard K/N as given. */
  shard?: string | undefined;
  /** --plan: print what each host would run, connect nowhere. */
  plan?: boolean;
  /** --watch SERVICE...: services whose logs are watched while the checks run. */
  watch?: string[] | undefined;
  /** --strict: configuration warnings are errors. */
  strict?: boolean | undefined;
  filters: FilterArgs;
  /** -u, --private-key, -e, --become. */
  connection?: ConnectionArgs;
  session: SessionArgs;
  argv: string[];
}

/** Sessions kept by `run --every` without --keep. */
export const EVERY_DEFAULT_KEEP = 100;

/** Runs the checks once, or every DURATION until interrupted. */
export async function runRunCommand(opts: RunCommandOptions): Promise<void> {
  const everyMs = opts.every === undefined ? undefined : parseDuration(opts.every);
  if (opts.every !== undefined && !everyMs) throw new UsageError(`--every: expected a duration like 5m, got "${opts.every}"`);
  const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
  const { inventory, checks } = await loadConfig(opts.inventory, opts.checks, { strict: opts.strict });
  for (const name of opts.watch ?? []) if (!checks.services.has(name)) throw new UsageError(`--watch: unknown service "${name}"${didYouMean(name, checks.services.keys())}`);
  const filters = withPreviousResults(filtersFrom(opts.filters), opts);
  const unmatched = unmatchedFilters(checks.checks, filters);
  if (unmatched.length > 0) throw new SelectionError(unmatched.join('\n'), { nagios: opts.output === 'nagios' });
  if (opts.plan) return printPlan(opts, inventory, checks, filters, shard);
  // --every writes a session per round (~1,200 an hour at 3s): without --keep, only the newest 100 stay.
  const rounds = everyMs === undefined || opts.session.keep !== undefined ? opts : { ...opts, session: { ...opts.session, keep: EVERY_DEFAULT_KEEP } };
  if (everyMs === undefined) return runOnce(rounds, inventory, checks, filters, shard);
  // A Ctrl-C at any moment of --every (in a round, while its session closes, between rounds) ends the loop.
  const stop = new AbortController();
  const onInt = () => stop.abort();
  process.on('SIGINT', onInt);
  try {
    for (;;) {
      await runOnce(rounds, inventory, checks, filters, shard);
      if (process.exitCode === ExitCode.interrupted || stop.signal.aborted) break;
      await sleepFor(everyMs, stop.signal);
      if (stop.signal.aborted) break;
    }
    if (stop.signal.aborted) process.exitCode = ExitCode.interrupted;
  } finally {
    process.off('SIGINT', onInt);
  }
}

type Loaded = Awaited<ReturnType<typeof loadConfig>>;

async function runOnce(opts: RunCommandOptions, inventory: Loaded['inventory'], checks: Loaded['checks'], filters: CheckFilters, shard: Shard | undefined): Promise<void> {
  const machine = ['json', 'tap', 'junit', 'nagios'].includes(opts.output);
  // Nothing to run is a mistake (exit 2, no session), except when --error/--nook found nothing to re-run.
  // Judged before --shard: one CI job's share may be empty when there are fewer hosts than shards.
  const checkSelection = (hosts: readonly HostConfig[]) => {
    if (filters.only === undefined && planRun(inventory, hosts, checks.checks, filters).length === 0) {
      throw new SelectionError('no check matched the hosts and filters given', { nagios: opts.output === 'nagios' });
    }
  };
  await withHostCommand({ ...opts, command: 'run', filters: describeFilters(filters), loaded: inventory, shard, checkSelection }, async (f) => {
    const progress = machine ? undefined : await startProgress(f.hosts.length, 'run', { plain: (opts.connection?.verbose ?? 0) > 0 });
    // Hosts left without a check do not run: record the planned ones so a killed run can say "N of M finished".
    const planned = planRun(inventory, f.hosts, checks.checks, filters).map((p) => p.host.name);
    await f.session.plan(planned);
    const { renderReport, renderHuman, nagiosExitCode, detectColor } = await import('../../report/index.js');
    const color = !machine && detectColor(process.env, process.stdout.isTTY === true);
    const level = opts.output as HumanLevel;
    // Human output streams (each host as it finishes) unless --sort; machine formats never do.
    const stream = machine || opts.sort ? undefined : await startHostStream(level, planned.length, { color }, (t) => (progress ? progress.print(t) : process.stdout.write(t)));
    const op = f.session.operation('run');
    const checked = await runChecks(
      {
        inventory, hosts: f.hosts, checks, filters, ...(opts.watch?.length ? { watch: opts.watch } : {}), ...(opts.forks !== undefined ? { forks: opts.forks } : {}), signal: f.signal, session: op,
        onHostDone: (h) => {
          progress?.tick(h);
          stream?.host(h);
        },
      },
      f.connector,
    ).finally(() => progress?.stop());
    await op.writeReport(checked);
    const report = await f.session.writeReports(new Date(checked.endedAt ?? Date.now()));
    const renderOpts = { color, failOn: opts.failOn, ...(f.sessionLabel ? { session: f.sessionLabel } : {}) };
    process.stdout.write(ensureNewline(machine ? renderReport(report, opts.output as never, renderOpts) : renderHuman(report, level, renderOpts, stream?.printed)));
    if (Object.keys(report.hosts).length === 0) process.stderr.write('smoker: no check matched the hosts and filters given\n');
    return { exitCode: opts.output === 'nagios' ? nagiosExitCode(report) : exitCodeFor(report, opts.failOn) };
  });
}

/** `run --plan`: each selected host and the exact commands its checks would run; nothing connects, no session. */
async function printPlan(opts: RunCommandOptions, inventory: Loaded['inventory'], checks: Loaded['checks'], filters: CheckFilters, shard: Shard | undefined): Promise<void> {
  const { selectCommandHosts } = await import('./host-command.js');
  const { planCommands } = await import('../../run/plan-commands.js');
  const planned = planCommands(planRun(inventory, applyConnectionArgs(selectCommandHosts(inventory, opts.pattern, shard), opts.connection), checks.checks, filters));
  if (opts.output === 'json') process.stdout.write(`${JSON.stringify({ hosts: planned }, null, 2)}\n`);
  else {
    const { renderPlan } = await import('../../report/plan-text.js');
    process.stdout.write(renderPlan(planned));
  }
  if (planned.length === 0) throw new UsageError('no check matched the hosts and filters given');
  process.exitCode = planned.some((h) => h.commands.some((c) => c.error !== undefined)) ? ExitCode.usage : ExitCode.ok;
}

function withPreviousResults(filters: CheckFilters, opts: RunCommandOptions): CheckFilters {
  if (!opts.filters.error && !opts.filters.nook) return filters;
  const root = resultsRoot(opts.session) ?? 'results';
  return { ...filters, only: selectFromLatest(root, opts.filters.error ? 'error' : 'nook') };
}

