// Handler of `smoker exec`.
import { parseDuration } from '../../config/duration.js';
import { UsageError } from '../../errors.js';
import { exitCodeFor } from '../../results/exit-code.js';
import { detectColor } from '../../report/color.js';
import { renderExecGroups } from '../../report/exec-groups.js';
import { LiveLines, renderLiveEnd } from '../../report/live-lines.js';
import { runExec } from '../../run/exec.js';
import { parseShard, type Shard } from '../../run/shard.js';
import type { ConnectionArgs } from '../connection-options.js';
import type { SessionArgs } from '../session-options.js';
import { spoolStdin, stdinHasData } from '../stdin-spool.js';
import { withHostCommand } from './host-command.js';
import { startProgress } from './progress.js';

/** Runs an ad-hoc command and prints grouped outputs (or JSON). */
export async function runExecCommand(opts: {
  inventory: string;
  pattern: string | undefined;
  command: string;
  output: 'normal' | 'json';
  timeout: string | undefined;
  forks: number | undefined;
  /** --live: lines as they arrive, prefixed `host: `. */
  live?: boolean;
  /** Forward local stdin when it carries data. */
  stdin: boolean;
  /** --shard K/N as given. */
  shard?: string | undefined;
  session: SessionArgs;
  /** -u, --private-key, -e, --become. */
  connection?: ConnectionArgs;
  argv: string[];
}): Promise<void> {
  const timeoutMs = opts.timeout === undefined ? undefined : parseDuration(opts.timeout);
  if (opts.timeout !== undefined && timeoutMs === undefined) throw new UsageError(`--timeout: expected a duration like 30s, got "${opts.timeout}"`);
  const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
  if (opts.live && opts.output === 'json') throw new UsageError('--live prints lines as they arrive: it cannot be combined with -o json');
  const spool = opts.stdin && stdinHasData() ? await spoolStdin() : undefined;
  try {
    await execOn(opts, shard, timeoutMs, spool?.file);
  } finally {
    await spool?.remove();
  }
}

async function execOn(opts: Parameters<typeof runExecCommand>[0], shard: Shard | undefined, timeoutMs: number | undefined, stdinFile: string | undefined): Promise<void> {
  await withHostCommand({ ...opts, command: 'exec', shard }, async (f) => {
    const progress = opts.output === 'json' || opts.live ? undefined : await startProgress(f.hosts.length, 'exec', { plain: (opts.connection?.verbose ?? 0) > 0 });
    const live = opts.live ? new LiveLines({ stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) }) : undefined;
    const op = f.session.operation('exec');
    const { report: ran, outputs, dirs } = await runExec(
      {
        hosts: f.hosts,
        command: opts.command,
        ...(stdinFile !== undefined ? { stdinFile } : {}),
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
        ...(opts.forks !== undefined ? { forks: opts.forks } : {}),
        signal: f.signal,
        session: op,
        onHostDone: (h) => {
          live?.flush(h.host);
          progress?.tick(h);
        },
        ...(live ? { onOutput: (host: string, stream: 'stdout' | 'stderr', chunk: Buffer) => live.push(host, stream, chunk) } : {}),
      },
      f.connector,
    ).finally(() => progress?.stop());
    await op.writeReport(ran);
    const report = await f.session.writeReports(new Date(ran.endedAt ?? Date.now()));
    if (opts.output === 'json') {
      const hosts = Object.values(report.hosts).map((h) => {
        const out = outputs.get(h.host);
        return { host: h.host, status: h.status, ...(h.unreachable !== undefined ? { unreachable: h.unreachable } : {}), ...(out ? { ...out } : {}) };
      });
      process.stdout.write(`${JSON.stringify({ hosts, counts: report.counts, durationMs: report.durationMs, session: f.sessionLabel ?? null }, null, 2)}\n`);
    } else if (live) {
      const end = renderLiveEnd(report, f.sessionLabel);
      process.stderr.write(end.stderr);
      process.stdout.write(end.stdout);
    } else {
      const text = renderExecGroups(report, outputs, { color: detectColor(process.env, process.stdout.isTTY === true), dirs, ...(f.sessionLabel ? { session: f.sessionLabel } : {}) });
      process.stderr.write(text.stderr);
      process.stdout.write(text.stdout);
    }
    return { exitCode: exitCodeFor(report) };
  });
}
