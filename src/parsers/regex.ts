// The `regex` parser: the first of the error, warn, ok patterns that matches a line decides the status.
import type { Status } from '../results/status.js';
import type { ParsedResult } from '../results/types.js';
import { splitLines, toMessageLines } from './lines.js';
import { ParserError } from './parser-error.js';
import { describeValue, getParam, mergeLowerKeys } from './params.js';
import { checkPatterns, compilePatterns } from './pattern.js';
import { createResult, levelOf } from './result.js';
import { applyTermination } from './termination.js';
import type { BuiltinParser, ParserInput } from './types.js';

const RULES: ReadonlyArray<{ key: 'error' | 'warn' | 'ok'; status: Status }> = [
  { key: 'error', status: 'ERROR' },
  { key: 'warn', status: 'WARN' },
  { key: 'ok', status: 'OK' },
];
/** Matching lines quoted in a message, at most. */
const MAX_QUOTED = 10;

/** Parses output with `error`, `warn`, `ok` patterns (per line, stdout then stderr); an `ok` that never matches is ERROR. */
export function parseRegex(input: ParserInput): ParsedResult {
  const problem = validateRegexOptions(mergeLowerKeys(input.params));
  if (problem) throw new ParserError(problem);
  const flags = getParam(input.params, 'flags');
  const lines = [...splitLines(input.stdout), ...splitLines(input.stderr)];
  for (const { key, status } of RULES) {
    const spec = getParam(input.params, key);
    if (spec === undefined || spec === null) continue;
    const patterns = compilePatterns(spec, flags);
    const matched = lines.filter((line) => patterns.some((p) => p.test(line)));
    if (matched.length === 0) continue;
    return applyTermination(quoteMatches(status, key, matched), input);
  }
  return applyTermination(resultWithoutMatch(input), input);
}

function quoteMatches(status: Status, key: string, matched: string[]): ParsedResult {
  const result = createResult(status);
  const quoted = matched.slice(0, MAX_QUOTED).map((line) => `matched ${key} pattern: ${JSON.stringify(line.trim())}`);
  if (matched.length > MAX_QUOTED) quoted.push(`... and ${matched.length - MAX_QUOTED} more matching lines`);
  result.messages[levelOf(status)].push(...quoted);
  return result;
}

function resultWithoutMatch(input: ParserInput): ParsedResult {
  const ok = getParam(input.params, 'ok');
  const failed = input.exitCode !== null && input.exitCode !== 0;
  if (ok === undefined && !failed) {
    const result = createResult('OK');
    result.messages.info.push('no error or warn pattern matched');
    return result;
  }
  const result = createResult('ERROR');
  if (ok !== undefined) result.messages.error.push(`no line matched ok pattern ${describeValue(ok)}`);
  if (failed) result.messages.error.push(`command exited with code ${input.exitCode}`);
  result.messages.error.push(...toMessageLines(input.stderr, 'stderr'));
  return result;
}

/** Returns an error message for bad regex options, or undefined. */
export function validateRegexOptions(options: Record<string, unknown>): string | undefined {
  const keys = RULES.map((r) => r.key).filter((key) => options[key] !== undefined && options[key] !== null);
  if (keys.length === 0) return 'regex parser: expected at least one of ok, warn, error patterns';
  for (const key of keys) {
    const problem = checkPatterns(options[key], options['flags']);
    if (problem) return `regex parser: ${key}: ${problem}`;
  }
  return undefined;
}

/** The built-in `regex` parser. */
export const regexParser: BuiltinParser = { name: 'regex', params: ['ok', 'warn', 'error', 'flags'], parse: parseRegex, validate: validateRegexOptions };
