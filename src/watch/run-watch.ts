// Watchers during `run`: a check's `watch: SERVICE` tails that service's logs while the check runs;
// `run --watch SERVICE` tails them on each host while all of its checks run.
import type { CheckDef, ServiceDef } from '../config/check-types.js';
import { selectHosts } from '../config/patterns.js';
import type { HostConfig, Inventory } from '../config/types.js';
import type { OperationSink } from '../session/sink.js';
import type { CheckResult } from '../results/types.js';
import { resolveHostService } from '../services/host-service.js';
import type { Connection } from '../transport/types.js';
import { attachFindings, describeWatch } from './attach.js';
import { StepClock } from './step-clock.js';
import { startWatchers, type WatchGroup } from './watch-group.js';

/** What the run's watchers need. */
export interface RunWatchOptions {
  services: ReadonlyMap<string, ServiceDef>;
  inventory: Inventory;
  /** Services watched on every host for the whole run (`run --watch`). */
  watch?: readonly string[];
  session?: OperationSink;
  signal?: AbortSignal;
}

/** The watchers of one host during a run. */
export interface HostWatch {
  /** Runs a check, under its own `watch:` service if it has one; the host-wide watch notes when it ran. */
  check(check: CheckDef, run: () => Promise<CheckResult>): Promise<CheckResult>;
  /** Stops the host-wide watchers and puts their findings on the checks (once; later calls do nothing). */
  finish(results: readonly CheckResult[]): Promise<void>;
}

/** Watchers for a run; one per run, asked for each host as it starts. */
export class RunWatch {
  private readonly universe: { hosts: string[]; groups: Inventory['groups'] };
  constructor(private readonly opts: RunWatchOptions) {
    this.universe = { hosts: opts.inventory.hosts.map((h) => h.name), groups: opts.inventory.groups };
  }

  /** Starts the host-wide watchers of a host (none without --watch). */
  async forHost(conn: Connection, host: HostConfig): Promise<HostWatch> {
    const clock = new StepClock();
    const global = await this.start(conn, host, this.opts.watch ?? [], () => clock.current());
    let finished: Promise<void> | undefined;
    return {
      check: async (check, run) => {
        const end = clock.begin(check.name);
        const own = check.watch ? await this.start(conn, host, [check.watch], () => check.name) : undefined;
        try {
          const result = await run();
          if (own) attachFindings([result], await own.stop());
          return result;
        } finally {
          end();
          await own?.stop();
        }
      },
      finish: (results) =>
        (finished ??= (async () => {
          if (!global) return;
          const found = await global.stop();
          attachFindings(results, found);
          for (const w of found) this.opts.session?.log(`${host.name}: watcher ${describeWatch(w)}`);
        })()),
    };
  }

  /** Starts the watchers of the named services that run on this host, or nothing. */
  private async start(conn: Connection, host: HostConfig, names: readonly string[], tag: () => string | undefined): Promise<WatchGroup<string | undefined> | undefined> {
    const targets = [];
    let sudo = false;
    for (const name of names) {
      const svc = this.opts.services.get(name);
      if (!svc || !this.runsOn(svc, host)) continue;
      const r = resolveHostService(svc, host);
      if ('error' in r) {
        this.opts.session?.log(`${host.name}: cannot watch ${name}: ${r.error}`);
        continue;
      }
      targets.push(...r.service.watch);
      sudo ||= r.service.execOptions.sudo === true;
    }
    if (targets.length === 0) return undefined;
    const dir = this.opts.session ? await this.opts.session.subdir('watch', host.name) : undefined;
    const group = await startWatchers(conn, targets, {
      ...(dir ? { dir } : {}),
      ...(sudo ? { sudo: true } : {}),
      ...(host.sudoPasswordEnv ? { sudoPasswordEnv: host.sudoPasswordEnv } : {}),
      ...(this.opts.signal ? { signal: this.opts.signal } : {}),
      tag,
    });
    // stop() may be called twice (after the check, and in finally): the second call returns nothing new.
    let stopped: ReturnType<typeof group.stop> | undefined;
    return { stop: () => (stopped ??= group.stop()) };
  }

  private runsOn(svc: ServiceDef, host: HostConfig): boolean {
    return svc.hosts === undefined || selectHosts(svc.hosts, this.universe).hosts.includes(host.name);
  }
}
