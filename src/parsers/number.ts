// The `number` parser: one number from the output, judged by `warn` and `error` thresholds, kept as a metric.
import type { Status } from '../results/status.js';
import type { Metric, ParsedResult } from '../results/types.js';
import { toMessageLines } from './lines.js';
import { ParserError } from './parser-error.js';
import { describeValue, getParam, mergeLowerKeys } from './params.js';
import { checkPatterns, compilePatterns } from './pattern.js';
import { createResult, levelOf } from './result.js';
import { applyTermination } from './termination.js';
import { parseThreshold, THRESHOLD_FORMS, type Threshold } from './threshold.js';
import type { BuiltinParser, ParserInput } from './types.js';

// A sign counts only when it does not join a word: "lag -3" is -3, "web-01" is 1.
const FIRST_NUMBER = /(?:(?<![\w.])[-+])?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?/;

/** Parses the number captured by `match` (first group, or the group named `value`), else the first number in stdout. */
export function parseNumber(input: ParserInput): ParsedResult {
  const problem = validateNumberOptions(mergeLowerKeys(input.params));
  if (problem) throw new ParserError(problem);
  const params = input.params;
  const value = findNumber(input.stdout, getParam(params, 'match'), getParam(params, 'flags'));
  if (value === undefined) return applyTermination(noNumberResult(input), input);
  const warn = parseThreshold(getParam(params, 'warn'));
  const error = parseThreshold(getParam(params, 'error'));
  const status: Status = error?.breaches(value) ? 'ERROR' : warn?.breaches(value) ? 'WARN' : 'OK';
  const result = createResult(status);
  const name = String(getParam(params, 'metric') ?? 'value');
  result.metrics[name] = buildMetric(value, getParam(params, 'uom'), warn, error);
  const breached = status === 'ERROR' ? error : status === 'WARN' ? warn : undefined;
  const text = breached ? `${name} ${value} breaches ${status === 'ERROR' ? 'error' : 'warn'} threshold ${breached.text}` : `${name} ${value}`;
  result.messages[levelOf(status)].push(text);
  return applyTermination(result, input);
}

/** Returns the number found in the text, or undefined. */
export function findNumber(text: string, match: unknown, flags?: unknown): number | undefined {
  if (match === undefined || match === null) return toNumber(FIRST_NUMBER.exec(text)?.[0]);
  for (const pattern of compilePatterns(match, flags)) {
    const found = pattern.exec(text);
    if (!found) continue;
    const captured = found.groups?.['value'] ?? found[1] ?? found[0];
    const number = toNumber(FIRST_NUMBER.exec(stripGrouping(captured))?.[0]);
    if (number !== undefined) return number;
  }
  return undefined;
}

/** Removes thousands separators: "1,234,567" → "1234567". */
function stripGrouping(text: string): string {
  return text.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
}

function toNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function buildMetric(value: number, uom: unknown, warn: Threshold | undefined, error: Threshold | undefined): Metric {
  const metric: Metric = { value };
  if (typeof uom === 'string' && uom !== '') metric.uom = uom;
  if (warn) metric.warn = warn.text;
  if (error) metric.crit = error.text;
  return metric;
}

function noNumberResult(input: ParserInput): ParsedResult {
  const result = createResult('ERROR');
  const match = getParam(input.params, 'match');
  result.messages.error.push(match === undefined ? 'no number in output' : `pattern ${describeValue(match)} found no number in output`);
  if (input.exitCode !== null && input.exitCode !== 0) result.messages.error.push(`command exited with code ${input.exitCode}`);
  result.messages.error.push(...toMessageLines(input.stderr, 'stderr'));
  return result;
}

/** Returns an error message for bad number options, or undefined. */
export function validateNumberOptions(options: Record<string, unknown>): string | undefined {
  if (options['match'] !== undefined && options['match'] !== null) {
    const problem = checkPatterns(options['match'], options['flags']);
    if (problem) return `number parser: match: ${problem}`;
  }
  for (const key of ['warn', 'error']) {
    const spec = options[key];
    if (spec !== undefined && spec !== null && !parseThreshold(spec)) {
      return `number parser: ${key}: expected ${THRESHOLD_FORMS}, got ${describeValue(spec)}`;
    }
  }
  return undefined;
}

/** The built-in `number` parser. */
export const numberParser: BuiltinParser = { name: 'number', params: ['match', 'flags', 'warn', 'error', 'metric', 'uom'], parse: parseNumber, validate: validateNumberOptions };
