// `exec`: one ad-hoc command on every selected host, each host's outcome a check named "exec".
import { join } from 'node:path';
import type { HostConfig } from '../config/types.js';
import { formatDuration } from '../config/duration.js';
import { buildHostResult } from '../results/aggregate.js';
import type { OperationSink } from '../session/sink.js';
import type { CheckResult, HostResult, RunReport } from '../results/types.js';
import { emptyMessages } from '../results/types.js';
import type { Connector } from '../transport/connector.js';
import type { CommandOutput } from '../transport/types.js';
import { fanOut } from './fanout.js';
import { HostResultCollector } from './host-results.js';
import { runSignal } from './run-signal.js';
import { writeResultFile } from '../results/results-write-error.js';

/** What to run where. */
export interface ExecRequest {
  hosts: readonly HostConfig[];
  command: string;
  /** A file sent to every host's command on its stdin (exec's forwarded local stdin). */
  stdinFile?: string;
  timeoutMs?: number;
  forks?: number;
  signal?: AbortSignal;
  session?: OperationSink;
  onHostDone?: (h: HostResult) => void;
  /** Each chunk of a host's output as it arrives (exec --live). */
  onOutput?: (host: string, stream: 'stdout' | 'stderr', chunk: Buffer) => void;
}

/** Turns one command's outcome into the "exec" check result; params.command records what ran (history keys on it). */
export function execResult(host: string, out: CommandOutput, timeoutMs: number | undefined, command: string): CheckResult {
  const messages = emptyMessages();
  let status: CheckResult['status'] = out.exitCode === 0 ? 'OK' : 'ERROR';
  if (out.timedOut) messages.error.push(`timed out after ${formatDuration(timeoutMs ?? 0)}; process tree killed`);
  else if (out.aborted) messages.error.push('interrupted');
  else if (out.exitCode === null) messages.error.push(`killed by ${out.signal ?? 'a signal'} (connection lost?)`);
  else if (out.exitCode !== 0) messages.error.push(`exit code ${out.exitCode}`);
  if (out.aborted) status = 'UNKNOWN';
  return {
    check: 'exec',
    host,
    status,
    messages,
    components: {},
    metrics: {},
    exitCode: out.exitCode,
    signal: out.signal,
    durationMs: out.durationMs,
    startedAt: out.startedAt,
    truncated: out.truncated,
    attempts: 1,
    params: { command },
    stdoutTail: tail(out.stdout),
    stderrTail: tail(out.stderr),
  };
}

/** The last few KB of an output, for reports (the whole output is in the session's files). */
export function tail(text: string, max = 4096): string {
  return text.length <= max ? text : text.slice(text.length - max);
}

/** What exec returns: the report, and each host's full in-memory output for grouping. */
export interface ExecOutcome {
  report: RunReport;
  outputs: Map<string, CommandOutput>;
  /** Each host's folder in the session holding the whole stdout and stderr (none with --no-results). */
  dirs: Map<string, string>;
}

/** Runs the command everywhere; returns the report (hosts in inventory order). */
export async function runExec(req: ExecRequest, connector: Connector): Promise<ExecOutcome> {
  const startedAt = new Date();
  const outputs = new Map<string, CommandOutput>();
  const dirs = new Map<string, string>();
  const collector = new HostResultCollector(req.hosts.map((h) => h.name), startedAt, req.session, req.onHostDone);
  const run = runSignal(req.signal);
  await fanOut(
    req.hosts,
    connector,
    {
      ...(req.forks !== undefined ? { forks: req.forks } : {}),
      signal: run.signal,
      onHostDone: collector.record,
      onFatal: run.abort,
    },
    async (conn, host) => {
      const dir = req.session ? await req.session.checkDir(host.name, 'exec') : undefined;
      if (dir) dirs.set(host.name, dir);
      const out = await conn.exec(req.command, {
        ...(req.timeoutMs ? { timeoutMs: req.timeoutMs } : {}),
        ...(req.stdinFile !== undefined ? { stdinFile: req.stdinFile } : {}),
        ...(req.onOutput ? { onStdout: (c: Buffer) => req.onOutput?.(host.name, 'stdout', c), onStderr: (c: Buffer) => req.onOutput?.(host.name, 'stderr', c) } : {}),
        signal: run.signal,
        env: host.env,
        sudo: host.sudo,
        ...(host.sudoPasswordEnv ? { sudoPasswordEnv: host.sudoPasswordEnv } : {}),
        ...(dir ? { stdoutFile: join(dir, 'stdout'), stderrFile: join(dir, 'stderr') } : {}),
      });
      outputs.set(host.name, out);
      const check = execResult(host.name, out, req.timeoutMs, req.command);
      if (dir) await writeResultFile(join(dir, 'result.json'), `${JSON.stringify(check, null, 2)}\n`);
      return buildHostResult(host.name, [check], out.durationMs);
    },
  ).finally(() => run.dispose());
  return { report: await collector.finish(new Date()), outputs, dirs };
}
