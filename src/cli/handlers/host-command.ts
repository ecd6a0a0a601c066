// The frame every host-touching command shares: inventory, host selection, connector, session, Ctrl-C, exit code.
import { loadAnyInventory } from '../../config/load-any-inventory.js';
import { selectHostsStrict } from '../../config/patterns.js';
import type { HostConfig, Inventory } from '../../config/types.js';
import { ExitCode } from '../../errors.js';
import { asResultsWriteError } from '../../results/results-write-error.js';
import { formatShard, selectShard, type Shard } from '../../run/shard.js';
import { Session } from '../../session/session.js';
import { Connector } from '../../transport/connector.js';
import { applyConnectionArgs, connectionTrace, type ConnectionArgs } from '../connection-options.js';
import { hostUniverse } from '../host-universe.js';
import { trapInterrupts } from '../interrupt.js';
import { resultsRoot, type SessionArgs } from '../session-options.js';

/** Everything a host command needs while it runs. */
export interface HostCommandFrame {
  inventory: Inventory;
  hosts: HostConfig[];
  connector: Connector;
  /** The command's session (it writes no files with --no-results). */
  session: Session;
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
  /** -u, --private-key, -e, --become: applied to every selected host. */
  connection?: ConnectionArgs | undefined;
}

/** The hosts a command works on: those `pattern` selects (all without one), then the shard's share. */
export function selectCommandHosts(inventory: Inventory, pattern: string | undefined, shard: Shard | undefined): HostConfig[] {
  return takeShard(selectPatternHosts(inventory, pattern), shard);
}

/** The hosts `pattern` selects, in inventory order (all without one). */
function selectPatternHosts(inventory: Inventory, pattern: string | undefined): HostConfig[] {
  const names = pattern ? new Set(selectHostsStrict(pattern, hostUniverse(inventory))) : undefined;
  return inventory.hosts.filter((h) => !names || names.has(h.name));
}

function takeShard(hosts: HostConfig[], shard: Shard | undefined): HostConfig[] {
  return shard ? selectShard(hosts, shard, (h) => h.name) : hosts;
}

/** Sets up, runs `body`, then finishes the session and sets process.exitCode. */
export async function withHostCommand(opts: HostCommandOptions, body: (frame: HostCommandFrame) => Promise<{ exitCode: number }>): Promise<void> {
  const inventory = opts.loaded ?? (await loadAnyInventory(opts.inventory)).inventory;
  for (const w of inventory.warnings) process.stderr.write(`warning: ${w}\n`);
  const selected = selectPatternHosts(inventory, opts.pattern);
  opts.checkSelection?.(selected);
  const hosts = applyConnectionArgs(takeShard(selected, opts.shard), opts.connection);
  const session = await Session.open({
    root: resultsRoot(opts.session),
    command: opts.command,
    argv: opts.argv,
    inventory: inventory.file,
    hosts: hosts.map((h) => h.name),
    filters: opts.filters,
    keep: opts.session.keep,
    shard: opts.shard ? formatShard(opts.shard) : undefined,
  });
  const connector = new Connector({
    inventoryHosts: inventory.hosts,
    warn: (m) => {
      process.stderr.write(`warning: ${m}\n`);
      session.log(`warning: ${m}`);
    },
    trace: connectionTrace(opts.connection?.verbose, (line) => session.log(line)),
  });
  const trap = trapInterrupts(() => session.log('interrupted by user'));
  // A session that cannot be written (full disk) stops the run as Ctrl-C would, then fails it with exit 70.
  const signal = AbortSignal.any([trap.signal, session.failure]);
  try {
    const { exitCode } = await body({ inventory, hosts, connector, session, signal, sessionLabel: session.label });
    if (session.failure.aborted) throw session.failure.reason;
    await session.close(trap.signal.aborted ? 'interrupted' : 'complete');
    // Read again after close: a Ctrl-C while the session was being written still ends the command (and --every).
    process.exitCode = trap.signal.aborted ? ExitCode.interrupted : exitCode;
  } catch (err) {
    throw await endFailedSession(session, err, trap.signal.aborted);
  } finally {
    trap.dispose();
    await connector.close();
  }
}

/** Ends a session whose command threw: `interrupted` after Ctrl-C, else `failed` with the reason; returns the error to report. */
async function endFailedSession(session: Session, err: unknown, interrupted: boolean): Promise<unknown> {
  const failure = session.failure.aborted ? (session.failure.reason as Error) : (session.dir ? (asResultsWriteError(err, session.dir) ?? err) : err);
  const reason = failure instanceof Error ? failure.message : String(failure);
  try {
    await session.close(interrupted && !session.failure.aborted ? 'interrupted' : 'failed', reason);
  } catch (finishErr) {
    process.stderr.write(`smoker: could not record the failure in ${session.dir}/session.json either: ${(finishErr as Error).message}\n`);
  }
  return failure;
}
