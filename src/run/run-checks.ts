// `run`: every selected check on every selected host, over one connection per host, into one report.
import type { CheckSet } from '../config/check-types.js';
import type { HostConfig, Inventory } from '../config/types.js';
import { resolveParser, type Parser } from '../parsers/index.js';
import { buildHostResult } from '../results/aggregate.js';
import type { OperationSink } from '../session/sink.js';
import type { CheckResult, HostResult, RunReport } from '../results/types.js';
import type { Connector } from '../transport/connector.js';
import { LocalConnection } from '../transport/local-connection.js';
import type { Connection } from '../transport/types.js';
import { runCheck } from './check-runner.js';
import { HostResultCollector } from './host-results.js';
import { runSignal } from './run-signal.js';
import { fanOut } from './fanout.js';
import type { CheckFilters } from './filters.js';
import { HostModules } from './module-files.js';
import { planRun } from './plan.js';
import type { HostWatch, RunWatch, RunWatchOptions } from '../watch/run-watch.js';

/** What to run. */
export interface RunRequest {
  inventory: Inventory;
  /** Hosts selected by -H (all when omitted). */
  hosts?: readonly HostConfig[];
  checks: CheckSet;
  filters?: CheckFilters;
  forks?: number;
  signal?: AbortSignal;
  session?: OperationSink;
  onHostDone?: (h: HostResult) => void;
  /** Services whose `watch:` logs are tailed on their hosts while the checks run (`run --watch`). */
  watch?: readonly string[];
}

/** Runs the checks and returns the report; unreachable hosts are results, not exceptions. */
export async function runChecks(req: RunRequest, connector: Connector): Promise<RunReport> {
  const startedAt = new Date();
  const plan = planRun(req.inventory, req.hosts ?? req.inventory.hosts, req.checks.checks, req.filters ?? {});
  const parsers = new Map<string, Promise<Parser>>();
  for (const c of req.checks.checks) parsers.set(c.name, resolveParser(c.module !== undefined ? 'auto' : c.parser, c.baseDir));
  const checksOf = new Map(plan.map((p) => [p.host.name, p.checks]));
  const local = new LocalConnection('controller', 8);
  const collector = new HostResultCollector(plan.map((p) => p.host.name), startedAt, req.session, req.onHostDone);
  const run = runSignal(req.signal);
  const watch = await openWatch(req, { services: req.checks.services, inventory: req.inventory, ...(req.watch ? { watch: req.watch } : {}), ...(req.session ? { session: req.session } : {}), signal: run.signal });

  const runHost = async (conn: Connection, host: HostConfig): Promise<HostResult> => {
    const start = Date.now();
    const modules = new HostModules(conn);
    const watching = watch ? await watch.forHost(conn, host) : UNWATCHED;
    try {
      const done: CheckResult[] = await Promise.all(
        (checksOf.get(host.name) ?? []).map(async (check) =>
          watching.check(check, async () =>
            runCheck(check, {
              conn,
              host,
              modules,
              parser: await (parsers.get(check.name) as Promise<Parser>),
              action: check.action ? req.checks.actions.get(check.action) : undefined,
              dir: req.session ? await req.session.checkDir(host.name, check.name) : undefined,
              signal: run.signal,
              local,
            }),
          ),
        ),
      );
      await watching.finish(done);
      return buildHostResult(host.name, done, Date.now() - start);
    } finally {
      await watching.finish([]);
      await modules.cleanup();
    }
  };

  try {
    await fanOut(plan.map((p) => p.host), connector, { ...(req.forks !== undefined ? { forks: req.forks } : {}), signal: run.signal, onHostDone: collector.record }, runHost);
  } finally {
    run.dispose();
  }
  return collector.finish(new Date());
}

/** A host nothing watches: checks just run. */
const UNWATCHED: HostWatch = { check: (_check, run) => run(), finish: async () => undefined };

/** The run's watchers, or undefined when nothing is watched: src/watch/ is loaded only for runs that watch. */
async function openWatch(req: RunRequest, opts: RunWatchOptions): Promise<RunWatch | undefined> {
  if (!req.watch?.length && !req.checks.checks.some((c) => c.watch !== undefined)) return undefined;
  const { RunWatch } = await import('../watch/run-watch.js');
  return new RunWatch(opts);
}
