// The `auto` parser (the default): Smoker's JSON contract when stdout is one, else the exit code decides.
import type { ParsedResult } from '../results/types.js';
import { parseJsonResult } from './json.js';
import { toMessageLines } from './lines.js';
import { createResult } from './result.js';
import { applyTermination } from './termination.js';
import type { BuiltinParser, ParserInput } from './types.js';

/** Parses output: a JSON object with `status` goes to the json parser; otherwise exit 0 → OK, else ERROR. */
export function parseAuto(input: ParserInput): ParsedResult {
  if (looksLikeJsonResult(input.stdout)) return applyTermination(parseJsonResult(input), input);
  const ok = input.exitCode === 0 && !input.timedOut && !input.signal;
  const result = createResult(ok ? 'OK' : 'ERROR');
  if (input.exitCode !== null && input.exitCode !== 0) result.messages.error.push(`command exited with code ${input.exitCode}`);
  if (!ok && input.exitCode === null && !input.timedOut && !input.signal) {
    result.messages.error.push('command ended without an exit code');
  }
  result.messages.info.push(...toMessageLines(input.stdout, 'stdout'));
  result.messages.error.push(...toMessageLines(input.stderr, 'stderr'));
  return applyTermination(result, input);
}

/** Whether stdout (trimmed) is a JSON object with a `status` key. */
export function looksLikeJsonResult(stdout: string): boolean {
  const text = stdout.trim();
  if (!text.startsWith('{') || !text.endsWith('}')) return false;
  try {
    const data: unknown = JSON.parse(text);
    return typeof data === 'object' && data !== null && !Array.isArray(data) && 'status' in data;
  } catch {
    return false;
  }
}

/** The built-in `auto` parser. */
export const autoParser: BuiltinParser = { name: 'auto', parse: parseAuto };
