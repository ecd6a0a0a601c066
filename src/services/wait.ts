// Running a wait loop and judging it: OK with how long it took, or "timed out after 60s waiting for port 9092".
import type { CommandOutput, Connection, ExecOptions } from '../transport/types.js';
import { formatWaitTime, takeLastLines } from './step-result.js';
import { LOOP_GAVE_UP, LOOP_NO_TOOL, type WaitProbe } from './wait-scripts.js';

/** A judged wait: status and messages. */
export interface WaitVerdict {
  status: 'OK' | 'ERROR' | 'UNKNOWN';
  info?: string[];
  error?: string[];
}

/** Runs one wait loop over a connection (one channel for the whole wait) and judges it. */
export async function waitFor(conn: Connection, probe: WaitProbe, timeoutMs: number, opts: ExecOptions = {}): Promise<WaitVerdict & { out: CommandOutput }> {
  const out = await conn.exec(probe.script, { ...opts, timeoutMs });
  return { ...judgeProbe(out, probe, timeoutMs), out };
}

/** Turns a wait loop's outcome into a status and message (pure). */
export function judgeProbe(out: CommandOutput, probe: WaitProbe, timeoutMs: number): WaitVerdict {
  const last = takeLastLines(out.stderr, 1)[0];
  if (out.aborted) return { status: 'UNKNOWN', error: [`interrupted while waiting for ${probe.what}`] };
  if (out.exitCode === 0) {
    const detail = takeLastLines(out.stdout, 1)[0];
    return { status: 'OK', info: [`${probe.what} after ${formatWaitTime(out.durationMs)}${detail ? `: ${detail}` : ''}`] };
  }
  if (out.timedOut || out.exitCode === LOOP_GAVE_UP) {
    return { status: 'ERROR', error: [`timed out after ${formatWaitTime(timeoutMs)} waiting for ${probe.what}${last ? ` (last: ${last})` : ''}`] };
  }
  if (out.exitCode === LOOP_NO_TOOL) return { status: 'ERROR', error: [last ?? `no tool on the host to wait for ${probe.what}`] };
  return { status: 'ERROR', error: [`waiting for ${probe.what} failed: ${describeExit(out)}${last ? `: ${last}` : ''}`] };
}

/** How a command ended: `exit code 3`, `killed by SIGKILL`. */
export function describeExit(out: CommandOutput): string {
  if (out.exitCode !== null) return `exit code ${out.exitCode}`;
  return out.signal ? `killed by ${out.signal}` : 'no exit status';
}
