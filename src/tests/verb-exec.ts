// `exec`: a command on the test's hosts, its output in the step folder, judged against `expect`.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { formatDuration } from '../config/duration.js';
import type { ExpectSpec } from '../config/test-types.js';
import type { HostConfig } from '../config/types.js';
import { takeLastLines } from '../services/step-result.js';
import { describeExit } from '../services/wait.js';
import type { CommandOutput } from '../transport/types.js';
import type { ExecOutcome } from './context-types.js';
import type { StepOutcome } from './step-recorder.js';
import type { TestEnv } from './test-env.js';

/** Runs a command on hosts at once; each host's output goes to the step folder (<host>/ when several). */
export async function execOnHosts(env: TestEnv, hosts: readonly HostConfig[], command: (h: HostConfig) => string, dir: string | undefined, timeoutMs?: number): Promise<Map<string, CommandOutput>> {
  const outs = await Promise.all(
    hosts.map(async (h) => {
      const conn = await env.conn(h);
      const where = dir ? (hosts.length > 1 ? join(dir, h.name) : dir) : undefined;
      if (where && hosts.length > 1) await mkdir(where, { recursive: true });
      const out = await conn.exec(command(h), {
        signal: env.signal(),
        env: h.env,
        sudo: h.sudo,
        ...(h.sudoPasswordEnv ? { sudoPasswordEnv: h.sudoPasswordEnv } : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
        ...(where ? { stdoutFile: join(where, 'stdout'), stderrFile: join(where, 'stderr') } : {}),
      });
      return [h.name, out] as const;
    }),
  );
  return new Map(outs);
}

/** Judges each host's outcome against expect (exit default 0); the step outcome and the value t.exec returns. */
export function judgeExec(outs: ReadonlyMap<string, CommandOutput>, expect: ExpectSpec, timeoutMs?: number): { outcome: StepOutcome; value: ExecOutcome } {
  const error: string[] = [];
  const info: string[] = [];
  const prefix = (h: string) => (outs.size > 1 ? `${h}: ` : '');
  for (const [h, out] of outs) {
    const problems = checkOutput(out, expect, timeoutMs);
    if (problems.length) error.push(`${prefix(h)}${problems.join('; ')}${lastLines(out)}`);
    else info.push(`${prefix(h)}exit ${out.exitCode}${takeLastLines(out.stdout, 1).map((l) => `: ${l}`).join('')}`);
  }
  const first = [...outs][0];
  const exitCode = first ? first[1].exitCode : null;
  const value: ExecOutcome = {
    host: first?.[0] ?? '',
    exitCode,
    stdout: first?.[1].stdout ?? '',
    stderr: first?.[1].stderr ?? '',
    hosts: Object.fromEntries([...outs].map(([h, o]) => [h, { exitCode: o.exitCode, stdout: o.stdout, stderr: o.stderr }])),
  };
  const aborted = [...outs.values()].some((o) => o.aborted);
  return { outcome: { status: error.length ? (aborted ? 'UNKNOWN' : 'ERROR') : 'OK', error, info, hosts: [...outs.keys()], exitCode }, value };
}

/** What is wrong with one outcome (empty when it meets expect). */
export function checkOutput(out: CommandOutput, expect: ExpectSpec, timeoutMs?: number): string[] {
  if (out.timedOut) return [`timed out after ${formatDuration(timeoutMs ?? 0)}; process tree killed`];
  if (out.aborted) return ['stopped (test timed out or interrupted); process tree killed'];
  const problems: string[] = [];
  const exit = expect.exit ?? 0;
  if (out.exitCode !== exit) problems.push(`${describeExit(out)}, expected ${exit}`);
  for (const k of ['stdout', 'stderr'] as const) {
    const re = expect[k];
    if (re !== undefined && !new RegExp(re, 'm').test(out[k])) problems.push(`${k} does not match /${re}/`);
  }
  return problems;
}

function lastLines(out: CommandOutput): string {
  const lines = [...takeLastLines(out.stdout, 3).map((l) => `stdout| ${l}`), ...takeLastLines(out.stderr, 3).map((l) => `stderr| ${l}`)];
  return lines.length ? `\n${lines.join('\n')}` : '';
}
