// A command that timed out or was killed is an ERROR whatever its output says.
import type { ParsedResult } from '../results/types.js';
import type { ParserInput } from './types.js';

/** Formats a duration the way check files write it: 500ms, 30s, 5m. */
export function formatDuration(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms >= 1000 && ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** Returns why the command ended abnormally ("timed out after 30s", "killed by signal SIGTERM"), or undefined. */
export function describeTermination(input: Pick<ParserInput, 'timedOut' | 'signal' | 'timeoutMs'>): string | undefined {
  if (input.timedOut) {
    return input.timeoutMs === undefined ? 'timed out' : `timed out after ${formatDuration(input.timeoutMs)}`;
  }
  if (input.signal) return `killed by signal ${input.signal}`;
  return undefined;
}

/** Marks a result ERROR with the termination reason first among its errors; a no-op for a normal exit. */
export function applyTermination(result: ParsedResult, input: ParserInput): ParsedResult {
  const reason = describeTermination(input);
  if (reason === undefined) return result;
  const errors = result.messages.error.includes(reason) ? result.messages.error : [reason, ...result.messages.error];
  return { ...result, status: 'ERROR', messages: { ...result.messages, error: errors } };
}
