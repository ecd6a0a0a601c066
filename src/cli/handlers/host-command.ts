// The frame every host-touching command shares: inventory, host selection, connector, session, Ctrl-C, exit code.
import { loadAnyInventory } from '../../config/load-any-inventory.js';
import { selectHostsStrict } from '../../config/patterns.js';
import type { HostConfig, Inventory } from '../../config/types.js';
import { ExitCode } from '../../errors.js';
import { SessionWriter, pruneSessions } from '../../results/session-writer.js';
import type { RunReport } from '../../results/types.js';
import { formatShard, selectShard, type Shard } from '../../run/shard.js';
import { Connector } from '../../transport/connector.js';
import { trapInterrupts } from '../interrupt.js';
import { resultsRoot, type SessionArgs } from '../session-options.js';

/** Everything a host command needs while it runs. */
export interface HostCommandFrame {
  inventory: Inventory;
  hosts: HostConfig[];
  connector: Connector;
  session: SessionWriter | undefined;
  signal: AbortSignal;
  /** Path of the session for display, e.g. results/2026-11-22--001. */
  sessionLabel: string | undefined;
}

/** Options of a host command. */
export interface HostCommandOptions {
  inventory: string;
  pattern: string | undefined;
  command: string;
  argv: string[];
  session: SessionArgs;
  filters?: Record<string, unknown>;
  /** An already loaded inventory (e.g. converted from Ansible). */
  loaded?: Inventory;
  /** --shard K/N: only this shard of the hosts the pattern selects. */
  shard?: Shard | undefined;
  /** Checks the hosts -H selected (before --shard takes its share) before anything starts; throws to stop with nothing run and no session. */
  checkSelection?: (hosts: readonly HostConfig[]) => void;
}

/** Sets up, runs `body`, then finishes the session and sets process.exitCode. */
export async function withHostCommand(opts: HostCommandOptions, body: (frame: HostCommandFrame) => Promise<{ report: RunReport; exitCode: number }>): Promise<void> {
  const inventory = opts.loaded ?? (await loadAnyInventory(opts.inventory)).inventory;
  for (const w of inventory.warnings) process.stderr.write(`warning: ${w}\n`);
  const names = opts.pattern ? new Set(selectHostsStrict(opts.pattern, { hosts: inventory.hosts.map((h) => h.name), groups: inventory.groups })) : undefined;
  const selected = inventory.hosts.filter((h) => !names || names.has(h.name));
  const hosts = opts.shard ? selectShard(selected, opts.shard, (h) => h.name) : selected;
  opts.checkSelection?.(selected);
  const root = resultsRoot(opts.session);
  const { version } = await import('../../version.js');
  const session = root
    ? await SessionWriter.create(root, {
        command: opts.command,
        argv: opts.argv,
        inventory: inventory.file,
        hosts: hosts.map((h) => h.name),
        ...(opts.filters ? { filters: opts.filters } : {}),
        ...(opts.shard ? { shard: formatShard(opts.shard) } : {}),
        versions: { smoker: version, node: process.version },
      })
    : undefined;
  const connector = new Connector({
    inventoryHosts: inventory.hosts,
    warn: (m) => {
      process.stderr.write(`warning: ${m}\n`);
      session?.log(`warning: ${m}`);
    },
  });
  const trap = trapInterrupts(() => session?.log('interrupted by user'));
  try {
    const { report, exitCode } = await body({ inventory, hosts, connector, session, signal: trap.signal, sessionLabel: session ? `${root}/${session.id}` : undefined });
    const interrupted = trap.signal.aborted;
    if (session) {
      await session.writeReport(report);
      await session.finish(interrupted ? 'interrupted' : 'complete', { counts: report.counts });
      if (opts.session.keep !== undefined && root) await pruneSessions(root, opts.session.keep);
    }
    process.exitCode = interrupted ? ExitCode.interrupted : exitCode;
  } catch (err) {
    await session?.finish(trap.signal.aborted ? 'interrupted' : 'complete').catch(() => undefined);
    throw err;
  } finally {
    trap.dispose();
    await connector.close();
  }
}
